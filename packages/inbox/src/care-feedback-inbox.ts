// Registers <care-feedback-inbox>. The provider's inbox is not in the public script-tag bundle.
import {defineElement} from '@care-feedback/elements/shared/define';
import {configure, getConfig} from '@care-feedback/elements/shared/config';
import {DEV} from '@care-feedback/elements/shared/dev';
import {CareFeedbackInbox} from './feedback-inbox.js';

// Built, the inbox is one file with the elements' on-demand files in assets/ beside it (the collector
// serves both under /inbox/). From the sources (development, tests) each element finds its own files.
if (!DEV && getConfig().assetBase === undefined) configure({assetBase: new URL('assets/', import.meta.url).href});

defineElement('care-feedback-inbox', CareFeedbackInbox);

export {CareFeedbackInbox};
