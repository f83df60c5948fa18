// Registers <care-jargon>.
import {defineElement} from '../shared/define.js';
import {CareJargon} from '../jargon/jargon.js';

defineElement('care-jargon', CareJargon);

export {CareJargon};
