// Themes in <care-feedback-inbox>, in real Chromium against a real collector, with the keyboard alone: tick
// themes on feedback with the suggestions showing the words that matched, add, rename and retire themes,
// and read the trends. axe reports nothing in any state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, heading, mount, openRow, providerGet, signIn, startCollector, stopCollector, submit, text, type RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
let late = '';
before(async () => {
  collector = await startCollector();
  late = await submit(collector.endpoint, {kind: 'complaint', message: 'The carer was late and missed my tablets.'});
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

/** Moves to a control and presses a key on it, as a keyboard user would. */
async function press(el: CareFeedbackInbox, selector: string, key: string) {
  const control = $(el, selector);
  if (!control) throw new Error(`nothing matches ${selector}`);
  control.focus();
  await sendKeys({press: key});
}

async function openSection(el: CareFeedbackInbox, name: string) {
  const button = $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.trim() === name)!;
  button.focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => focused(el)?.id === 'view-heading' && heading(el).startsWith(name), `${name} never opened`);
}

describe('<care-feedback-inbox> themes', () => {
  it('suggests themes with the words that matched, ticks nothing itself, and keeps what a person ticks', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, late);
    await waitUntil(() => $(el, '.item-themes-form'), 'the themes never loaded');
    const lateLabel = text(el, 'label[for="item-theme-missed-or-late-visits"]');
    expect(lateLabel).to.contain('Missed or late visits');
    expect(lateLabel).to.contain('Suggested. Matched: late, missed');
    expect(text(el, 'label[for="item-theme-medicines"]')).to.contain('Matched: tablets');
    expect($(el, '#item-theme-missed-or-late-visits')!.getAttribute('aria-describedby')).to.equal('item-theme-missed-or-late-visits-why');
    expect($$<HTMLInputElement>(el, '.item-themes-form input[type=checkbox]').filter((box) => box.checked)).to.have.length(0);
    await expectAccessible(el, 'themes on feedback, suggestions shown');

    await press(el, '#item-theme-missed-or-late-visits', 'Space');
    await press(el, '#item-theme-staff-attitude', 'Space');
    await press(el, '.item-themes-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'item-themes-saved', 'the saved message never took focus');
    const kept = await providerGet<{items: Array<{themeId: string}>}>(collector!, `/submissions/${late}/themes`);
    expect(kept.items.map((tag) => tag.themeId)).to.deep.equal(['missed-or-late-visits', 'staff-attitude']);
    await waitUntil(() => text(el, 'ol.audit').includes('Changed its themes'), 'the history never showed the change');
    await expectAccessible(el, 'themes on feedback, saved');
  });

  it('takes a theme off when a person unticks it', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, late);
    await waitUntil(() => $<HTMLInputElement>(el, '#item-theme-staff-attitude')?.checked, 'the saved themes never showed ticked');
    await press(el, '#item-theme-staff-attitude', 'Space');
    await press(el, '.item-themes-form button[type=submit]', 'Enter');
    await waitUntil(async () => (await providerGet<{items: unknown[]}>(collector!, `/submissions/${late}/themes`)).items.length === 1, 'the untick was not kept');
  });

  it('adds, renames and retires themes, and shows trends by month and by quarter', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openSection(el, 'Themes');
    await waitUntil(() => $$(el, '.theme-list > li').length === 20, 'the 20 themes never showed');
    await waitUntil(() => $(el, 'table.trends'), 'the trends never showed');
    expect(text(el, 'table.trends tbody')).to.contain('Missed or late visits');
    await expectAccessible(el, 'themes view');

    await press(el, '.theme-add-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'themes-error', 'an empty name was not explained');
    expect(text(el, '#themes-error')).to.contain('Write a name for the new theme.');
    await expectAccessible(el, 'themes view, add refused');

    $(el, '#theme-new')!.focus();
    await sendKeys({type: 'Night-time checks'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => text(el, '.theme-list').includes('Night-time checks'), 'the new theme never showed');
    expect(text(el, '[role=status]')).to.contain('Theme "Night-time checks" added.');

    const rename = $<HTMLInputElement>(el, '#theme-name-medicines')!;
    rename.focus();
    rename.select();
    await sendKeys({type: 'Medicines and creams'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => text(el, '#theme-title-medicines') === 'Medicines and creams', 'the rename never showed');

    await press(el, '#theme-retire-activities', 'Enter');
    await waitUntil(() => text(el, '#theme-retire-activities') === 'Bring back Activities', 'the retire never showed');
    expect(focused(el)?.id, 'focus stays on the button').to.equal('theme-retire-activities');
    const themes = await providerGet<{items: Array<{id: string; name: string; retiredAt: string | null}>}>(collector!, '/themes');
    expect(themes.items.find((t) => t.id === 'medicines')!.name).to.equal('Medicines and creams');
    expect(themes.items.find((t) => t.id === 'activities')!.retiredAt).to.be.a('string');
    expect(themes.items.at(-1)!.name).to.equal('Night-time checks');
    await expectAccessible(el, 'themes view, changed');

    await press(el, '#trends-by-quarter', 'Space');
    await press(el, '.trends-form button[type=submit]', 'Enter');
    await waitUntil(() => /\d{4}-Q\d/.test(text(el, 'table.trends thead')), 'the trends never showed quarters');
    expect(text(el, 'table.trends caption')).to.contain('by quarter');
    await expectAccessible(el, 'themes view, trends by quarter');
  });
});
