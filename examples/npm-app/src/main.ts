// The example app's entry: registers the elements it uses, tells them where to send and where their files are, then starts React.
import '@care-feedback/elements/define/care-feedback-form';
import '@care-feedback/elements/define/care-feedback-picker';
import '@care-feedback/elements/define/care-jargon';
import {configure} from '@care-feedback/elements';
import {createElement} from 'react';
import {createRoot} from 'react-dom/client';
import {FeedbackStart} from './feedback-start.js';

// The collector's address comes from the page, so the same build works on every site it is copied to.
const endpoint =
  document.querySelector<HTMLMetaElement>('meta[name="care-feedback-endpoint"]')?.content ||
  'http://localhost:8787/v1';

configure({
  endpoint,
  // A bundle moves the code away from the package, so say where the build copied the files that load
  // on demand (other languages, the glossary, the rights charter): beside this script, in assets/.
  assetBase: new URL('./assets/', import.meta.url).href,
});

// Plain DOM events work as well as React props: here the page thanks the person by reference.
const form = document.querySelector('care-feedback-form');
form?.addEventListener('care-delivered', (event) => {
  console.info(`Feedback stored with reference ${event.detail.reference}`);
});

const start = document.getElementById('start');
if (start) createRoot(start).render(createElement(FeedbackStart, {formId: 'feedback'}));
