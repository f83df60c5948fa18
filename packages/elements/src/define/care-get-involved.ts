// Registers <care-get-involved> (and <care-jargon>, which explains its glossary words).
import {defineElement} from '../shared/define.js';
import {CareGetInvolved} from '../get-involved/get-involved.js';
import './care-jargon.js';

defineElement('care-get-involved', CareGetInvolved);

export {CareGetInvolved};
