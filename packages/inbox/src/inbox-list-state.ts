// The list's state: the filters, the search, the page of feedback shown, and the way back through
// the pages seen. Plain TypeScript (no Lit, no DOM), so Node tests it (inbox-list-state.node.test.ts);
// the inbox's Lit controller asks the collector for pages and renders when this changes.
import {listQuery} from './inbox-api.js';
import {EMPTY_FILTERS, type InboxFilters, type InboxPage, type InboxRecord} from './inbox-types.js';
import {Observable} from './inbox-observable.js';

/** The collector lists 1 to 500 a page; anything else asked for (0, NaN, 10.5) becomes a page it takes. */
export function pageSizeFor(asked: number): number {
  return Math.min(500, Math.max(1, Math.floor(asked) || 20));
}

export class ListState extends Observable {
  #filters: InboxFilters = {...EMPTY_FILTERS};
  #search = '';
  #items: InboxRecord[] = [];
  /** Cursors of the pages visited, so "Previous page" can go back: cursors[i] opens page i + 1. */
  #cursors: Array<string | undefined> = [undefined];
  #pageIndex = 0;
  #nextCursor: string | undefined;
  #loading = false;
  #error = '';

  get filters(): InboxFilters {
    return this.#filters;
  }
  /** What is typed in the search box; the collector searches every page for it. */
  get search(): string {
    return this.#search;
  }
  /** The page of feedback the collector sent last. */
  get items(): InboxRecord[] {
    return this.#items;
  }
  /** Which page is shown: 0 for the first. */
  get pageIndex(): number {
    return this.#pageIndex;
  }
  /** The cursor of the page after this one; undefined on the last page. */
  get nextCursor(): string | undefined {
    return this.#nextCursor;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** Why the list could not be loaded or exported, in words for the person; '' when nothing is wrong. */
  get error(): string {
    return this.#error;
  }

  /** The page after the one filter the API does not do: the rating. */
  get visibleItems(): InboxRecord[] {
    const rating = this.#filters.rating;
    return this.#items.filter((item) => !rating || item.submission.rating === rating);
  }

  /** New filters: the list starts again at its first page. */
  setFilters(filters: InboxFilters): void {
    this.#filters = {...filters};
    this.#firstPage();
    this.notify();
  }

  /** New words in the search box. The list goes back to its first page when they are sent (`firstPage`). */
  setSearch(search: string): void {
    this.#search = search;
    this.notify();
  }

  /** Back to the first page, for a new search. */
  firstPage(): void {
    this.#firstPage();
    this.notify();
  }

  /** Moves on to the next page; false (and no change) on the last page. */
  nextPage(): boolean {
    if (!this.#nextCursor) return false;
    this.#pageIndex += 1;
    this.#cursors[this.#pageIndex] = this.#nextCursor;
    this.notify();
    return true;
  }

  /** Moves back a page; false (and no change) on the first page. */
  previousPage(): boolean {
    if (this.#pageIndex === 0) return false;
    this.#pageIndex -= 1;
    this.notify();
    return true;
  }

  /** The query that asks the collector for the page shown, `pageSize` at a time. */
  query(pageSize: number): URLSearchParams {
    return listQuery(this.#filters, this.#cursors[this.#pageIndex], pageSizeFor(pageSize), this.#search);
  }

  /** A page is being asked for. */
  loadStarted(): void {
    this.#loading = true;
    this.#error = '';
    this.notify();
  }

  /** The page the collector sent. */
  loaded(page: InboxPage): void {
    this.#items = page.items;
    this.#nextCursor = page.nextCursor;
    this.#loading = false;
    this.notify();
  }

  /** The page could not be loaded: nothing is listed, and `message` says why. */
  loadFailed(message: string): void {
    this.#loading = false;
    this.#items = [];
    this.#error = message;
    this.notify();
  }

  /** Something else about the list went wrong (an export); what is listed stays. */
  showError(message: string): void {
    this.#error = message;
    this.notify();
  }

  /** Signed out: no filters, no search, nothing listed. */
  clear(): void {
    this.#filters = {...EMPTY_FILTERS};
    this.#search = '';
    this.#items = [];
    this.#firstPage();
    this.notify();
  }

  #firstPage(): void {
    this.#cursors = [undefined];
    this.#pageIndex = 0;
  }
}
