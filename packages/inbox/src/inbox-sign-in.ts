// The sign-in view: one labelled password field for the provider token, with an error summary.
import {html, nothing} from 'lit';
import type {ViewContext} from './inbox-view.js';

export function renderSignIn({c, t}: ViewContext) {
  const error = c.signInError;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('token') as HTMLInputElement;
    void c.signIn(input.value);
  };
  // A fragment link cannot reach into a shadow root, so the summary's link moves focus itself.
  const focusField = (event: Event) => {
    event.preventDefault();
    ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot)
      .getElementById('token')
      ?.focus();
  };
  return html`
    <section class="view sign-in" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('signInHeading')}</h2>
      ${
        error
          ? html`<div
              id="error-summary"
              class="error-summary"
              tabindex="-1"
              aria-labelledby="error-summary-title"
            >
              <h3 id="error-summary-title">${t('errorTitle')}</h3>
              <ul>
                <li><a href="#token" @click=${focusField}>${error}</a></li>
              </ul>
            </div>`
          : nothing
      }
      <p>${t('signInIntro')}</p>
      <form @submit=${submit} novalidate>
        <div class="field ${error ? 'field-invalid' : ''}">
          <label for="token">${t('tokenLabel')}</label>
          <p id="token-hint" class="hint">${t('tokenHint')}</p>
          ${
            error
              ? html`<p id="token-error" class="error-message">
                  <span class="visually-hidden">${t('errorTitle')}:</span> ${error}
                </p>`
              : nothing
          }
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            spellcheck="false"
            aria-describedby=${error ? 'token-hint token-error' : 'token-hint'}
            aria-invalid=${error ? 'true' : 'false'}
          />
        </div>
        <button type="submit" class="button">${c.signingIn ? t('signingIn') : t('signIn')}</button>
      </form>
    </section>
  `;
}
