// Helpers for the elements' browser tests. Not shipped.
export {expectAccessible, WCAG_TAGS} from './axe.js';
