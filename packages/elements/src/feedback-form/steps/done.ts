// The confirmation: the reference once delivered (or that it is kept and will go by itself), and what
// happens next for this kind of feedback.
import {html, nothing, type TemplateResult} from 'lit';
import {NATION_FACTS, type Nation} from '@care-feedback/core/nations';
import type {FormStrings} from '../strings.js';
import {heading, type StepView} from './view.js';

export interface DoneOptions {
  delivered: boolean;
  reference: string | undefined;
  /** Saved on this device (IndexedDB) rather than only in this page's memory. */
  onDevice: boolean;
  acknowledgeDays: number;
  nation: Nation;
  safeguardingContact: string | undefined;
  locale: string;
  easyRead: boolean;
  listen: TemplateResult | typeof nothing;
  /** The optional "About you" questions, drawn below the confirmation. */
  aboutYou: TemplateResult | typeof nothing;
  again(): void;
}

/**
 * A sentence with a glossary word in it, shown as a <care-jargon> that explains itself. The word has its
 * own string (`term.<placeholder>`), so a translation or a provider can reword either. A replacement
 * sentence without the {placeholder} is shown as it is.
 */
function withTerm(
  view: StepView,
  o: DoneOptions,
  key: keyof FormStrings,
  values: Record<string, string | number>,
  placeholder: 'workingDays' | 'safeguarding',
  term: string,
): TemplateResult | string {
  const [before, after] = view.t(key, values).split(`{${placeholder}}`);
  if (after === undefined) return before!;
  return html`${before}<care-jargon
      term=${term}
      locale=${o.locale}
      reading-level=${o.easyRead ? 'easy' : nothing}
      >${view.t(`term.${placeholder}`)}</care-jargon
    >${after}`;
}

/** What happens next, for this kind of feedback and the way the person asked to be replied to. */
function nextSteps(view: StepView, o: DoneOptions): TemplateResult[] {
  const a = view.answers;
  const replying = a.reply === 'contact' && a.method;
  const next: TemplateResult[] = [];
  if (a.kind === 'complaint') {
    const days =
      Number.isFinite(o.acknowledgeDays) && o.acknowledgeDays > 0 ? o.acknowledgeDays : 3;
    next.push(
      html`<p>
          ${withTerm(view, o, replying ? 'done.next.complaint.contact' : 'done.next.complaint.anonymous', {days: view.number(days)}, 'workingDays', 'working days')}
        </p>
        <p>${view.t('done.ombudsman', {ombudsman: view.t(`ombudsman.${o.nation}`)})}</p>
        <p>
          <a href=${NATION_FACTS[o.nation].ombudsman.url} target="_blank" rel="noopener"
            >${view.t('done.ombudsman.link')}</a
          >
        </p>`,
    );
  } else if (a.kind === 'concern') {
    next.push(html`<p>${view.t('done.next.concern')}</p>`);
    if (o.safeguardingContact) {
      next.push(
        html`<p>
          ${withTerm(view, o, 'done.next.concern.contact', {contact: o.safeguardingContact}, 'safeguarding', 'safeguarding')}
        </p>`,
      );
    }
  } else {
    next.push(
      html`<p>${view.t(a.kind === 'compliment' ? 'done.next.compliment' : 'done.next.other')}</p>`,
    );
  }
  if (replying && a.kind !== 'complaint')
    next.push(html`<p>${view.t(`done.next.reply.${a.method}`)}</p>`);
  return next;
}

export function doneStep(view: StepView, o: DoneOptions): TemplateResult {
  const {delivered, reference} = o;
  const headingKey = delivered
    ? 'done.delivered.heading'
    : o.onDevice
      ? 'done.queued.heading'
      : 'done.memory.heading';
  // Listen reads what was sent and what happens next, as it reads each step (not "About you", which is
  // a form of its own below).
  return html`${o.listen}
    <div class="done-body">
      <div class="panel ${delivered ? '' : 'panel--waiting'}" part="confirmation">
        ${heading(view.t(headingKey))}
        ${
          delivered && reference
            ? html`<p>${view.t('done.reference')}</p>
                <p class="reference">${reference}</p>`
            : html`<p>${view.t(o.onDevice ? 'done.queued.body' : 'done.memory.body')}</p>`
        }
      </div>
      ${delivered && reference ? html`<p>${view.t('done.reference.hint')}</p>` : nothing}
      <p role="status">
        <span class="status">${view.t('done.status.label')}</span>
        ${view.t(delivered ? 'done.status.delivered' : 'done.status.queued')}
      </p>
      <h3>${view.t('done.next.heading')}</h3>
      ${nextSteps(view, o)}
    </div>
    ${o.aboutYou}
    <div class="actions">
      <button type="button" class="button button--secondary" part="button" @click=${o.again}>
        ${view.t('done.again')}
      </button>
    </div>`;
}
