// @care-feedback/elements: element classes and helpers, without registering any tag.
// Import '@care-feedback/elements/define/<tag>' (or the embed bundle) to register elements.
export {configure, getConfig, type CareConfig} from './shared/config.js';
export {defineElement} from './shared/define.js';
export {VERSION} from './shared/version.js';
