// Check your answers: every answer with a Change button that opens its step.
import {html, type TemplateResult} from 'lit';
import {needsWithDetail, stepsFor, type Answers, type Step} from '../answers.js';
import type {CareService} from '../services.js';
import {heading, type StepView} from './view.js';

/** How the person asked to be replied to, one line each. */
function replyLines(view: StepView, a: Answers): string {
  if (a.reply === 'anonymous') return view.t('review.anonymous');
  if (a.reply !== 'contact') return view.t('review.none');
  const address =
    a.method === 'email'
      ? a.email
      : a.method === 'phone'
        ? a.phone
        : a.method === 'post'
          ? a.address
          : '';
  return [a.name, a.method ? view.t(`method.${a.method}`) : '', address]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

export function reviewStep(
  view: StepView,
  services: readonly CareService[],
  change: (step: Step) => void,
): TemplateResult {
  const a = view.answers;
  const steps = stepsFor(a);
  const none = view.t('review.none');
  const service =
    services.find((s) => s.id === a.service)?.label ??
    (a.service === 'unsure' ? view.t('service.unsure') : '');
  const needs = a.needs.map((need) => view.t(`needs.${need}`));
  if (needsWithDetail(a.needs) && a.needsDetail.trim()) needs.push(a.needsDetail);
  const consent = [
    a.consentStore && view.t('review.consent.store'),
    a.reply === 'contact' && a.consentContact && view.t('review.consent.contact'),
    a.consentPublish && view.t('review.consent.publish'),
  ].filter((item): item is string => Boolean(item));
  const rows: Array<[Step, string, string | string[]]> = [
    ['kind', view.t('review.kind'), a.kind ? view.t(`kind.${a.kind}`) : none],
  ];
  if (steps.includes('rating'))
    rows.push(['rating', view.t('review.rating'), a.rating ? view.t(`rating.${a.rating}`) : none]);
  rows.push(['story', view.t('review.message'), a.message || none]);
  rows.push(['story', view.t('review.improvement'), a.improvement.trim() ? a.improvement : none]);
  rows.push([
    'about',
    view.t('review.relationship'),
    a.relationship ? view.t(`relationship.${a.relationship}`) : none,
  ]);
  if (services.length > 0) rows.push(['about', view.t('review.service'), service || none]);
  rows.push(['reply', view.t('review.reply'), replyLines(view, a)]);
  if (steps.includes('needs'))
    rows.push(['needs', view.t('review.needs'), needs.length ? needs : none]);
  rows.push(['consent', view.t('review.consent'), consent.length ? consent : none]);
  return html`${heading(view.t('review.heading'))}
    <p class="hint">${view.t('review.hint')}</p>
    <dl class="summary">
      ${rows.map(
        ([step, label, value]) =>
          html`<div class="summary-row">
            <dt>${label}</dt>
            <dd class="value">
              ${
                Array.isArray(value)
                  ? html`<ul>
                      ${value.map((item) => html`<li .textContent=${item}></li>`)}
                    </ul>`
                  : html`<span class="text" .textContent=${value}></span>`
              }
            </dd>
            <dd>
              <button
                type="button"
                class="link"
                aria-label=${view.t('review.changeLabel', {question: label})}
                @click=${() => change(step)}
              >
                ${view.t('review.change')}
              </button>
            </dd>
          </div>`,
      )}
    </dl>`;
}
