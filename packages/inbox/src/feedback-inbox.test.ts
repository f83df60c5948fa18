// <care-feedback-inbox> in real Chromium against a real collector: every state passes axe, then the provider's jobs.
import {expect} from '@open-wc/testing';
import {executeServerCommand, sendKeys, setViewport} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {
  $,
  $$,
  applyFilters,
  changeStatus,
  focused,
  heading,
  listLoaded,
  mount,
  openRow,
  signIn,
  startCollector,
  stopCollector,
  submit,
  text,
  type RunningCollector,
} from './inbox-test-helpers.js';

let collector: RunningCollector | undefined;
let complaint = '';
let compliment = '';

before(async () => {
  collector = await startCollector();
  complaint = await submit(collector.endpoint, {
    message: 'Carers arrived two hours late three times this week.',
    service: 'home-care-north',
  });
  compliment = await submit(collector.endpoint, {
    kind: 'compliment',
    rating: 'very-good',
    message: 'Priya always takes time to chat with Mum.',
    service: 'day-centre',
    contact: undefined,
    communicationNeeds: undefined,
  });
});

after(() => stopCollector(collector));

beforeEach(() => sessionStorage.clear());
afterEach(() => setViewport({width: 800, height: 600}));

describe('<care-feedback-inbox> accessibility', () => {
  it('has no axe violations in any state, and moves focus to each new view', async () => {
    const el = await mount(collector!.endpoint);
    await expectAccessible(el, 'signed out');

    $<HTMLInputElement>(el, '#token')!.value = 'not-a-real-token';
    $<HTMLButtonElement>(el, '.sign-in button[type=submit]')!.click();
    await waitUntil(() => $(el, '#error-summary'), 'no error for a wrong token');
    expect(text(el, '#error-summary')).to.contain('That token was not accepted');
    expect($(el, '#token')!.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(
      () => focused(el)?.id === 'error-summary',
      'focus did not move to the error summary',
    );
    await expectAccessible(el, 'sign-in error');

    await signIn(el, collector!.token);
    expect(focused(el)?.id).to.equal('view-heading');
    expect($$(el, '.row')).to.have.length(2);
    await expectAccessible(el, 'list');

    await applyFilters(el, {kind: 'suggestion'});
    expect(text(el, '.results')).to.equal('No feedback matches these filters.');
    await expectAccessible(el, 'filtered to nothing');
    await applyFilters(el, {kind: ''});

    await openRow(el, complaint);
    expect(focused(el)?.id).to.equal('view-heading');
    await expectAccessible(el, 'detail');

    // The status form with its error showing.
    $<HTMLButtonElement>(el, '.status-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#status-error'), 'no error for an empty status change');
    await waitUntil(() => focused(el)?.id === 'status-error');
    await expectAccessible(el, 'status form with an error');

    $<HTMLButtonElement>(el, '#erase-button')!.click();
    await waitUntil(() => heading(el).startsWith('Erase'));
    expect(focused(el)?.id).to.equal('view-heading');
    await expectAccessible(el, 'erase confirmation');
    $$<HTMLButtonElement>(el, '.erase button')
      .find((b) => b.textContent!.includes('No, keep it'))!
      .click();
    await waitUntil(
      () => focused(el)?.id === 'erase-button',
      'focus did not return to the erase button',
    );
    // Escape backs out too.
    await sendKeys({press: 'Enter'});
    await waitUntil(() => heading(el).startsWith('Erase'));
    await sendKeys({press: 'Escape'});
    await waitUntil(() => focused(el)?.id === 'erase-button', 'Escape did not back out of erasing');

    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Reports'))!
      .click();
    await waitUntil(() => $(el, 'table.fft-table'), 'reports did not load');
    expect(focused(el)?.id).to.equal('view-heading');
    await expectAccessible(el, 'reports');

    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Possible spam'))!
      .click();
    await listLoaded(el);
    await expectAccessible(el, 'possible spam, empty');

    // Every state at 320 px wide: nothing wider than the screen (WCAG 1.4.10 reflow).
    await setViewport({width: 320, height: 640});
    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Inbox'))!
      .click();
    await listLoaded(el);
    expect(el.scrollWidth, 'list at 320 px').to.be.at.most(320);
    await openRow(el, complaint);
    expect(el.scrollWidth, 'detail at 320 px').to.be.at.most(320);
    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Reports'))!
      .click();
    await waitUntil(() => $(el, 'table.fft-table'));
    expect(el.scrollWidth, 'reports at 320 px').to.be.at.most(320);
    await expectAccessible(el, 'reports at 320 px');
  });

  it('announces loading and results in a live region', async () => {
    const el = await mount(collector!.endpoint);
    const live = $(el, '[role=status]')!;
    const heard: string[] = [];
    new MutationObserver(() => heard.push(live.textContent!.trim())).observe(live, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await signIn(el, collector!.token);
    await waitUntil(
      () => heard.includes('2 pieces of feedback on this page.'),
      `heard: ${heard.join(' | ')}`,
    );
    expect(heard).to.include('Loading feedback…');
  });
});

describe('<care-feedback-inbox> with the keyboard only', () => {
  it('signs in, opens a complaint and goes back without a mouse', async () => {
    const el = await mount(collector!.endpoint);
    $<HTMLInputElement>(el, '#token')!.focus();
    await sendKeys({type: collector!.token});
    await sendKeys({press: 'Enter'});
    await listLoaded(el);
    expect(focused(el)?.id).to.equal('view-heading');
    // From the heading, Tab reaches the filters, the search box and then the first row.
    const firstRow = $$<HTMLButtonElement>(el, '.row-title button')[0]!;
    for (let i = 0; i < 6 && focused(el) !== firstRow; i++) await sendKeys({press: 'Tab'});
    expect(focused(el)).to.equal(firstRow);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $(el, '#audit-heading'), 'the detail did not open');
    expect(focused(el)?.id).to.equal('view-heading');
    expect(heading(el)).to.match(/^(Complaint|Compliment) CF-/);
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(focused(el)?.textContent!.trim()).to.equal('Back to the list');
    await sendKeys({press: 'Enter'});
    await listLoaded(el);
    expect(heading(el)).to.equal('Feedback');
  });
});

