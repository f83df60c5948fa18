// The page's own Lit element, from its own copy of Lit: the bundle must live beside it without trouble.
import {LitElement, html, css} from 'lit';

class PageCard extends LitElement {
  static styles = css`
    :host {
      display: block;
      border: 2px solid;
      padding: 8px;
    }
  `;
  render() {
    return html`<p>The page's own element, <slot></slot></p>`;
  }
}
customElements.define('page-card', PageCard);
