// <care-feedback-form>: axe in every step and state, in en-GB, Welsh, Urdu and easy read; then the basics of its API.
import {executeServerCommand} from '@web/test-runner-commands';
import {expect, html} from '@open-wc/testing';
import {expectAccessible} from '../test-support/index.js';
import {
  $,
  $$,
  click,
  endpointFor,
  fill,
  headingText,
  makeForm,
  next,
  phase,
  SERVICES,
  uniqueId,
  waitForPhase,
  walkTo,
  type Form,
} from './test-helpers.js';

const STEPS = ['kind', 'rating', 'story', 'about', 'reply', 'needs', 'consent', 'review'];

async function form(locale: string, level?: string, endpoint?: string): Promise<Form> {
  return makeForm(
    html`<care-feedback-form
      id=${uniqueId(`axe-${locale}-${level ?? 'standard'}`)}
      locale=${locale}
      reading-level=${level ?? 'standard'}
      storage="none"
      services=${SERVICES}
      privacy-url="/privacy"
      endpoint=${endpoint ?? endpointFor('unused')}
    ></care-feedback-form>`,
  );
}

for (const [locale, level] of [
  ['en-GB', undefined],
  ['cy', undefined],
  ['ur', undefined],
  ['en-GB', 'easy'],
] as const) {
  const name = `${locale}${level ? ' easy read' : ''}`;
  describe(`<care-feedback-form> accessibility (${name})`, () => {
    it('has no axe violations on any step, empty and with its errors', async () => {
      const el = await form(locale, level);
      for (const step of STEPS) {
        await walkTo(el, step, {reply: 'email', needs: ['interpreter']});
        await expectAccessible(el, `${name}: ${step}, empty`);
        if (['kind', 'story', 'reply', 'consent'].includes(step)) {
          // Each step that can be wrong: go on without answering, and check the error state.
          await next(el);
          expect($(el, '.error-summary'), `${step} shows an error summary`).to.exist;
          await expectAccessible(el, `${name}: ${step}, with errors`);
        }
        if (step === 'reply') {
          await click(el, '#f-reply-2');
          await click(el, '#f-method');
          await fill(el, '#f-email', 'not an email');
          await next(el);
          expect($(el, '#f-email-error'), 'the email error sits by the field').to.exist;
          await expectAccessible(el, `${name}: reply, with a bad email`);
        }
      }
      expect(phase(el)).to.equal('review');
      await expectAccessible(el, `${name}: review`);
    });

    it('has no axe violations while sending, queued, delivered and failed', async () => {
      const endpoint = uniqueId('axe-send');
      const el = await form(locale, level, endpointFor(endpoint));
      await walkTo(el, 'review');
      // Sending: the endpoint holds its answer back for a moment.
      await executeServerCommand('test-endpoint-set', {name: endpoint, mode: 'up', delayMs: 1500});
      await next(el);
      expect($(el, '[role="status"]')!.textContent).to.not.equal('');
      await expectAccessible(el, `${name}: sending`);
      await waitForPhase(el, 'done');
      await expectAccessible(el, `${name}: delivered`);

      await executeServerCommand('test-endpoint-set', {name: endpoint, mode: 'down', delayMs: 0});
      el.reset();
      await el.updateComplete;
      await walkTo(el, 'review', {kind: 'compliment'});
      await next(el);
      await waitForPhase(el, 'done');
      await expectAccessible(el, `${name}: queued`);

      await executeServerCommand('test-endpoint-set', {
        name: endpoint,
        mode: 'status',
        status: 409,
      });
      el.reset();
      await el.updateComplete;
      await walkTo(el, 'review', {kind: 'suggestion'});
      await next(el);
      await waitForPhase(el, 'failed');
      await expectAccessible(el, `${name}: failed`);
      await executeServerCommand('test-endpoint-reset', {name: endpoint});
    });
  });
}

