// Registers <care-glossary>.
import {defineElement} from '../shared/define.js';
import {CareGlossary} from '../glossary/glossary.js';

defineElement('care-glossary', CareGlossary);

export {CareGlossary};
