// Registers <care-feedback-picker>.
import {defineElement} from '../shared/define.js';
import {CareFeedbackPicker} from '../feedback-picker/feedback-picker.js';

defineElement('care-feedback-picker', CareFeedbackPicker);

export {CareFeedbackPicker};
