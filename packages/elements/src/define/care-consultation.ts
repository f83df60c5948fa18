// Registers <care-consultation> (and <care-jargon-scan>, with <care-jargon>, which explain the plan's glossary words).
import {defineElement} from '../shared/define.js';
import {CareConsultation} from '../consultation/consultation.js';
import './care-jargon-scan.js';

defineElement('care-consultation', CareConsultation);

export {CareConsultation};
