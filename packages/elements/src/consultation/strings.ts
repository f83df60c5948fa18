// <care-consultation>'s English (en-GB) words. Translations live in locales/<locale>/consultation.json,
// easy read in consultation.easy.json. The consultation's own words (the plan, the questions) come
// from the provider, in the provider's language.

export const consultationStrings = {
  loading: 'Loading the consultation…',
  'load.failed.heading': 'Sorry, we could not show this consultation',
  'load.failed.text': 'Please check you are online, then try again.',
  'load.missing.text': 'We could not find this consultation. It may have been taken down.',
  'load.again': 'Try again',

  intro: 'We want to know what you think before we decide. This is called a consultation.',
  'proposal.plan': 'What we plan',
  'proposal.why': 'Why we want to do this',
  'proposal.changes': 'What changes for you',
  'proposal.when': 'When',
  closes: 'Send your answers by {date}.',

  'questions.heading': 'Your answers',
  optional: '(optional)',
  'scale.end': '{n}: {label}',

  'about.legend': 'Do you want to give your name?',
  'about.hint': 'You do not have to. If you give your name, we can contact you about your answers.',
  'about.anonymous': 'No, send my answers without my name',
  'about.named': 'Yes, give my name and how to contact you',
  'contact.name': 'Your name',
  'contact.email': 'Email address (optional)',
  'contact.phone': 'Phone number (optional)',
  'method.legend': 'What is the best way to contact you?',
  'method.email': 'Email',
  'method.phone': 'Phone',
  'contactConsent.label': 'Yes, you can contact me about my answers',

  'consent.legend': 'Saying yes',
  'consent.hint': 'We keep your answers to help us decide. We only share totals, never your own words.',
  'consent.label': 'Yes, you can keep my answers',

  'hp.label': 'Leave this box empty',
  submit: 'Send my answers',
  sending: 'Sending…',

  'errorSummary.title': 'There is a problem',
  'error.prefix': 'Error:',
  'error.answers.required': 'Answer the question: {question}',
  'error.answers.invalid': 'Choose one of the answers to: {question}',
  'error.answers.too-long': 'Your answer is too long. Use 5,000 characters or fewer: {question}',
  'error.contact.name': 'Tell us your name, or choose to send your answers without it.',
  'error.contact.name.invalid': 'Your name is too long. Use 200 characters or fewer.',
  'error.contact.email.invalid': 'Check your email address. It should look like name@example.org.',
  'error.contact.phone.invalid': 'Enter a phone number using numbers, like 01632 960000.',
  'error.contact.email.needed': 'Put in your email address, so we can email you.',
  'error.contact.phone.needed': 'Put in your phone number, so we can ring you.',
  'error.contact.preferredMethod.invalid': 'Choose the best way to contact you.',
  'error.contactConsent':
    'Tick the box to say we can contact you. Or send your answers without your name.',
  'error.consent': 'Tick the box to say we can keep your answers. We cannot take them without it.',
  'error.other': 'Something is not right. Please check your answers.',

  'done.heading': 'Thank you for your answers',
  'done.reference': 'Your reference is',
  'done.next': 'We will read every answer. Once we decide, we will tell you on this page.',
  'done.queued.heading': 'Your answers are saved',
  'done.queued':
    'We cannot reach the internet just now. Your answers are saved on this device. We will send them by themselves when you are back online.',
  'done.queuedMemory':
    'We cannot reach the internet just now. Keep this page open. We will send your answers when you are back online.',

  'closed.heading': 'This consultation has closed',
  'closed.text': 'It closed on {date}. We cannot take new answers now.',
  'closed.late': 'It closed before your answers reached us, so we could not take them.',
  'closed.draft': 'The answers you wrote are still saved on this device.',
  'closed.next': 'We are reading all the answers. We will say what we decided on this page.',

  'failed.heading': 'Sorry, your answers were not sent',
  'failed.text': 'Something went wrong. Your answers are still here. Please try again later.',
  'failed.again': 'Try again',

  'decided.heading': 'We asked, you said, we did',
  'decided.asked': 'We asked',
  'decided.said': 'You said',
  'decided.did': 'We did',
  'decided.changes': 'What changed',
  'decided.date': 'We made our choice on {date}.',
  'decided.responses': 'Number of people who answered: {count}',
  'decided.count': '{label}: {count}',
  'decided.answered': 'Number of answers: {count}',
  'decided.written': 'Number of people who wrote an answer: {count}. We read every one.',
};

export type ConsultationStrings = typeof consultationStrings;
