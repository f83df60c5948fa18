// React components for the six public elements, made with @lit/react: `@care-feedback/elements/react`.
//
// This module registers no tag. It imports the element classes (which do not register themselves),
// never the define modules, so importing it costs nothing until a wrapper is used, and a bundler
// drops the wrappers an app does not use. Register the tags you render, once, as with plain HTML:
//
//   import '@care-feedback/elements/define/care-feedback-form';
//   import {CareFeedbackForm} from '@care-feedback/elements/react';
//   <CareFeedbackForm endpoint="/v1" onCareDelivered={(e) => show(e.detail.reference)} />
//
// Why not register here: one file that defined every tag would pull all six elements into every
// app that uses one of them, and a hidden registration is what the project avoids (STYLE.md).
//
// Props that are element properties (endpoint, locale, value, strings, services…) are set as
// properties, so objects and arrays pass through as they are; `on…` props listen for the `care-…`
// events below, with the event's own type. Other props (id, className, aria-*) go to React.
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
import {CareFeedbackForm as CareFeedbackFormElement} from '../feedback-form/feedback-form.js';
import {CareFeedbackPicker as CareFeedbackPickerElement} from '../feedback-picker/feedback-picker.js';
import {CareFeedbackLauncher as CareFeedbackLauncherElement} from '../feedback-launcher/feedback-launcher.js';
import {CareJargon as CareJargonElement} from '../jargon/jargon.js';
import {CareGlossary as CareGlossaryElement} from '../glossary/glossary.js';
import {CareRightsCharter as CareRightsCharterElement} from '../rights-charter/rights-charter.js';
import type {CareKindChangeEvent} from '../events/care-kind-change.js';
import type {CareSubmitEvent} from '../events/care-submit.js';
import type {CareQueuedEvent} from '../events/care-queued.js';
import type {CareDeliveredEvent} from '../events/care-delivered.js';
import type {CareFailedEvent} from '../events/care-failed.js';
import type {CareLauncherOpenEvent} from '../events/care-launcher-open.js';
import type {CareLauncherCloseEvent} from '../events/care-launcher-close.js';
import type {CareJargonToggleEvent} from '../events/care-jargon-toggle.js';
import type {CareCharterFeedbackEvent} from '../events/care-charter-feedback.js';

/** `<care-feedback-form>`: the whole feedback journey. Needs `define/care-feedback-form`. */
export const CareFeedbackForm = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-feedback-form',
  elementClass: CareFeedbackFormElement,
  displayName: 'CareFeedbackForm',
  // The picker inside the form keeps its care-kind-change to itself: the form's events are these four.
  events: {
    onCareSubmit: 'care-submit' as EventName<CareSubmitEvent>,
    onCareQueued: 'care-queued' as EventName<CareQueuedEvent>,
    onCareDelivered: 'care-delivered' as EventName<CareDeliveredEvent>,
    onCareFailed: 'care-failed' as EventName<CareFailedEvent>,
  },
});

/** `<care-feedback-picker>`: the kind-of-feedback picker. Needs `define/care-feedback-picker`. */
export const CareFeedbackPicker = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-feedback-picker',
  elementClass: CareFeedbackPickerElement,
  displayName: 'CareFeedbackPicker',
  events: {onCareKindChange: 'care-kind-change' as EventName<CareKindChangeEvent>},
});

/**
 * `<care-feedback-launcher>`: the "Give feedback" button and its dialog. Needs
 * `define/care-feedback-launcher` and `define/care-feedback-form`. The form's events bubble out of
 * the dialog, so they can be heard here as well.
 */
export const CareFeedbackLauncher = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-feedback-launcher',
  elementClass: CareFeedbackLauncherElement,
  displayName: 'CareFeedbackLauncher',
  events: {
    onCareLauncherOpen: 'care-launcher-open' as EventName<CareLauncherOpenEvent>,
    onCareLauncherClose: 'care-launcher-close' as EventName<CareLauncherCloseEvent>,
    // Written out, not spread from the form's list: a spread would stop bundlers dropping an unused wrapper.
    onCareSubmit: 'care-submit' as EventName<CareSubmitEvent>,
    onCareQueued: 'care-queued' as EventName<CareQueuedEvent>,
    onCareDelivered: 'care-delivered' as EventName<CareDeliveredEvent>,
    onCareFailed: 'care-failed' as EventName<CareFailedEvent>,
  },
});

/** `<care-jargon>`: a care word with its plain-English meaning. Needs `define/care-jargon`. */
export const CareJargon = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-jargon',
  elementClass: CareJargonElement,
  displayName: 'CareJargon',
  events: {onCareJargonToggle: 'care-jargon-toggle' as EventName<CareJargonToggleEvent>},
});

/** `<care-glossary>`: the whole glossary, A to Z. Needs `define/care-glossary`. */
export const CareGlossary = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-glossary',
  elementClass: CareGlossaryElement,
  displayName: 'CareGlossary',
});

/** `<care-rights-charter>`: the person's rights, and how to complain. Needs `define/care-rights-charter`. */
export const CareRightsCharter = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'care-rights-charter',
  elementClass: CareRightsCharterElement,
  displayName: 'CareRightsCharter',
  events: {onCareCharterFeedback: 'care-charter-feedback' as EventName<CareCharterFeedbackEvent>},
});
