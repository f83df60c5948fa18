// Plain-English validation messages, keyed by a stable code that a form can translate. "About you" has
// its own (about-you-messages.ts), and so do consultations (consultation-messages.ts).

/** Every code a validation error can carry. A form may map these to its own catalogue. */
export const VALIDATION_MESSAGES = {
  'body.invalid': 'We could not read this feedback. Please try again.',
  'schemaVersion.invalid': 'This form is out of date. Please reload the page and try again.',
  'id.invalid': 'This feedback has lost its label. Please reload the page and try again.',
  'kind.required': 'Choose what kind of feedback this is.',
  'rating.invalid': 'Choose one of the answers about your experience.',
  'message.required': 'Tell us what happened.',
  'message.too-long': 'What happened must be 5,000 characters or fewer.',
  'improvement.invalid': 'What could be better must be written as text.',
  'improvement.too-long': 'What could be better must be 5,000 characters or fewer.',
  'service.invalid': 'Choose a service from the list.',
  'relationship.invalid': 'Choose how you know the service.',
  'contact.invalid': 'Your contact details are not in the right form.',
  'contact.name.invalid': 'Your name must be 200 characters or fewer.',
  'contact.email.invalid': 'Enter an email address like name@example.org.',
  'contact.phone.invalid': 'Enter a phone number using numbers, like 01632 960000.',
  'contact.address.invalid': 'Your address must be 500 characters or fewer.',
  'contact.preferredMethod.invalid': 'Choose how you would like us to reply.',
  'contact.email.needed': 'Enter your email address, so we can reply by email.',
  'contact.phone.needed': 'Enter your phone number, so we can ring you.',
  'contact.address.needed': 'Enter your address, so we can write to you.',
  'communicationNeeds.invalid': 'Choose from the list of ways we can reply.',
  'communicationNeedsDetail.invalid': 'Tell us about your needs in 500 characters or fewer.',
  'charterRight.invalid': 'This right is not one we know. Please reload the page and try again.',
  'consent.store.required': 'Say yes to us keeping your feedback. We cannot keep it without this.',
  'consent.invalid': 'Answer the questions about what we may do with your feedback.',
  'locale.invalid': 'The language of this form is not one we know.',
  'page.invalid': 'The page this came from is not in the right form.',
  'createdAt.invalid': 'The time this was written is not in the right form.',
  'client.invalid': 'This form is out of date. Please reload the page and try again.',
  'spam.invalid': 'This form is out of date. Please reload the page and try again.',
  // The involvement sign-up (involvement.ts).
  'ways.required': 'Choose at least one way you would like to help.',
  'topics.invalid': 'Each thing you care about must be 100 characters or fewer.',
  'topics.too-many': 'Choose 20 things you care about or fewer.',
  'support.invalid': 'Choose from the list of help we can give.',
  'supportDetail.invalid': 'Tell us about the help you need in 500 characters or fewer.',
  'contact.name.required': 'Tell us your name.',
  'consent.contact.required': 'Say yes to us getting in touch. We need this to ask you to help.',
} as const;

export type ValidationCode = keyof typeof VALIDATION_MESSAGES;

/** One problem with one field, ready to show beside that field. */
export interface FieldError {
  /** Dotted path to the field, e.g. `contact.email` or `communicationNeeds.2`. Empty for the whole body. */
  path: string;
  /** Stable code for translation, e.g. `contact.email.invalid`. */
  code: ValidationCode;
  /** The plain-English message. */
  message: string;
}

export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && Object.hasOwn(VALIDATION_MESSAGES, value);
}
