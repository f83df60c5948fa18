// Counts passed and failed browser tests (and files that failed to load) into a JSON file for npm test.
import {writeFileSync} from 'node:fs';

function countTests(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) countTests(child, totals);
}

export function countReporter(file) {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0, brokenFiles: []};
      for (const session of sessions) {
        if (session.testResults) countTests(session.testResults, totals);
        // A file that throws on import, or an error outside any test, is a failure too.
        const broken = !session.passed && (!session.testResults || session.errors?.length);
        if (broken) {
          totals.failed++;
          totals.brokenFiles.push(session.testFile);
        }
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}
