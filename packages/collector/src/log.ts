// Structured request logs: one JSON line per request, with nothing personal in them.

/** The only fields a log line may carry: no bodies, names, contact details, addresses or tokens. */
export interface LogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  method?: string;
  /** The route pattern, e.g. /v1/submissions/:reference, never the query string. */
  route?: string;
  status?: number;
  ms?: number;
  /** What happened to a submission: created, duplicate, conflict, quarantined, invalid, … */
  outcome?: string;
  kind?: string;
  /** An error's name or code, never its message (messages can quote data). */
  error?: string;
  [key: string]: string | number | boolean | undefined;
}

export type Logger = (line: LogLine) => void;

let pending = '';
let scheduled = false;
const flush = () => {
  scheduled = false;
  if (!pending) return;
  const text = pending;
  pending = '';
  process.stdout.write(text);
};
process.once('exit', flush);

/**
 * Writes lines to stdout, gathered per event-loop turn: on Linux a write to a pipe is a blocking
 * system call, and one per request costs more than it should under load.
 */
export const stdoutLogger: Logger = (line) => {
  pending += `${JSON.stringify(line)}\n`;
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
};

export const silentLogger: Logger = () => {};
