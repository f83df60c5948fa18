// Registers <care-jargon-scan>, and <care-jargon>, which it creates.
import {defineElement} from '../shared/define.js';
import {CareJargon} from '../jargon/jargon.js';
import {CareJargonScan} from '../jargon-scan/jargon-scan.js';

defineElement('care-jargon', CareJargon);
defineElement('care-jargon-scan', CareJargonScan);

export {CareJargonScan};
