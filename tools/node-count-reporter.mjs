// node:test reporter that counts leaf tests (not suites) and writes {passed, failed, skipped} as JSON.
import {writeFileSync} from 'node:fs';

export default async function* countReporter(source) {
  const totals = {passed: 0, failed: 0, skipped: 0};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const {details, skip, todo} = event.data;
    if (details?.type === 'suite') {
      // A suite that fails outside its tests (a hook, an import) still counts as one failure.
      if (event.type === 'test:fail' && details.error?.failureType !== 'subtestsFailed') totals.failed++;
      continue;
    }
    if (skip || todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  writeFileSync(process.env.NODE_COUNT_FILE ?? '.test-results/node.json', JSON.stringify(totals));
  yield '';
}