describe('<care-feedback-inbox> sign in and out', () => {
  it('keeps the token for this tab only, never in a URL, and forgets it on sign out', async () => {
    // The browser keeps 250 resource entries; the test's own modules can fill them before it starts.
    performance.clearResourceTimings();
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    expect(Object.values({...sessionStorage})).to.include(collector!.token);
    expect(Object.values({...localStorage})).not.to.include(collector!.token);
    expect(document.cookie).not.to.contain(collector!.token);
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls.some((url) => url.startsWith(collector!.endpoint))).to.equal(true);
    expect(urls.filter((url) => url.includes(collector!.token))).to.deep.equal([]);
    expect(location.href).not.to.contain(collector!.token);

    // A second inbox in the same tab is signed in already (a reload keeps the session).
    const again = await mount(collector!.endpoint);
    await listLoaded(again);
    expect(heading(again)).to.equal('Feedback');

    $$<HTMLButtonElement>(el, 'button')
      .find((b) => b.textContent!.trim() === 'Sign out')!
      .click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Sign in to the feedback inbox');
    expect(Object.values({...sessionStorage})).not.to.include(collector!.token);
    expect($(el, '.rows')).to.equal(null);
  });

  it('signs out with a reason when the token is revoked while in use', async () => {
    const auth = {Authorization: `Bearer ${collector!.token}`, 'Content-Type': 'application/json'};
    const created = await fetch(`${collector!.endpoint}/tokens`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({name: 'night-shift'}),
    });
    const {token} = (await created.json()) as {token: string};
    const el = await mount(collector!.endpoint);
    await signIn(el, token);
    await fetch(`${collector!.endpoint}/tokens/night-shift`, {method: 'DELETE', headers: auth});
    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Reports'))!
      .click();
    await waitUntil(() => $(el, '#error-summary'), 'the revoked token was not noticed');
    expect(heading(el)).to.equal('Sign in to the feedback inbox');
    expect(text(el, '#error-summary')).to.contain('Your sign-in has ended');
    expect(Object.values({...sessionStorage})).not.to.include(token);
  });

  it('asks for a token when the field is empty', async () => {
    const el = await mount(collector!.endpoint);
    $<HTMLInputElement>(el, '#token')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $(el, '#error-summary'));
    expect(text(el, '#error-summary')).to.contain('Enter your provider token');
    // The summary's link takes focus to the field.
    $<HTMLAnchorElement>(el, '#error-summary a')!.click();
    expect(focused(el)?.id).to.equal('token');
  });
});

