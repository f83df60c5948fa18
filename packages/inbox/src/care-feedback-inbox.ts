// Registers <care-feedback-inbox>. The provider's inbox is not in the public script-tag bundle.
import {defineElement} from '@care-feedback/elements/shared/define';
import {CareFeedbackInbox} from './feedback-inbox.js';

defineElement('care-feedback-inbox', CareFeedbackInbox);

export {CareFeedbackInbox};
