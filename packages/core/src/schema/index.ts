// The submission schema, version 1, for the browser and for Node.
export * from './vocabulary.js';
export * from './messages.js';
export {
  submissionSchema,
  characterCount,
  type Submission,
  type Contact,
  type Consent,
} from './submission.js';
export {validateSubmission, toFieldErrors, type ValidationResult} from './validate.js';
export {canonicalSubmissionJson} from './canonical.js';
export {exampleSubmission} from './example.js';
export {newSubmissionId} from './submission-id.js';
export {
  involvementSchema,
  exampleInvolvement,
  INVOLVEMENT_WAYS,
  INVOLVEMENT_SUPPORT,
  INVOLVEMENT_CONTACT_METHODS,
  INVOLVEMENT_LIMITS,
  type Involvement,
  type InvolvementWay,
  type InvolvementSupport,
} from './involvement.js';
export {validateInvolvement, type InvolvementValidationResult} from './validate-involvement.js';
export {
  consultationInputSchema,
  consultationChangeSchema,
  consultationDecisionSchema,
  acceptsAnswers,
  exampleConsultationInput,
  CONSULTATION_STATUSES,
  CONSULTATION_TRANSITIONS,
  CONSULTATION_LIMITS,
  CONSULTATION_SLUG,
  QUESTION_TYPES,
  type Consultation,
  type ConsultationAction,
  type ConsultationChange,
  type ConsultationDecision,
  type ConsultationInput,
  type ConsultationQuestion,
  type ConsultationStatus,
  type ConsultationSummary,
  type ConsultationWritten,
  type Proposal,
  type PublicConsultation,
  type QuestionType,
} from './consultation.js';
export {
  consultationResponseSchema,
  checkAnswers,
  exampleConsultationResponse,
  type ConsultationResponse,
} from './consultation-response.js';
export {summariseConsultation} from './consultation-summary.js';
export {
  CONSULTATION_MESSAGES,
  isConsultationCode,
  type ConsultationCode,
  type ConsultationFieldError,
} from './consultation-messages.js';
export {
  validateConsultationInput,
  validateConsultationChange,
  validateConsultationDecision,
  validateConsultationResponse,
  type Checked,
} from './validate-consultation.js';
export {
  aboutYouSchema,
  exampleAboutYou,
  ethnicGroupOf,
  PREFER_NOT_TO_SAY,
  AGE_BANDS,
  DISABILITY_ANSWERS,
  ETHNIC_GROUPS,
  ETHNIC_GROUP_NAMES,
  ETHNICITIES,
  SEXES,
  SEXUAL_ORIENTATIONS,
  RELIGIONS,
  CARER_ANSWERS,
  ABOUT_YOU_QUESTIONS,
  ABOUT_YOU_QUESTION_NAMES,
  type AboutYou,
  type AboutYouAnswers,
  type AboutYouQuestion,
  type EthnicGroup,
  type Ethnicity,
} from './about-you.js';
export {validateAboutYou, type AboutYouValidationResult} from './validate-about-you.js';
export {
  ABOUT_YOU_MESSAGES,
  isAboutYouCode,
  type AboutYouCode,
  type AboutYouFieldError,
} from './about-you-messages.js';
