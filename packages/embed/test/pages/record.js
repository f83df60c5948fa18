// Loaded first on every embed test page: records what the bundle must never cause, for the test to read.
(() => {
  const record = {
    globalsBefore: Object.getOwnPropertyNames(window),
    errors: [],
    consoleErrors: [],
    warnings: [],
    violations: [],
    layoutShift: 0,
    longTasks: [],
    /** care-delivered, care-queued and care-failed events that reached the document: [type, detail]. */
    outcomes: [],
  };
  for (const type of ['care-delivered', 'care-queued', 'care-failed']) {
    document.addEventListener(type, (event) => record.outcomes.push([type, event.detail]));
  }
  addEventListener('error', (event) => record.errors.push(String(event.message || event.error)));
  addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason?.stack ?? event.reason)));
  document.addEventListener('securitypolicyviolation', (event) =>
    record.violations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`.trim()),
  );
  const {warn, error} = console;
  console.warn = (...args) => {
    record.warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  console.error = (...args) => {
    record.consoleErrors.push(args.map(String).join(' '));
    error.apply(console, args);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) record.layoutShift += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push(Math.round(entry.duration));
  }).observe({type: 'longtask', buffered: true});
  Object.defineProperty(window, '__embedTest', {value: record});
})();
