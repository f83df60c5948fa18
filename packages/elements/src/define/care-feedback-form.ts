// Registers <care-feedback-form> (and the picker it embeds).
import {CareFeedbackForm} from '../feedback-form/feedback-form.js';
import {defineElement} from '../shared/define.js';
import {loadWhenDrawn} from '../shared/lazy-elements.js';
// The form embeds the picker for its first step.
import './care-feedback-picker.js';

// Its done screen offers the optional "About you" questions, and its last screens explain glossary words
// (working days, safeguarding) with <care-jargon>: the code of each comes when a screen first draws it.
loadWhenDrawn(CareFeedbackForm, 'care-about-you', () => import('./care-about-you.js'));
loadWhenDrawn(CareFeedbackForm, 'care-jargon', () => import('./care-jargon.js'));

defineElement('care-feedback-form', CareFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'care-feedback-form': CareFeedbackForm;
  }
}
