// An ordinary Express 5 website for a home-care provider that also takes feedback: the collector is mounted at /feedback.
//
// Run from the repository root:   node --conditions=source --import tsx examples/express-collector/server.ts
// Settings come from the environment: PORT (default 3000, 0 for any free port), HOST (default 127.0.0.1),
// FEEDBACK_DB (default ./data/express-example.db), FEEDBACK_ALLOW_ORIGINS (comma-separated other sites
// allowed to send feedback here), FEEDBACK_RATE_LIMIT (submissions a minute per address, default 30).
import {existsSync, mkdirSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AddressInfo} from 'node:net';
import express, {type Request, type Response} from 'express';
import {createCollector, expressMiddleware} from '@care-feedback/collector';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const db = resolve(process.env.FEEDBACK_DB ?? 'data/express-example.db');
const allowOrigins = (process.env.FEEDBACK_ALLOW_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const rateLimit = Number(process.env.FEEDBACK_RATE_LIMIT ?? 30);

mkdirSync(dirname(db), {recursive: true});

// The collector is one function, (Request) => Promise<Response>; the Express adapter only translates.
const collector = createCollector({db, allowOrigins, rateLimit});
// Opened (and migrated) before taking traffic, so a bad FEEDBACK_DB fails now, not at the first complaint.
await collector.store();

const app = express();
app.disable('x-powered-by');

// Mounted before any body parser: the collector reads and limits the raw body itself.
// Express strips the mount path, so the collector sees /v1/… and answers /feedback/v1/submissions,
// /feedback/v1/health and the provider API; anything else under /feedback falls through to the app.
app.use('/feedback', expressMiddleware(collector));

// The provider's own site from here on: an API with its own JSON body parser, and a few pages.
app.use(express.json({limit: '10kb'}));

const visits = [
  {id: 'v1', day: 'Monday', time: '08:30', carer: 'Priya'},
  {id: 'v2', day: 'Wednesday', time: '12:00', carer: 'Tom'},
  {id: 'v3', day: 'Friday', time: '17:15', carer: 'Priya'},
];

app.get('/api/visits', (_req: Request, res: Response) => {
  res.json({visits});
});

// A request to call someone back: the app's own validation, answered with the app's own error shape.
app.post('/api/call-back', (req: Request, res: Response) => {
  const phone = typeof req.body?.phone === 'string' ? req.body.phone.trim() : '';
  if (!/^[0-9 +()-]{6,20}$/.test(phone)) {
    res.status(422).json({error: 'Please give a phone number we can call.'});
    return;
  }
  res.status(202).json({message: 'Thank you. We will ring you back today.'});
});

// The embed bundle, if it has been built (npm run build), so the pages below can show the form.
const embedDist = resolve(repoRoot, 'packages/embed/dist');
if (existsSync(embedDist))
  app.use('/assets/care-feedback', express.static(embedDist, {maxAge: '1h'}));

const page = (title: string, body: string) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Sunrise Home Care</title>
</head>
<body>
<header><p><a href="/">Sunrise Home Care</a></p>
<nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/have-your-say">Have your say</a></li></ul></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;

app.get('/', (_req: Request, res: Response) => {
  res.type('html').send(
    page(
      'Home',
      `<h1>Care at home, from people who know you</h1>
<p>We visit people in their own homes across the north of the town, every day of the year.</p>
<p><a href="/have-your-say">Tell us how we are doing</a>.</p>`,
    ),
  );
});

app.get('/have-your-say', (req: Request, res: Response) => {
  // The same origin as the collector, so no CORS setting is needed for this page.
  const endpoint = `${req.protocol}://${req.get('host')}/feedback/v1`;
  const script = existsSync(resolve(embedDist, 'care-feedback.js'))
    ? `<script src="/assets/care-feedback/care-feedback.js" data-endpoint="${endpoint}" defer></script>`
    : '<p>(Run <code>npm run build</code> to show the form here.)</p>';
  res.type('html').send(
    page(
      'Have your say',
      `<h1>Have your say</h1>
<p>Tell us what went well, what went wrong, or what we could do better.</p>
<care-feedback-form endpoint="${endpoint}"></care-feedback-form>
${script}`,
    ),
  );
});

// The app's own 404, after every route and the collector.
app.use((_req: Request, res: Response) => {
  res
    .status(404)
    .type('html')
    .send(
      page('Page not found', '<h1>Page not found</h1><p><a href="/">Go to the home page</a>.</p>'),
    );
});

const server = app.listen(port, host, () => {
  const {port: actual} = server.address() as AddressInfo;
  const origin = `http://${host}:${actual}`;
  console.log(`Sunrise Home Care is running on ${origin}`);
  console.log(`Feedback endpoint: ${origin}/feedback/v1 (stored in ${db})`);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Set PORT to another number.`
      : error.message,
  );
  process.exit(1);
});

// Ctrl-C (or a stop from the process manager): finish requests in flight, then close the database.
let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    void collector.close().then(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
