// Registers <care-feedback-launcher> without the form it opens: the script tag loads the form's code on its own,
// when someone reaches for the launcher or the dialog opens, so a page pays only for the button up front. The modules are
// imported by file, not through the package's index, which would tie every element to this chunk.
import {CareFeedbackLauncher} from '@care-feedback/elements/feedback-launcher';
import {defineElement} from '@care-feedback/elements/shared/define';

defineElement('care-feedback-launcher', CareFeedbackLauncher);
