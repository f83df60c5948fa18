// Styles of the Letters part of <care-feedback-inbox>: the letter shown as a sheet at the size it prints
// (12 pt, 14 pt easy read, 18 pt large print), and the frame the letter prints from, kept out of sight.
import {css} from 'lit';
import {LETTER_POINT_SIZES} from '@care-feedback/core/provider';

export const lettersStyles = css`
  .letters .letter-form {
    margin-block-end: 1.5rem;
  }

  .letter-sheet {
    margin-block: 1rem;
    padding: 2rem;
    max-inline-size: 45rem;
    border: 1px solid var(--_border);
    background: #fff;
    color: #000;
    font-family: Arial, Helvetica, sans-serif;
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  /* The sizes it prints at, from the contract the print frame and the .docx use too. */
  .letter-sheet.standard {
    font-size: ${LETTER_POINT_SIZES.standard}pt;
  }

  .letter-sheet.easy-read {
    font-size: ${LETTER_POINT_SIZES.easyRead}pt;
  }

  .letter-sheet.large-print {
    font-size: ${LETTER_POINT_SIZES.largePrint}pt;
  }

  .letter-sheet .letter-caption {
    margin-block: 0 1.5rem;
    padding-block-end: 0.5rem;
    border-block-end: 2px solid currentColor;
    font-size: 1rem;
  }

  .letter-sheet h5 {
    margin-block: 1em 0.5em;
    font-size: 1.2em;
  }

  .letter-sheet p,
  .letter-sheet ul {
    margin-block: 0 0.8em;
  }

  .letter-sheet li {
    margin-block-end: 0.4em;
  }

  .letter-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }

  .letter-templates .template-text {
    max-inline-size: 45rem;
    font-family: ui-monospace, monospace;
  }

  .placeholders code {
    font-size: 1rem;
  }

  /* The letter prints from its own frame (inbox-letters-print.ts); it never shows in the inbox. */
  .letter-print-frame {
    position: absolute;
    inline-size: 0;
    block-size: 0;
    border: 0;
  }

  @media (forced-colors: active) {
    .letter-sheet {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
