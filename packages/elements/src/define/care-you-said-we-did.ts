// Registers <care-you-said-we-did>. It is loaded on its own, not in the public script-tag bundle.
import {defineElement} from '../shared/define.js';
import {CareYouSaidWeDid} from '../you-said-we-did/you-said-we-did.js';

defineElement('care-you-said-we-did', CareYouSaidWeDid);

export {CareYouSaidWeDid};
