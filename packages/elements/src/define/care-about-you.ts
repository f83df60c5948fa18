// Registers <care-about-you>.
import {defineElement} from '../shared/define.js';
import {CareAboutYou} from '../about-you/about-you.js';

defineElement('care-about-you', CareAboutYou);

declare global {
  interface HTMLElementTagNameMap {
    'care-about-you': CareAboutYou;
  }
}

export {CareAboutYou};
