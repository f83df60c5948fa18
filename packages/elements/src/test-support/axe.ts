// Runs axe-core in the real browser against an element (shadow roots included) for WCAG 2.2 AA.
import 'axe-core/axe.min.js';
import type {AxeResults, RunOptions} from 'axe-core';

declare global {
  interface Window {
    axe: {run(context: Element | Document, options?: RunOptions): Promise<AxeResults>};
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function describeViolations(results: AxeResults): string {
  return results.violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' > ')}: ${n.failureSummary}`).join('\n')}`)
    .join('\n');
}

/** Fails with every violation listed when axe finds any WCAG 2.2 A or AA problem in `context`. */
export async function expectAccessible(context: Element | Document, state = ''): Promise<void> {
  const results = await window.axe.run(context, {runOnly: {type: 'tag', values: WCAG_TAGS}, resultTypes: ['violations']});
  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} problem(s)${state ? ` (${state})` : ''}:\n${describeViolations(results)}`);
  }
}
