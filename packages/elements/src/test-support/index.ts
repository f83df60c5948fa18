// Helpers for the elements' browser tests. Not shipped.
export {expectAccessible, WCAG_TAGS} from './axe.js';
export {mount, fixtureReady} from './mount.js';
export {deepActive, centre, click} from './pointer.js';
export {LANGUAGES, CONTENT_VARIANTS} from './languages.js';
export {naughtyStrings, hostileTerms, catchScripts, plantedScriptsHadTheirChance} from './hostile.js';
// The one way a test waits for something: a condition, never a fixed sleep (shared with every runner).
export {waitUntil} from '../../../../tests/support/wait-until.js';
