// Decorative icons for the launcher: a speech bubble and a cross. Hidden from assistive technology.
import {html} from 'lit';

export const bubbleIcon = html`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M4 5h16v11H10l-4.5 3.5V16H4z"/><path d="M8 9h8M8 12h5"/></svg>`;

export const crossIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="M6 6l12 12M18 6 6 18"/></svg>`;
