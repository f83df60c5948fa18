// The inbox list's state in Node, without a browser: what it asks the collector for (filters, search,
// page), how it pages forward and back, what it shows, and that it says when it changed.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {ListState, pageSizeFor} from './inbox-list-state.js';
import type {Rating} from '@care-feedback/core';
import {EMPTY_FILTERS, type InboxRecord} from './inbox-types.js';

const item = (reference: string, rating?: Rating): InboxRecord => ({
  reference,
  receivedAt: '2026-01-05T10:00:00.000Z',
  status: 'received',
  quarantined: false,
  overdue: false,
  submission: rating ? {kind: 'comment', rating} : {kind: 'comment'},
  steps: [],
  notes: [],
});

/** The query as a plain object, so a failure shows which parameter is wrong. */
const asked = (list: ListState, pageSize = 20) => Object.fromEntries(list.query(pageSize));

describe('the inbox list state', () => {
  it('asks for the first page with no filters: only what is not spam, 20 at a time', () => {
    assert.deepEqual(asked(new ListState()), {quarantined: 'false', limit: '20'});
  });

  it('puts every filter the collector does and the trimmed search in the query, but not the rating', () => {
    const list = new ListState();
    list.setFilters({
      kind: 'complaint',
      status: 'investigating',
      service: 'Rose House',
      from: '2026-01-01',
      to: '2026-01-31',
      rating: 'poor',
      quarantined: true,
    });
    list.setSearch('  late meals ');
    assert.deepEqual(asked(list, 50), {
      q: 'late meals',
      kind: 'complaint',
      status: 'investigating',
      service: 'Rose House',
      from: '2026-01-01',
      to: '2026-01-31',
      quarantined: 'true',
      limit: '50',
    });
  });

  it('keeps a page size the collector takes (1 to 500 a page)', () => {
    assert.equal(pageSizeFor(20), 20);
    assert.equal(pageSizeFor(10.7), 10);
    assert.equal(pageSizeFor(1000), 500);
    assert.equal(pageSizeFor(-5), 1);
    assert.equal(pageSizeFor(0), 20);
    assert.equal(pageSizeFor(Number.NaN), 20);
    assert.equal(asked(new ListState(), 0).limit, '20');
  });

  it('pages forward with the cursor each page gave, and back the same way', () => {
    const list = new ListState();
    list.loaded({items: [item('CF-AAAA-0001')], nextCursor: 'after-1'});
    assert.equal(list.previousPage(), false, 'no page before the first');
    assert.equal(list.nextPage(), true);
    assert.equal(list.pageIndex, 1);
    assert.equal(asked(list).cursor, 'after-1');
    list.loaded({items: [item('CF-AAAA-0002')], nextCursor: 'after-2'});
    assert.equal(list.nextPage(), true);
    assert.equal(asked(list).cursor, 'after-2');
    list.loaded({items: [item('CF-AAAA-0003')], nextCursor: undefined});
    assert.equal(list.nextPage(), false, 'no page after the last');
    assert.equal(list.pageIndex, 2);
    assert.equal(list.previousPage(), true);
    assert.equal(asked(list).cursor, 'after-1');
    assert.equal(list.previousPage(), true);
    assert.equal(list.pageIndex, 0);
    assert.equal(asked(list).cursor, undefined, 'the first page has no cursor');
  });

  it('starts again at the first page for new filters, and for a search once it is sent', () => {
    const list = new ListState();
    list.loaded({items: [item('CF-AAAA-0001')], nextCursor: 'after-1'});
    list.nextPage();
    list.setFilters({...EMPTY_FILTERS, kind: 'compliment'});
    assert.equal(list.pageIndex, 0);
    assert.equal(asked(list).cursor, undefined);

    list.loaded({items: [item('CF-AAAA-0001')], nextCursor: 'after-1'});
    list.nextPage();
    list.setSearch('garden');
    assert.equal(list.pageIndex, 1, 'typing alone keeps the page until the search is sent');
    list.firstPage();
    assert.deepEqual(asked(list), {q: 'garden', kind: 'compliment', quarantined: 'false', limit: '20'});
  });

  it('keeps the filters it was given as they were, even if the caller changes its object later', () => {
    const list = new ListState();
    const filters = {...EMPTY_FILTERS, kind: 'complaint'};
    list.setFilters(filters);
    filters.kind = 'compliment';
    assert.equal(list.filters.kind, 'complaint');
  });

  it('shows only the rating chosen, which the collector does not filter on', () => {
    const list = new ListState();
    list.loaded({items: [item('CF-A', 'good'), item('CF-B', 'poor'), item('CF-C')], nextCursor: undefined});
    assert.deepEqual(list.visibleItems.map((i) => i.reference), ['CF-A', 'CF-B', 'CF-C']);
    list.setFilters({...EMPTY_FILTERS, rating: 'poor'});
    assert.deepEqual(list.visibleItems.map((i) => i.reference), ['CF-B']);
  });

  it('says why a page did not load and lists nothing; an export error keeps what is listed', () => {
    const list = new ListState();
    list.loaded({items: [item('CF-A')], nextCursor: undefined});
    list.showError('The file could not be made.');
    assert.equal(list.error, 'The file could not be made.');
    assert.equal(list.items.length, 1);
    list.loadStarted();
    assert.equal(list.loading, true);
    assert.equal(list.error, '', 'a new try clears the old reason');
    list.loadFailed('No connection.');
    assert.equal(list.loading, false);
    assert.equal(list.error, 'No connection.');
    assert.deepEqual(list.items, []);
  });

  it('forgets the filters, the search and the page on sign-out', () => {
    const list = new ListState();
    list.setFilters({...EMPTY_FILTERS, kind: 'complaint', quarantined: true});
    list.setSearch('falls');
    list.loaded({items: [item('CF-A')], nextCursor: 'after-1'});
    list.nextPage();
    list.clear();
    assert.deepEqual(list.filters, EMPTY_FILTERS);
    assert.equal(list.search, '');
    assert.deepEqual(list.items, []);
    assert.deepEqual(asked(list), {quarantined: 'false', limit: '20'});
  });

  it('tells each listener after every change, until it stops listening', () => {
    const list = new ListState();
    let calls = 0;
    const stop = list.subscribe(() => calls++);
    list.setFilters({...EMPTY_FILTERS, kind: 'complaint'});
    list.setSearch('x');
    list.loaded({items: [item('CF-A')], nextCursor: 'after-1'});
    list.nextPage();
    assert.equal(calls, 4);
    list.previousPage();
    assert.equal(calls, 5);
    assert.equal(list.previousPage(), false);
    assert.equal(calls, 5, 'nothing changed, so nobody is told');
    stop();
    list.setSearch('y');
    assert.equal(calls, 5);
  });
});
