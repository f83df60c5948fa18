// Registers <care-feedback-form> (and the picker and <care-jargon> it embeds).
import {CareFeedbackForm} from '../feedback-form/feedback-form.js';
import {defineElement} from '../shared/define.js';
import {loadWhenDrawn} from '../shared/lazy-elements.js';
// The form embeds the picker for its first step.
import './care-feedback-picker.js';
// Its last screens explain glossary words (working days, safeguarding) with <care-jargon>.
import './care-jargon.js';

// Its done screen offers the optional "About you" questions: their code comes when that screen shows.
loadWhenDrawn(CareFeedbackForm, 'care-about-you', () => import('./care-about-you.js'));

defineElement('care-feedback-form', CareFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'care-feedback-form': CareFeedbackForm;
  }
}
