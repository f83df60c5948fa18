// Shared helpers for the form's browser tests: find things as a person would, fill fields, move between steps.
import {expect, fixture} from '@open-wc/testing';
import {waitUntil} from '../test-support/index.js';
import type {TemplateResult} from 'lit';
import '../define/care-feedback-form.js';
import type {CareFeedbackForm} from './feedback-form.js';

export type Form = CareFeedbackForm;

export const SERVICES = JSON.stringify([
  {id: 'home-care-north', label: 'Home care, north'},
  {id: 'day-centre', label: 'Day centre'},
]);

let counter = 0;
/** A unique element id, so each test's draft lives under its own key. */
export const uniqueId = (prefix = 'form') => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export async function makeForm(template: TemplateResult): Promise<Form> {
  const el = await fixture<Form>(template);
  await settle(el);
  return el;
}

/** Waits for the form, its picker and their strings to finish rendering. */
export async function settle(el: Form): Promise<void> {
  await el.updateComplete;
  const picker = el.shadowRoot!.querySelector('care-feedback-picker') as
    (HTMLElement & {stringsReady?(): Promise<void>}) | null;
  if (picker?.stringsReady) await picker.stringsReady();
  await el.stringsReady();
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Form, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;

export const $$ = <T extends Element = HTMLElement>(el: Form, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T & Element>(selector),
];

export const headingText = (el: Form) => $(el, '.step-heading')?.textContent?.trim() ?? '';
export const phase = (el: Form) => $(el, '[part="step"]')?.getAttribute('data-phase');

/** The element focused inside the form, following shadow roots down (the picker's radios too). */
export function focused(el: Form): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function picker(el: Form): HTMLElement & {value: string} {
  return $(el, 'care-feedback-picker') as HTMLElement & {value: string};
}

export async function chooseKind(el: Form, kind: string): Promise<void> {
  const radio = picker(el).shadowRoot!.querySelector<HTMLInputElement>(`input[value="${kind}"]`)!;
  radio.click();
  if (kind === 'concern') {
    await (picker(el) as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    picker(el).shadowRoot!.querySelector<HTMLButtonElement>('.go-on')!.click();
  }
  await el.updateComplete;
}

/** Types into a text field the way input events arrive from a keyboard. */
export async function fill(el: Form, selector: string, value: string): Promise<void> {
  const field = $(el, selector) as HTMLInputElement | HTMLTextAreaElement;
  expect(field, selector).to.exist;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await el.updateComplete;
}

export async function click(el: Form, selector: string): Promise<void> {
  const target = $(el, selector);
  expect(target, selector).to.exist;
  target!.click();
  await el.updateComplete;
}

export const continueButton = (el: Form) => $(el, 'button[type="submit"]') as HTMLButtonElement;

export async function next(el: Form): Promise<void> {
  continueButton(el).click();
  await el.updateComplete;
  await el.updateComplete;
}

export interface Path {
  kind?: string;
  rating?: string;
  message?: string;
  improvement?: string;
  reply?: 'anonymous' | 'email' | 'phone' | 'post';
  email?: string;
  needs?: string[];
}

/** Walks the journey with valid answers until `stop` is the current step. */
export async function walkTo(el: Form, stop: string, path: Path = {}): Promise<void> {
  for (let guard = 0; guard < 12 && phase(el) !== stop; guard++) {
    switch (phase(el)) {
      case 'kind':
        await chooseKind(el, path.kind ?? 'complaint');
        break;
      case 'rating':
        await click(el, `input[name="f-rating"][value="${path.rating ?? 'poor'}"]`);
        break;
      case 'story':
        await fill(el, '#f-message', path.message ?? 'Carers came late three times.');
        if (path.improvement) await fill(el, '#f-improvement', path.improvement);
        break;
      case 'reply':
        if ((path.reply ?? 'anonymous') === 'anonymous') {
          await click(el, '#f-reply');
        } else {
          await click(el, '#f-reply-2');
          const method = {email: '#f-method', phone: '#f-method-2', post: '#f-method-3'}[
            path.reply as 'email'
          ];
          await click(el, method);
          if (path.reply === 'email') await fill(el, '#f-email', path.email ?? 'sam@example.org');
          if (path.reply === 'phone') await fill(el, '#f-phone', '01632 960000');
          if (path.reply === 'post') await fill(el, '#f-address', '1 High Street\nAnytown AN1 1AA');
        }
        break;
      case 'needs':
        for (const need of path.needs ?? [])
          await click(el, `input[name="f-needs"][value="${need}"]`);
        break;
      case 'consent':
        await click(el, '#f-consent-store');
        break;
    }
    await next(el);
  }
  expect(phase(el)).to.equal(stop);
}

/** Waits until the form shows `wanted` as its phase (sending is asynchronous). */
export async function waitForPhase(el: Form, wanted: string, timeout = 8000): Promise<void> {
  await waitUntil(
    () => phase(el) === wanted,
    `the form never reached "${wanted}" (it is at "${phase(el)}")`,
    {timeout},
  );
  await el.updateComplete;
}

export const endpointFor = (name: string) => `${location.origin}/__test-endpoint/${name}/v1`;
