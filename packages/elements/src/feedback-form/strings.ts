// The form's English (en-GB) strings: the defaults every other catalogue and provider override replaces.
import {VALIDATION_MESSAGES, type ValidationCode} from '@care-feedback/core/schema/messages';

/**
 * Every string the form shows, keyed. Locales live in `locales/<locale>/form.json` and easy read in
 * `form.easy.json`; a provider replaces any one of them with the `strings` property.
 * Plurals use `.one` / `.other` (and any other CLDR category a locale needs, such as Welsh `.two`).
 */
export const formStrings = {
  'form.label': 'Give feedback',
  progress: 'Step {current} of {total}',
  back: 'Back',
  continue: 'Continue',
  /** The button that reads the step aloud, and its label while it reads. */
  listen: 'Listen',
  'listen.stop': 'Stop',
  optional: '(optional)',
  'error.prefix': 'Error:',
  'errorSummary.title': 'There is a problem',
  'draft.restored': 'We kept what you wrote before, so you can carry on.',
  'draft.startAgain': 'Start again with an empty form',
  'hp.label': 'Leave this box empty',

  'kind.heading': 'What would you like to tell us?',
  'kind.legend': 'Type of feedback',
  'kind.compliment': 'Compliment',
  'kind.complaint': 'Complaint',
  'kind.comment': 'Comment',
  'kind.suggestion': 'Suggestion',
  'kind.concern': 'Concern about someone’s safety',

  'rating.heading': 'Overall, how was your experience of our service?',
  'rating.hint': 'You can skip this question if you want to.',
  'rating.very-good': 'Very good',
  'rating.good': 'Good',
  'rating.neither': 'Neither good nor poor',
  'rating.poor': 'Poor',
  'rating.very-poor': 'Very poor',
  'rating.dont-know': 'Don’t know',

  'story.heading': 'Tell us what happened',
  'message.label': 'What happened?',
  'message.hint': 'Use your own words. If you can, say when and where it happened.',
  'improvement.label': 'What could we do better?',
  'improvement.hint': 'For example, something we should change, or something we should keep doing.',
  'count.limit': 'You can write up to {max} characters.',
  'count.left.one': 'You have {count} character left.',
  'count.left.other': 'You have {count} characters left.',
  'count.over.one': 'You have {count} character too many.',
  'count.over.other': 'You have {count} characters too many.',

  'about.heading': 'About you',
  'relationship.legend': 'How do you know the service?',
  'relationship.person-using-service': 'I use the service',
  'relationship.family-or-friend': 'I am family or a friend of someone who uses it',
  'relationship.advocate': 'I am an advocate for someone who uses it: I help them speak up',
  'relationship.staff': 'I work for the service',
  'relationship.professional':
    'I work with the service, for example as a nurse or a social worker (someone who helps plan care)',
  'relationship.other': 'Something else',
  'service.legend': 'Which service is it about?',
  'service.unsure': 'I am not sure',

  'reply.heading': 'Would you like us to reply?',
  'reply.hint': 'You can give feedback without telling us who you are.',
  'reply.anonymous': 'No, I do not want to give my name',
  'reply.anonymous.hint': 'We will not be able to reply to you.',
  'reply.contact': 'Yes, please reply to me',
  'name.label': 'Your name',
  'method.legend': 'How should we reply?',
  'method.email': 'By email',
  'method.phone': 'By phone',
  'method.post': 'By post',
  'email.label': 'Email address',
  'phone.label': 'Phone number',
  'phone.hint': 'For example, 01632 960000.',
  'address.label': 'Postal address',
  'address.hint': 'Include the postcode.',

  'needs.heading': 'Do you need our reply in a different way?',
  'needs.hint':
    'Choose all that help you. Leave them all empty if you do not need anything different.',
  'needs.easy-read': 'Easy read: short sentences with pictures',
  'needs.large-print': 'Large print: big letters',
  'needs.braille': 'Braille: raised dots you read by touch',
  'needs.bsl': 'British Sign Language (BSL): a language made with the hands and face',
  'needs.interpreter': 'An interpreter: someone who says our words in your language',
  'needs.audio': 'Audio, such as a recording',
  'needs.other': 'Something else',
  'needsDetail.label': 'Tell us what you need',
  'needsDetail.hint': 'For example, the language you speak.',

  'consent.heading': 'What we may do with your feedback',
  'consent.hint': 'Tick each box you agree to.',
  'consent.store': 'You may keep my feedback and use it to make the service better',
  'consent.store.hint': 'We cannot keep your feedback without this.',
  'consent.privacy': 'Read how we look after your information (opens in a new tab)',
  'consent.choice': 'The next two are up to you. Your answers will not change how we treat you.',
  'consent.contact': 'You may contact me about my feedback',
  'consent.publish': 'You may share a short quote from my feedback, without my name',

  'review.heading': 'Check your answers',
  'review.hint': 'Make sure everything is right before you send it.',
  'review.change': 'Change',
  'review.changeLabel': 'Change: {question}',
  'review.kind': 'Type of feedback',
  'review.rating': 'Your experience',
  'review.message': 'What happened',
  'review.improvement': 'What we could do better',
  'review.relationship': 'How you know the service',
  'review.service': 'Service',
  'review.reply': 'Reply',
  'review.needs': 'How we should reply',
  'review.consent': 'What we may do',
  'review.none': 'Not given',
  'review.anonymous': 'No reply. You did not give your name.',
  'review.consent.store': 'Keep and use my feedback',
  'review.consent.contact': 'Contact me about it',
  'review.consent.publish': 'Share a short quote without my name',
  send: 'Send feedback',
  sending: 'Sending your feedback. Please wait.',

  'done.delivered.heading': 'Thank you. We have your feedback',
  'done.reference': 'Your reference',
  'done.reference.hint': 'Keep this reference. It helps us find your feedback if you get in touch.',
  'done.queued.heading': 'Your feedback is saved on this device',
  'done.queued.body':
    'We could not reach our system just now. Your feedback will be sent by itself when the connection is back. You do not need to do anything.',
  'done.memory.heading': 'Your feedback is not saved yet',
  'done.memory.body':
    'We could not reach our system, and this device cannot save your feedback. Please keep this page open. We will keep trying to send it.',
  'done.status.queued': 'Waiting to send',
  'done.status.delivered': 'Sent',
  'done.status.label': 'Status:',
  'done.next.heading': 'What happens next',
  'done.next.complaint.contact':
    'We will tell you that we have your complaint within {days} {workingDays}.',
  'done.next.complaint.anonymous': 'We will look at your complaint within {days} {workingDays}.',
  'done.ombudsman': 'If you are still unhappy after we have answered your complaint, you can ask the {ombudsman} to look at it. An ombudsman is someone who looks at complaints and is fair to both sides. They do not work for us, and it is free.',
  'done.ombudsman.link': 'How to contact the Ombudsman (opens in a new tab)',
  // The ombudsman for the provider's nation (the `nation` setting), named in {ombudsman} above.
  'ombudsman.england': 'Local Government and Social Care Ombudsman',
  'ombudsman.wales': 'Public Services Ombudsman for Wales',
  'ombudsman.scotland': 'Scottish Public Services Ombudsman',
  'ombudsman.northern-ireland': 'Northern Ireland Public Services Ombudsman',
  'done.next.concern':
    'Someone will look at your worry as soon as they can. If anyone is in danger now, call 999.',
  'done.next.concern.contact': 'You can also contact our {safeguarding} lead: {contact}',
  'done.next.compliment': 'We will pass on your kind words to the people involved.',
  'done.next.other': 'We read all feedback and use it to make our service better.',
  'done.next.reply.email': 'We will reply to you by email.',
  'done.next.reply.phone': 'We will reply to you by phone.',
  'done.next.reply.post': 'We will reply to you by post.',
  'done.again': 'Give more feedback',
  // Glossary words in the sentences above, each shown as a <care-jargon> that explains itself.
  'term.workingDays': 'working days',
  'term.safeguarding': 'safeguarding',

  'failed.heading': 'Your feedback has not been sent',
  'failed.rejected': 'Our system could not accept it.',
  'failed.expired': 'We tried to send it for a long time, but could not.',
  'failed.overflow': 'Too many messages are waiting to be sent from this device.',
  'failed.no-endpoint': 'This form is not set up to send feedback yet.',
  'failed.kept': 'Nothing you wrote has been lost.',
  'failed.retry': 'Try again',
  'failed.review': 'Check your answers',

  'error.reply.required': 'Choose whether you would like us to reply.',
  ...errorStrings(),
};

export type FormStrings = {[K in keyof typeof formStrings]: string};
export type FormStringKey = keyof FormStrings;

// The core's plain-English messages are ours too; copying them keeps one wording in both places.
function errorStrings(): Record<`error.${ValidationCode}`, string> {
  const out = {} as Record<`error.${ValidationCode}`, string>;
  for (const [code, message] of Object.entries(VALIDATION_MESSAGES)) {
    out[`error.${code as ValidationCode}`] = message;
  }
  return out;
}
