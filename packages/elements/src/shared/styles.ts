// Design tokens and base rules every element shares: type, colour, focus, targets, forced colours, motion.
import {css} from 'lit';

/**
 * Each element adopts this before its own styles. Providers theme with `--care-*` properties; each
 * element may also read its own `--care-<element>-*` property first, falling back to these.
 */
export const baseStyles = css`
  :host {
    --_font: var(--care-font-family, inherit);
    --_text: var(--care-color-text, #0b0c0c);
    --_muted: var(--care-color-muted, #484949);
    --_surface: var(--care-color-surface, #ffffff);
    --_subtle: var(--care-color-subtle, #f3f2f1);
    --_border: var(--care-color-border, #505a5f);
    --_accent: var(--care-accent, #1d4f91);
    --_accent-text: var(--care-accent-text, #ffffff);
    --_error: var(--care-color-error, #b10e1e);
    --_success: var(--care-color-success, #00703c);
    --_focus: var(--care-focus-color, #ffdd00);
    --_focus-text: var(--care-focus-text, #0b0c0c);
    --_radius: var(--care-radius, 4px);
    --_space: var(--care-space, 1rem);
    --_target: 44px;

    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--care-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  /* A thick two-colour focus ring that shows on any background (WCAG 2.4.7, 2.4.11). */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * Declarations (not a rule) for a control at least 44 by 44 CSS pixels with its content centred
 * (WCAG 2.5.8, and 2.5.5 AAA). Put inside an element's own rule: `.button { ${targetBox} ... }`.
 */
export const targetBox = css`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-block-size: var(--_target);
  min-inline-size: var(--_target);
`;

/**
 * Declarations (not a rule) that hide content from sight but not from screen readers or forms.
 * Clipped rather than pushed off-screen: an offset would widen the page in right-to-left layouts.
 */
export const clipHidden = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** A focused link gets the focus colour as its background, so it stands out without an underline. */
export const linkFocus = css`
  a:focus-visible {
    color: var(--_focus-text);
    background: var(--_focus);
    text-decoration: none;
  }
`;
