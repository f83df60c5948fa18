// The whole journey by keyboard alone: from the launcher's button, through every step of the form,
// to the confirmation from a real collector, and back to the button. Asserts where focus is at each step.
import {expect} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import '@care-feedback/elements/define/care-feedback-launcher';
import type {CareFeedbackLauncher} from '@care-feedback/elements';
import {expectAccessible, waitUntil} from '../../packages/elements/src/test-support/index.js';

interface Collector {
  id: string;
  endpoint: string;
}

/** The element with focus, followed down through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const label = (node: Element | null) => node?.textContent?.trim() ?? '';
const press = (key: string) => sendKeys({press: key});
const type = (text: string) => sendKeys({type: text});

/**
 * Presses Tab until `wanted` has focus, as a keyboard user would, and fails if it takes more than
 * `most` presses or if focus ever leaves the dialog while it is open.
 */
async function tabTo(dialog: Element, what: string, wanted: (node: Element | null) => boolean, most = 12) {
  for (let presses = 0; presses < most; presses++) {
    if (wanted(deepActive())) return;
    await press('Tab');
    expect(isInside(dialog, deepActive()), `focus stays in the dialog on the way to ${what}`).to.be.true;
  }
  expect(wanted(deepActive()), `${what} is reachable with Tab (focus is on "${label(deepActive())}")`).to.be.true;
}

/** True when `node` is `root` or inside it, across shadow boundaries. */
function isInside(root: Element, node: Element | null): boolean {
  for (let current: Node | null = node; current; ) {
    if (current === root) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

async function expectStepHeading(text: string) {
  await waitUntil(
    () => deepActive()?.classList.contains('step-heading') && label(deepActive()) === text,
    `focus should move to the heading "${text}" (it is on "${label(deepActive())}")`,
  );
}

const isButton = (text: string) => (node: Element | null) =>
  node?.localName === 'button' && label(node) === text;

describe('the feedback journey by keyboard alone, launcher to confirmation and back', () => {
  let collector: Collector;

  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin]})) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });

  it('completes a complaint and returns focus to the launcher button', async function () {
    // Many real key presses, each a round trip to the browser: slow on a busy machine, never stuck.
    this.timeout(120_000);
    const host = document.createElement('div');
    host.innerHTML = '<p><button id="before">Something else on the page</button></p>';
    const launcher = document.createElement('care-feedback-launcher') as CareFeedbackLauncher;
    launcher.setAttribute('endpoint', collector.endpoint);
    launcher.setAttribute('storage', 'none');
    host.append(launcher);
    document.body.append(host);
    try {
      await launcher.updateComplete;
      await expectAccessible(launcher, 'closed');
      host.querySelector<HTMLButtonElement>('#before')!.focus();

      // The launcher's button is the next tab stop; Enter opens the dialog and moves focus into it.
      await press('Tab');
      const button = deepActive();
      expect(label(button)).to.equal('Give feedback');
      await press('Enter');
      const dialog = launcher.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open && isInside(dialog, deepActive()), 'focus should move into the dialog');
      const form = launcher.form!;
      await customElements.whenDefined('care-feedback-form');

      // Kind: one tab stop into the picker; an arrow chooses complaint; Continue.
      await tabTo(dialog, 'the kinds', (n) => n instanceof HTMLInputElement && n.type === 'radio');
      expect((deepActive() as HTMLInputElement).value).to.equal('compliment');
      await press('ArrowDown');
      expect((deepActive() as HTMLInputElement).value).to.equal('complaint');
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      await expectStepHeading('Overall, how was your experience of our service?');

      // The Friends and Family Test question: "Poor".
      await tabTo(dialog, 'the ratings', (n) => n instanceof HTMLInputElement && n.type === 'radio');
      for (let i = 0; i < 3; i++) await press('ArrowDown');
      expect((deepActive() as HTMLInputElement).value).to.equal('poor');
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      await expectStepHeading('Tell us what happened');

      // What happened.
      await tabTo(dialog, 'the text box', (n) => n?.localName === 'textarea');
      await type('Nobody came on Tuesday. 😟');
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      await expectStepHeading('About you');

      // About you is optional: straight on.
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      await expectStepHeading('Would you like us to reply?');

      // No reply needed: the first choice, chosen with Space.
      await tabTo(dialog, 'the reply choices', (n) => n instanceof HTMLInputElement && n.type === 'radio');
      await press('Space');
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      // With no reply, there is no question about the reply's format: on to consent.
      await expectStepHeading('What we may do with your feedback');

      // Consent to store: the first checkbox.
      await tabTo(dialog, 'the consent to store', (n) => n instanceof HTMLInputElement && n.type === 'checkbox');
      await press('Space');
      await tabTo(dialog, 'Continue', isButton('Continue'));
      await press('Enter');
      await expectStepHeading('Check your answers');
      await expectAccessible(launcher, 'open, check your answers');

      await tabTo(dialog, 'Send feedback', isButton('Send feedback'), 20);
      await press('Enter');
      await expectStepHeading('Thank you. We have your feedback');
      const reference = form.shadowRoot!.querySelector('.reference')!.textContent!.trim();
      expect(reference).to.match(/^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expectAccessible(launcher, 'open, delivered');

      // Escape closes the dialog (nothing unsent) and focus goes back to the button.
      await press('Escape');
      await waitUntil(() => !dialog.open, 'Escape should close the dialog');
      await waitUntil(() => deepActive() === button, 'focus should return to the launcher button');

      // The collector stored exactly what was typed, once.
      const stored = (await executeServerCommand('care-collector-list', {id: collector.id})) as Array<{
        reference: string;
        submission: {kind: string; rating: string; message: string};
      }>;
      expect(stored).to.have.length(1);
      expect(stored[0]!.reference).to.equal(reference);
      expect(stored[0]!.submission).to.include({kind: 'complaint', rating: 'poor', message: 'Nobody came on Tuesday. 😟'});
    } finally {
      host.remove();
    }
  });
});
