// Small decorative icons for the five kinds of feedback: drawn here, hidden from assistive technology.
import {svg, html, type TemplateResult} from 'lit';
import type {Kind} from '@care-feedback/core';

// Stroked outlines in currentColor, so they follow the theme and forced colours.
const paths: Record<Kind, TemplateResult> = {
  compliment: svg`<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>`,
  complaint: svg`<path d="M12 3 2.5 20h19z"/><path d="M12 10v4.5"/><circle cx="12" cy="17.25" r=".6" fill="currentColor"/>`,
  comment: svg`<path d="M4 5h16v11H10l-4.5 3.5V16H4z"/><path d="M8 9h8M8 12h5"/>`,
  suggestion: svg`<path d="M9 17h6M10 20.5h4"/><path d="M12 3.5a5.5 5.5 0 0 0-3.2 10c.6.5 1 1.2 1 2V15h4.4v.5c0-.8.4-1.5 1-2A5.5 5.5 0 0 0 12 3.5z"/>`,
  concern: svg`<path d="M12 3 5 6v5.5c0 4.3 3 7.6 7 9 4-1.4 7-4.7 7-9V6z"/><path d="M12 8.5v4.5"/><circle cx="12" cy="16" r=".6" fill="currentColor"/>`,
};

export function kindIcon(kind: Kind): TemplateResult {
  return html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${paths[kind]}</svg>`;
}
