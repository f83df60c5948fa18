// Keeps the form's journey for the browser session (sessionStorage, or nothing with storage "none"), so a
// reload or a slip of the back button loses nothing, and a send still waiting is followed after a reload.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {DraftStore} from '@care-feedback/core/transport';
import {draftStoreFor} from '../shared/delivery.js';
import {devWarn} from '../shared/dev.js';
import {draftOf, resume, type Draft, type FlowState} from './flow.js';

/** What a draft keeps: where the person is, and when they began (sent with the feedback). */
export interface Journey {
  state: FlowState;
  startedAt: number;
}

export class DraftsController implements ReactiveController {
  private store?: DraftStore<Draft>;
  private saved?: FlowState;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly journey: () => Journey,
  ) {
    host.addController(this);
  }

  /**
   * Opens this form's draft (one per page and element id) and returns the state it resumes at, with
   * when it began, or undefined when there is none.
   */
  open(storage: 'local' | 'none'): Journey | undefined {
    const id = this.host.getAttribute('id');
    this.store = draftStoreFor<Draft>(
      `care-feedback-form:${location.pathname}${id ? `#${id}` : ''}`,
      storage,
    );
    try {
      const draft = this.store.load();
      const state = resume(draft);
      if (!state || !draft) return undefined;
      this.saved = state;
      return {state, startedAt: typeof draft.startedAt === 'number' ? draft.startedAt : Date.now()};
    } catch (error) {
      devWarn('Could not read the saved draft.', error);
      return undefined;
    }
  }

  clear(): void {
    this.store?.clear();
  }

  /** Saves after each render that changed where the person is or what they said. */
  hostUpdated(): void {
    const {state, startedAt} = this.journey();
    if (!this.store || state === this.saved) return;
    this.saved = state;
    try {
      const draft = draftOf(state, startedAt);
      if (draft) this.store.save(draft);
      else this.store.clear();
    } catch (error) {
      devWarn('Could not save the draft.', error);
    }
  }
}
