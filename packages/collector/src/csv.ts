// CSV cells that spreadsheets will not run as formulas: the one helper lives in core, shared with the inbox.
export {csvCell, csvRow} from '@care-feedback/core';
