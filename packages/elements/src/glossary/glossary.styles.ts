// Styles for <care-glossary>: a calm A–Z list that reflows to 320 px and prints without its controls.
import {css} from 'lit';
import {linkFocus} from '../shared/styles.js';

export const glossaryStyles = css`
  :host {
    display: block;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }

  .search {
    flex: 1 1 16rem;
    min-width: 0;
  }

  label {
    font-weight: bold;
  }

  .hint {
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
  }

  input[type='search'] {
    display: block;
    width: 100%;
    min-height: var(--_target);
    padding: 0.5rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .easy {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--_target);
  }

  .easy input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .easy label {
    font-weight: normal;
  }

  .count {
    margin: 0.5rem 0;
    font-weight: bold;
  }

  .letters ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }

  .letters li {
    display: flex;
  }

  .letters a,
  .letters .empty {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: var(--_target);
    min-block-size: var(--_target);
    font-weight: bold;
    border-radius: var(--_radius);
  }

  .letters a {
    color: var(--care-link-color, var(--_accent));
    background: var(--_subtle);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .letters a:hover {
    text-decoration-thickness: 3px;
  }

  .letters .empty {
    color: var(--_muted);
    font-weight: normal;
  }

  ${linkFocus}

  .no-match {
    padding: var(--_space);
    background: var(--_subtle);
    border-inline-start: 5px solid var(--_border);
  }

  .letter-heading {
    margin: calc(var(--_space) * 1.5) 0 0.5rem;
    padding-block-end: 0.25rem;
    font-size: var(--care-glossary-letter-size, 1.75rem);
    line-height: 1.2;
    border-block-end: 2px solid var(--_border);
    scroll-margin-block-start: var(--_space);
  }

  .entry {
    padding: 0.75rem 0;
    border-block-end: 1px solid var(--_subtle);
    scroll-margin-block-start: var(--_space);
  }

  .entry.target {
    background: var(--care-glossary-highlight, #fff7bf);
    padding-inline: 0.5rem;
    border-inline-start: 5px solid var(--_border);
  }

  .term {
    margin: 0 0 0.25rem;
    font-size: 1.25rem;
    line-height: 1.3;
    scroll-margin-block-start: var(--_space);
  }

  .term:focus-visible,
  .letter-heading:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: none;
  }

  .definition,
  .aliases {
    margin: 0 0 0.25rem;
    max-width: 40em;
  }

  .label {
    font-weight: bold;
  }

  .related {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
  }

  .related ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .related a {
    display: inline-block;
    padding-block: 0.35rem;
    color: var(--care-link-color, var(--_accent));
  }

  @media (forced-colors: active) {
    .letters a {
      border: 1px solid LinkText;
    }
    .entry.target {
      border-inline-start-color: Highlight;
    }
  }

  @media print {
    .controls,
    .letters,
    .count {
      display: none;
    }
    :host {
      color: #000;
      font-size: 11pt;
    }
    .letter-heading {
      break-after: avoid;
    }
    .entry {
      break-inside: avoid;
      background: none;
    }
    .related a {
      color: #000;
    }
  }
`;