describe('<care-feedback-inbox> handling a complaint', () => {
  it('filters, opens a complaint, acknowledges and resolves it, and the audit trail shows each step', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await applyFilters(el, {kind: 'complaint'});
    const rows = $$(el, '.row');
    expect(rows).to.have.length(1);
    const row = rows[0]!;
    expect(row.textContent).to.contain(`Complaint ${complaint}`);
    expect(row.textContent).to.contain('Carers arrived two hours late three times this week.');
    expect(row.textContent).to.contain('home-care-north');
    expect(row.textContent).to.contain('Poor');
    expect(row.textContent).to.contain('Acknowledge by');
    expect(row.textContent).not.to.contain('Overdue');

    const changes: string[] = [];
    el.addEventListener('care-inbox-change', (event) =>
      changes.push(`${event.detail.action}:${event.detail.status}`),
    );
    await openRow(el, complaint);
    // How to reply comes first and names the communication need in words.
    expect(text(el, '.reply')).to.contain('Reply in large print');
    expect(text(el, '.reply')).to.contain('sam@example.org');
    expect(text(el, '.reply')).to.contain('01632 960000');
    expect(text(el, 'ol.audit')).to.contain('Opened it');

    await changeStatus(el, 'acknowledged', 'Rang Sam to say we are looking into it.');
    expect(focused(el)?.id).to.equal('status-now');
    await changeStatus(el, 'resolved', 'New rota agreed with the morning team.');

    expect(changes).to.deep.equal(['status:acknowledged', 'status:resolved']);
    const audit = text(el, 'ol.audit');
    expect(audit).to.contain('received → acknowledged');
    expect(audit).to.contain('acknowledged → resolved');
    expect(audit).to.contain('browser-tests');
    const history = text(el, '.history');
    expect(history).to.contain('Rang Sam to say we are looking into it.');
    expect(history).to.contain('New rota agreed with the morning team.');
    // Only "Closed" is left to choose.
    expect(
      $$<HTMLInputElement>(el, '.status-form input[type=radio]').map((r) => r.value),
    ).to.deep.equal(['closed']);

    const stored = (await executeServerCommand('care-collector-list', {
      id: collector!.id,
    })) as Array<{
      reference: string;
      status: string;
      notes: Array<{text: string}>;
    }>;
    const record = stored.find((r) => r.reference === complaint)!;
    expect(record.status).to.equal('resolved');
    expect(record.notes.map((n) => n.text)).to.deep.equal([
      'Rang Sam to say we are looking into it.',
      'New rota agreed with the morning team.',
    ]);
  });

  it('searches every page on the collector, and narrows by rating', async () => {
    // One a page: the match is on the collector, not among the rows already loaded.
    const el = await mount(collector!.endpoint, 1);
    await signIn(el, collector!.token);
    const search = $<HTMLInputElement>(el, '#search')!;
    expect(text(el, '.row'), 'the newest is on the first page').to.contain(compliment);
    search.value = 'hours LATE';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => text(el, '.row').includes(complaint), 'the search never found the older complaint');
    await listLoaded(el);
    expect($$(el, '.row')).to.have.length(1);
    expect(text(el, '#search-hint')).to.contain('on every page');
    search.value = 'nothing like this at all';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, '.row').length === 0, 'a search that matches nothing still listed rows');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => text(el, '.row').includes(compliment), 'clearing the search never listed the newest again');
    el.pageSize = 20;
    await applyFilters(el, {rating: 'poor'});
    expect($$(el, '.row').map((r) => r.textContent)).to.satisfy(
      (texts: string[]) => texts.length === 1 && texts[0]!.includes(complaint),
    );
  });
});

