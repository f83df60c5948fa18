// Styles for <care-rights-charter>: a large-target accordion that reflows to 320 px and prints fully open.
import {css} from 'lit';
import {linkFocus} from '../shared/styles.js';

export const rightsCharterStyles = css`
  :host {
    display: block;
    --_charter-accent: var(--care-charter-accent, var(--_accent));
  }

  .title {
    margin: 0 0 0.75rem;
    font-size: 2rem;
    line-height: 1.2;
  }

  p {
    margin: 0 0 0.75rem;
    max-width: 40em;
  }

  .meta {
    margin-block: 0.5rem 1rem;
    padding-inline-start: 0.75rem;
    color: var(--_muted);
    border-inline-start: 4px solid var(--_border);
  }

  .meta p {
    margin: 0.25rem 0;
  }

  .toolbar {
    display: flex;
    justify-content: flex-end;
    margin-block: 0.5rem;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .toggle-all {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--_target);
    padding: 0.5rem 0.75rem;
    color: var(--_charter-accent);
    background: none;
    border: 0;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .sections {
    border-block-start: 1px solid var(--_border);
  }

  .section {
    border-block-end: 1px solid var(--_border);
  }

  .section-heading {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .section-heading button {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    width: 100%;
    min-height: calc(var(--_target) + 0.5rem);
    padding: 0.75rem 0.5rem;
    font-weight: bold;
    text-align: start;
    background: none;
    border: 0;
  }

  .section-heading button:hover {
    background: var(--_subtle);
  }

  .section-heading button:hover span:last-child {
    text-decoration: underline;
  }

  .section.open .section-heading button {
    background: var(--care-charter-section-background, var(--_subtle));
  }

  /* A plus that becomes a minus: the state shows by shape as well as by the word "expanded". */
  .icon {
    position: relative;
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 2px solid var(--_charter-accent);
    border-radius: 50%;
  }

  /* Centred with inset and auto margins, which work the same in right-to-left layouts. */
  .icon::before,
  .icon::after {
    content: '';
    position: absolute;
    inset: 0;
    margin: auto;
    inline-size: 0.75rem;
    block-size: 2px;
    background: var(--_charter-accent);
  }

  .icon::after {
    transform: rotate(90deg);
  }

  [aria-expanded='true'] > .icon::after {
    display: none;
  }

  /*
   * A closed panel is hidden="until-found": still found by the browser's find-in-page, which opens
   * it. The shared [hidden] rule would make it display: none, so it is overridden here.
   */
  .panel[hidden='until-found'] {
    display: block !important;
    content-visibility: hidden;
  }

  .panel-body {
    padding: 0.25rem 0.5rem 1rem;
    padding-inline-start: calc(2.25rem + 0.5rem);
  }

  .panel ul,
  .panel ol {
    margin: 0 0 0.75rem;
    padding-inline-start: 1.5rem;
  }

  .panel h3,
  .panel h4 {
    margin: 1rem 0 0.5rem;
    font-size: 1.1rem;
  }

  a {
    color: var(--care-link-color, var(--_accent));
  }

  ${linkFocus}

  .feedback {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    margin-block-start: 0.25rem;
    padding: 0.5rem 1rem;
    color: var(--_accent-text);
    background: var(--_charter-accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 var(--_text);
  }

  .feedback:hover {
    text-decoration: underline;
  }

  .feedback:active {
    transform: translateY(2px);
    box-shadow: none;
  }

  @media (max-width: 30rem) {
    .panel-body {
      padding-inline-start: 0.5rem;
    }
    .toolbar {
      justify-content: flex-start;
    }
  }

  @media (forced-colors: active) {
    .icon,
    .icon::before,
    .icon::after {
      border-color: ButtonText;
      background: ButtonText;
    }
    .icon {
      background: none;
    }
    .feedback {
      border-color: ButtonText;
    }
  }

  /* On paper every section is open and the buttons, which do nothing there, are left out. */
  @media print {
    .toolbar,
    .feedback,
    .icon {
      display: none !important;
    }
    .panel[hidden] {
      display: block !important;
      content-visibility: visible;
    }
    .section-heading button {
      padding-inline: 0;
      background: none !important;
    }
    .panel-body {
      padding-inline-start: 0;
    }
    .section {
      break-inside: avoid;
    }
    :host {
      color: #000;
    }
  }
`;
