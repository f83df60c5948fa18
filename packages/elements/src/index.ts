// @care-feedback/elements: element classes and helpers, without registering any tag.
// Import '@care-feedback/elements/define/<tag>' (or the embed bundle) to register elements.
export {configure, getConfig, type CareConfig} from './shared/config.js';
export {defineElement} from './shared/define.js';
export {VERSION} from './shared/version.js';

// The elements.
export {CareFeedbackForm, type CareService} from './feedback-form/feedback-form.js';
export {formStrings, type FormStrings} from './feedback-form/strings.js';
export {CareFeedbackPicker} from './feedback-picker/feedback-picker.js';
export {
  CareFeedbackLauncher,
  type LauncherOpenOptions,
  type LauncherPosition,
  type LauncherCollapse,
} from './feedback-launcher/feedback-launcher.js';
export {CareJargon, jargonStrings, type JargonStrings} from './jargon/jargon.js';
export {CareGlossary, glossaryStrings, type GlossaryStrings} from './glossary/glossary.js';
export {CareRightsCharter, charterStrings, type CharterStrings} from './rights-charter/rights-charter.js';
export {CareJargonScan} from './jargon-scan/jargon-scan.js';
export {CareYouSaidWeDid} from './you-said-we-did/you-said-we-did.js';
export {CareGetInvolved, DEFAULT_TOPICS} from './get-involved/get-involved.js';
export {getInvolvedStrings, type GetInvolvedStrings} from './get-involved/strings.js';
export {CareConsultation} from './consultation/consultation.js';
export {consultationStrings, type ConsultationStrings} from './consultation/strings.js';
export {CareAboutYou} from './about-you/about-you.js';
export {aboutYouStrings, type AboutYouStrings} from './about-you/strings.js';
export {loadGlossary} from './shared/glossary-loader.js';
export {sanitizeHtml, sanitizeNodes, renderSafe, safeHref, type SafeNode} from './shared/safe-html.js';

// Their events.
export {CareEvent} from './events/care-event.js';
export {CareKindChangeEvent, type CareKindChangeDetail} from './events/care-kind-change.js';
export {CareSubmitEvent, type CareSubmitDetail} from './events/care-submit.js';
export {CareQueuedEvent, type CareQueuedDetail} from './events/care-queued.js';
export {CareDeliveredEvent, type CareDeliveredDetail} from './events/care-delivered.js';
export {CareFailedEvent, type CareFailedDetail, type CareFailureReason} from './events/care-failed.js';
export {CareLauncherOpenEvent, type CareLauncherOpenDetail} from './events/care-launcher-open.js';
export {CareLauncherCloseEvent, type CareLauncherCloseDetail} from './events/care-launcher-close.js';
export {CareJargonToggleEvent, type CareJargonToggleDetail} from './events/care-jargon-toggle.js';
export {CareCharterFeedbackEvent, type CareCharterFeedbackDetail} from './events/care-charter-feedback.js';
export {CareInboxChangeEvent, type CareInboxChangeDetail} from './events/care-inbox-change.js';
export {CareAboutYouEvent, type CareAboutYouDetail} from './events/care-about-you.js';

// Glossary and charter data: validate, merge and look up a provider's own content.
export {
  parseGlossary,
  mergeGlossaries,
  findEntry,
  indexGlossary,
  normaliseTerm,
  brokenLinks,
  GLOSSARY_LIMITS,
  type Glossary,
  type GlossaryEntry,
  type GlossaryResult,
} from './glossary-data/glossary-data.js';
export {
  parseCharter,
  CHARTER_LIMITS,
  CHARTER_SECTION_TYPES,
  type Charter,
  type CharterSection,
  type CharterSectionType,
  type CharterResult,
  type CharterOptions,
} from './glossary-data/charter-data.js';
