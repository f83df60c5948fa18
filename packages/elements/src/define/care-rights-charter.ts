// Registers <care-rights-charter>.
import {defineElement} from '../shared/define.js';
import {CareRightsCharter} from '../rights-charter/rights-charter.js';

defineElement('care-rights-charter', CareRightsCharter);

export {CareRightsCharter};
