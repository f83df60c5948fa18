// The audit trail of one submission: who read or changed it, and when. The collector never records content.
import {html} from 'lit';
import {formatDateTime} from './inbox-format.js';
import type {AuditEntry} from '@care-feedback/core/provider';
import type {Translate, ViewContext} from './inbox-view.js';

/** The collector's action names in plain words, with the content-free detail it gives. */
function describe(entry: AuditEntry, t: Translate): string {
  const key = `audit_${entry.action}` as Parameters<Translate>[0];
  const action = t(key) === key ? entry.action : t(key);
  return entry.detail ? `${action} (${entry.detail.replace(/→/g, ' → ')})` : action;
}

/** Runs of the same person doing the same thing (seeing it in a list again and again) become one line. */
function collapse(
  entries: AuditEntry[],
): Array<{first: AuditEntry; last: AuditEntry; count: number}> {
  const runs: Array<{first: AuditEntry; last: AuditEntry; count: number}> = [];
  for (const entry of entries) {
    const run = runs[runs.length - 1];
    if (
      run &&
      run.last.actor === entry.actor &&
      run.last.action === entry.action &&
      run.last.detail === entry.detail &&
      entry.action !== 'update'
    ) {
      run.last = entry;
      run.count += 1;
    } else {
      runs.push({first: entry, last: entry, count: 1});
    }
  }
  return runs;
}

export function renderAudit({c, t, locale}: ViewContext) {
  return html`
    <section aria-labelledby="audit-heading">
      <h3 id="audit-heading">${t('auditHeading')}</h3>
      <p>${t('auditIntro')}</p>
      ${
        c.auditError
          ? html`<p class="error-message">${c.auditError}</p>`
          : c.audit.length === 0
            ? html`<p>${t('auditEmpty')}</p>`
            : html`<ol class="audit">
                ${collapse(c.audit).map(
                  ({first, last, count}) =>
                    html`<li>
                      <span class="when">${formatDateTime(first.at, locale)}</span>
                      <span class="who">${first.actor}</span>:
                      ${describe(first, t)}${
                        count > 1
                          ? html`<span class="repeats"
                              >${t('auditRepeated', {count, when: formatDateTime(last.at, locale)})}</span
                            >`
                          : ''
                      }
                    </li>`,
                )}
              </ol>`
      }
    </section>
  `;
}
