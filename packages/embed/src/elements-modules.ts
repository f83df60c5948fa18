// The modules of @care-feedback/elements the entry uses, by their own files. Through the package's
// index, the bundler would count every element as needed by the entry (the index imports them all)
// and put them all in care-feedback.mjs; by file, each element stays in its own chunk.
export {configure, getConfig, type CareConfig} from '@care-feedback/elements/shared/config';
export {VERSION} from '@care-feedback/elements/shared/version';
// The form asks through this for <care-about-you> when its done screen shows; the embed answers with its
// own loader, which checks the file's integrity hash first.
export {useElementLoader} from '@care-feedback/elements/shared/lazy-elements';