describe('<care-feedback-form> basics', () => {
  it('asks every question in order, skipping the rating for a concern and needs when anonymous', async () => {
    const el = await form('en-GB');
    const seen: string[] = [];
    for (const step of ['kind', 'rating', 'story', 'about', 'reply', 'consent', 'review']) {
      await walkTo(el, step);
      seen.push(headingText(el));
    }
    expect(seen).to.deep.equal([
      'What would you like to tell us?',
      'Overall, how was your experience of our service?',
      'Tell us what happened',
      'About you',
      'Would you like us to reply?',
      'What we may do with your feedback',
      'Check your answers',
    ]);
    el.reset();
    await el.updateComplete;
    await walkTo(el, 'story', {kind: 'concern'});
    expect($(el, '.progress')!.textContent!.trim()).to.equal('Step 2 of 6');
  });

  it('shows the services from the attribute, and from the property', async () => {
    const el = await form('en-GB');
    await walkTo(el, 'about');
    expect(
      $$(el, 'input[name="f-service"]').map((i) => i.nextElementSibling!.textContent),
    ).to.deep.equal(['Home care, north', 'Day centre', 'I am not sure']);
    el.services = [{id: 'x', label: 'Extra care housing'}];
    await el.updateComplete;
    expect($(el, 'label[for="f-service"]')!.textContent).to.equal('Extra care housing');
  });

  it('replaces any one string through the strings property', async () => {
    const el = await form('en-GB');
    el.strings = {'kind.heading': 'Tell us something'};
    await el.updateComplete;
    expect(headingText(el)).to.equal('Tell us something');
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Continue');
  });

  it('lays out Urdu right to left and Welsh left to right, with the language named', async () => {
    const ur = await form('ur');
    expect($(ur, '.base')!.getAttribute('dir')).to.equal('rtl');
    expect($(ur, '.base')!.getAttribute('lang')).to.equal('ur');
    expect(headingText(ur)).to.not.equal('What would you like to tell us?');
    const cy = await form('cy');
    expect($(cy, '.base')!.getAttribute('dir')).to.equal('ltr');
    expect(headingText(cy)).to.not.equal('What would you like to tell us?');
  });

  it('has complete Welsh and Urdu catalogues with the same placeholders, and easy read that only replaces', async () => {
    const {formStrings} = await import('./strings.js');
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join();
    for (const file of [
      'cy/form.json',
      'ur/form.json',
      'en-GB/form.easy.json',
      'cy/form.easy.json',
      'ur/form.easy.json',
    ]) {
      const catalog = (await (
        await fetch(new URL(`../../locales/${file}`, import.meta.url))
      ).json()) as Record<string, string>;
      for (const [key, text] of Object.entries(catalog)) {
        expect(key in formStrings, `${file}: unknown key ${key}`).to.equal(true);
        expect(placeholders(text), `${file}: ${key}`).to.equal(
          placeholders(formStrings[key as keyof typeof formStrings]),
        );
      }
      if (!file.includes('easy'))
        expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(formStrings).sort());
    }
  });

  it('is dirty only once something is typed, and reset() empties it', async () => {
    const el = await form('en-GB');
    expect(el.dirty).to.equal(false);
    await walkTo(el, 'story');
    expect(el.dirty, 'choosing a kind and a rating counts as an answer').to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(el.dirty).to.equal(false);
    expect(phase(el)).to.equal('kind');
  });

  it('starts after the kind step when a kind is given, and keeps the honeypot out of reach', async () => {
    const el = await makeForm(
      html`<care-feedback-form kind="compliment" storage="none"></care-feedback-form>`,
    );
    expect(phase(el)).to.equal('rating');
    const hp = $(el, '#f-website') as HTMLInputElement;
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.closest('[aria-hidden="true"]')).to.exist;
    expect(hp.closest('[inert]')).to.exist;
    const box = hp.closest('.hp')!;
    expect(box.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(box).clipPath).to.equal('inset(50%)');
  });
});
