// The version of the elements, used to spot two different copies on one page.
export const VERSION = '0.1.0';
