// Registers <care-feedback-inbox>. The provider's inbox is not in the public script-tag bundle.
import {defineElement} from '../shared/define.js';
import {CareFeedbackInbox} from '../feedback-inbox/feedback-inbox.js';

defineElement('care-feedback-inbox', CareFeedbackInbox);

export {CareFeedbackInbox};
