// Which view the inbox shows, and signing in: plain state (no Lit, no DOM), so that a Node test can
// walk it. The controller calls the collector and moves focus; this says what the person sees.
import {Observable} from './inbox-observable.js';

export type InboxView = 'sign-in' | 'list' | 'detail' | 'erase' | 'reports' | 'you-said' | 'record' | 'attention'
  | 'annual-report' | 'evidence' | 'themes' | 'actions' | 'register' | 'consultations';

/** What signing in ended with: in, or the words that say why not. */
export type SignInOutcome = {ok: true} | {ok: false; error: string};

export class SessionState extends Observable {
  view: InboxView = 'sign-in';
  /** Why the last sign-in failed, or why the person was signed out; '' when there is nothing to say. */
  error = '';
  /** True while a token is being checked: a second press does nothing. */
  busy = false;

  show(view: InboxView): void {
    this.view = view;
    this.notify();
  }

  /**
   * Checks `token` with `check` (which resolves when the collector accepts it, and answers why not
   * otherwise). Answers undefined, doing nothing, while a check is under way. An empty token is not sent.
   */
  async signIn(token: string, check: (token: string) => Promise<SignInOutcome>, missing: string): Promise<SignInOutcome | undefined> {
    if (this.busy) return undefined;
    const trimmed = token.trim();
    if (trimmed === '') return this.failed(missing);
    this.busy = true;
    this.error = '';
    this.notify();
    const outcome = await check(trimmed);
    this.busy = false;
    if (!outcome.ok) return this.failed(outcome.error);
    this.notify();
    return outcome;
  }

  /** Back to the sign-in view, saying why when the person did not choose it (`reason`). */
  signedOut(reason = ''): void {
    this.view = 'sign-in';
    this.error = reason;
    this.busy = false;
    this.notify();
  }

  private failed(error: string): SignInOutcome {
    this.error = error;
    this.notify();
    return {ok: false, error};
  }
}