describe('<care-feedback-inbox> filters and pages', () => {
  it('narrows by service, status and date on the collector, and pages with a cursor', async () => {
    const el = await mount(collector!.endpoint, 1);
    await signIn(el, collector!.token);
    // Newest first, one a page.
    expect($$(el, '.row')).to.have.length(1);
    expect(text(el, '.row-title')).to.contain(compliment);
    expect(text(el, '.results')).to.equal('Page 1. 1 piece of feedback on this page.');
    expect($$(el, '.paging button').map((b) => b.textContent!.trim())).to.deep.equal(['Next page']);
    $<HTMLButtonElement>(el, '.paging button')!.click();
    await listLoaded(el);
    expect(text(el, '.row-title')).to.contain(complaint);
    expect(focused(el)?.id).to.equal('view-heading');
    expect($$(el, '.paging button').map((b) => b.textContent!.trim())).to.deep.equal([
      'Previous page',
    ]);
    $<HTMLButtonElement>(el, '.paging button')!.click();
    await listLoaded(el);
    expect(text(el, '.row-title')).to.contain(compliment);

    el.pageSize = 20;
    await applyFilters(el, {service: 'day-centre'});
    expect($$(el, '.row-title').map((r) => r.textContent!.trim())).to.deep.equal([
      `Compliment ${compliment}`,
    ]);
    await applyFilters(el, {service: '', status: 'resolved'});
    expect($$(el, '.row-title').map((r) => r.textContent!.trim())).to.deep.equal([
      `Complaint ${complaint}`,
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await applyFilters(el, {status: '', from: tomorrow});
    expect($$(el, '.row')).to.have.length(0);
    await applyFilters(el, {from: '', to: new Date().toISOString().slice(0, 10)});
    expect($$(el, '.row')).to.have.length(2);
  });
});

describe('<care-feedback-inbox> possible spam', () => {
  it('reviews held feedback: releases one to the inbox and erases another after naming what is lost', async () => {
    const held = await submit(collector!.endpoint, {
      message: 'Cheap watches here',
      spam: {hp: 'http://spam.example', elapsedMs: 48000},
    });
    const heldToo = await submit(collector!.endpoint, {
      message: 'A real concern typed quickly',
      kind: 'concern',
      spam: {hp: '', elapsedMs: 500},
    });
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    expect(text(el, '.rows')).not.to.contain(held);

    $$<HTMLButtonElement>(el, '.nav-button')
      .find((b) => b.textContent!.includes('Possible spam'))!
      .click();
    await listLoaded(el);
    expect(heading(el)).to.equal('Possible spam');
    expect($$(el, '.row')).to.have.length(2);
    await expectAccessible(el, 'possible spam');

    const changes: string[] = [];
    el.addEventListener('care-inbox-change', (event) =>
      changes.push(`${event.detail.action}:${event.detail.status ?? ''}`),
    );
    await openRow(el, heldToo);
    expect(text(el, '.notice')).to.contain('held back as possible spam');
    expect(text(el, '.notice')).to.contain('sent faster than a person could have typed it');
    await expectAccessible(el, 'possible spam detail');
    $<HTMLButtonElement>(el, '.notice button')!.click();
    await waitUntil(() => !$(el, '.notice'), 'release did not happen');
    expect(text(el, '#status-now')).to.equal('Received');

    $<HTMLButtonElement>(el, '.back')!.click();
    await listLoaded(el);
    await openRow(el, held);
    $<HTMLButtonElement>(el, '#erase-button')!.click();
    await waitUntil(() => heading(el) === `Erase ${held}?`);
    const loses = text(el, '.loses');
    expect(loses).to.contain('everything they wrote');
    expect(loses).to.contain('their contact details (Sam)');
    expect(loses).to.contain('their communication needs');
    expect(loses).to.contain(`the reference ${held}`);
    $$<HTMLButtonElement>(el, '.erase button')
      .find((b) => b.textContent!.includes('Yes, erase it'))!
      .click();
    await listLoaded(el);
    expect(focused(el)?.id).to.equal('view-heading');
    expect(text(el, '.rows')).not.to.contain(held);
    expect(changes).to.deep.equal(['release:received', 'erase:']);

    const stored = (await executeServerCommand('care-collector-list', {
      id: collector!.id,
    })) as Array<{reference: string; status: string}>;
    expect(stored.find((r) => r.reference === held)).to.equal(undefined);
    expect(stored.find((r) => r.reference === heldToo)?.status).to.equal('received');
  });
});
