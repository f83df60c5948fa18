// Improvement actions in <care-feedback-inbox>, in real Chromium against a real collector, with the keyboard
// alone: add one from a piece of feedback, see it overdue in "Needs attention", mark it done and start a
// "You said, we did" from it. axe reports nothing in any state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import type {ImprovementAction, YouSaidItem} from '@care-feedback/core/provider';
import {$, $$, focused, heading, mount, openRow, providerGet, signIn, startCollector, stopCollector, submit, text, type RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
let late = '';
before(async () => {
  collector = await startCollector();
  late = await submit(collector.endpoint, {kind: 'complaint', message: 'Carers keep arriving late.'});
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

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
  await waitUntil(() => focused(el)?.id === 'view-heading' && heading(el).length > 0 && !heading(el).startsWith('Loading'), `${name} never opened`);
}

/** A week ago in this browser's own calendar, as a date box holds it. */
function lastWeek(): string {
  const day = new Date(Date.now() - 7 * 86_400_000);
  return new Date(day.getTime() - day.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

describe('<care-feedback-inbox> improvement actions', () => {
  it('explains an empty action, each problem linked to its box', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openSection(el, 'Actions');
    await waitUntil(() => text(el, '.results') === 'No improvement actions yet.', 'the list never loaded');
    await expectAccessible(el, 'actions view, empty');
    await press(el, '.action-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'action-errors', 'the error summary never took focus');
    const links = $$<HTMLAnchorElement>(el, '#action-errors a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Write what will change.', 'Write who owns this action.', 'Give the date it is due.']);
    links[1]!.focus();
    await sendKeys({press: 'Enter'});
    expect(focused(el)?.id).to.equal('action-owner');
    await expectAccessible(el, 'actions view, refused');
  });

  it('adds an action for a piece of feedback, shows it overdue in Needs attention, completes it and starts a You said, we did', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, late);
    await waitUntil(() => $(el, '#item-add-action'), 'no way to add an action from the feedback');
    await press(el, '#item-add-action', 'Enter');
    await waitUntil(() => focused(el)?.id === 'action-add-heading', 'the add form never took focus');
    expect($<HTMLInputElement>(el, '#action-references')!.value).to.equal(late);

    $(el, '#action-change')!.focus();
    await sendKeys({type: 'Ring people when a carer will be late.'});
    $(el, '#action-owner')!.focus();
    await sendKeys({type: 'Sam Patel'});
    $<HTMLInputElement>(el, '#action-due')!.value = lastWeek();
    await waitUntil(() => $(el, '#action-theme-missed-or-late-visits'), 'the themes never showed');
    await press(el, '#action-theme-missed-or-late-visits', 'Space');
    await press(el, '.action-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'actions-list-heading', 'the list never took focus');
    await waitUntil(() => $$(el, '.action-list > li').length === 1, 'the action never showed');
    const row = text(el, '.action-list > li');
    expect(row).to.contain('Ring people when a carer will be late.');
    expect(row).to.contain('Overdue');
    expect(row).to.contain('Missed or late visits');
    const [action] = (await providerGet<{items: ImprovementAction[]}>(collector!, '/actions')).items;
    expect(action!.references).to.deep.equal([late]);
    expect(action!.themes).to.deep.equal(['missed-or-late-visits']);
    expect(action!.owner).to.equal('Sam Patel');
    await expectAccessible(el, 'actions view, one overdue');

    await openSection(el, 'Needs attention');
    await waitUntil(() => text(el, '.overdue-actions').includes('Ring people'), 'the overdue action was not in Needs attention');
    await expectAccessible(el, 'needs attention with an overdue action');

    await openSection(el, 'Actions');
    await waitUntil(() => $$(el, '.action-list > li').length === 1, 'the action never showed');
    const status = $<HTMLSelectElement>(el, `#action-status-${action!.id}`)!;
    status.focus();
    await sendKeys({type: 'Done'});
    expect(status.value).to.equal('done');
    await press(el, '.action-status-form button[type=submit]', 'Enter');
    await waitUntil(() => text(el, '.action-status') === 'Done', 'the status never changed');
    expect(text(el, '.action-list > li')).not.to.contain('Overdue');

    await press(el, `#action-start-you-said-${action!.id}`, 'Enter');
    await waitUntil(() => focused(el)?.id === `action-you-said-${action!.id}`, 'the You said box never took focus');
    await expectAccessible(el, 'actions view, starting a You said, we did');
    await press(el, '.action-you-said-form button[type=submit]', 'Enter');
    await waitUntil(() => text(el, '.action-you-said-form').includes('Write what people said.'), 'an empty box was not explained');
    $(el, `#action-you-said-${action!.id}`)!.focus();
    await sendKeys({type: 'You told us carers came late without a word.'});
    await press(el, '.action-you-said-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === `action-you-said-done-${action!.id}`, 'the started message never took focus');
    const items = (await providerGet<{items: YouSaidItem[]}>(collector!, '/you-said-we-did')).items;
    expect(items.map((item) => [item.youSaid, item.weDid, item.published])).to.deep.equal([
      ['You told us carers came late without a word.', 'Ring people when a carer will be late.', false],
    ]);
    await expectAccessible(el, 'actions view, You said, we did started');
  });

  it('lists the actions that answer a piece of feedback in its detail', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, late);
    await waitUntil(() => $(el, '.item-actions'), 'the actions for this feedback never showed');
    expect(text(el, '.item-actions')).to.equal('Ring people when a carer will be late. (Done)');
    await expectAccessible(el, 'detail with its actions');
  });
});
