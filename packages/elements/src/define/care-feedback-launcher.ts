// Registers <care-feedback-launcher> and the form it opens, so importing the launcher alone gives a working dialog.
import {defineElement} from '../shared/define.js';
import {CareFeedbackLauncher} from '../feedback-launcher/feedback-launcher.js';
import './care-feedback-form.js';

defineElement('care-feedback-launcher', CareFeedbackLauncher);

export {CareFeedbackLauncher};
