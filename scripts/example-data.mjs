// A year of made-up feedback for three made-up services, so that a provider trying care-feedback with
// `npm start` sees the inbox, the reports and the charts with something in them (issue #15).
//
// It is written through the collector's own HTTP API, on a collector whose clock this script moves
// through the year: every item gets its reference, acknowledgement day, status changes, complaint
// record and audit trail exactly as real feedback would, at the time it would have happened.
// Everything is marked as example data: the services are called "example-…", staff-recorded items
// say "Example data" as who recorded them, and it goes in its own database (data/example.db).
import {randomUUID} from 'node:crypto';

export const EXAMPLE_SERVICES = ['example-oak-house', 'example-home-care-north', 'example-day-centre'];
export const EXAMPLE_RECORDER = 'Example data (made up)';

// What people say, by kind. Short, real-sounding, and about the things care feedback is about.
const MESSAGES = {
  compliment: [
    'The carers who visit Mum are always kind and they take time to chat with her.',
    'Thank you to the night staff. Dad says he feels safe now.',
    'The new cook is great. Dinner is hot and there is always a choice.',
    'Priya helped me fill in my benefits form. I could not have done it alone.',
    'The garden party was lovely. My husband sang all afternoon.',
    'The same two carers come most days now, and that makes a big difference.',
    'Staff explained my new tablets in a way I could understand.',
    'The trip to the seaside was the best day Gran has had in years.',
  ],
  complaint: [
    'The carer was two hours late on Monday and did not ring to say so.',
    'My mother was not given her tablets at lunchtime on Sunday.',
    'Nobody answered the phone at the office all afternoon.',
    'Different carers come every day and none of them know what Dad needs.',
    'My dad was left in wet clothes until the next visit.',
    'We were charged for visits that did not happen in March.',
    'A member of staff spoke to my sister in a rude way in front of other people.',
    'Mum’s room has not been cleaned properly for two weeks.',
    'The visit was cut short and the carer did not help with the shower.',
    'The minibus did not come, so I missed the day centre three times.',
  ],
  concern: [
    'I saw a bruise on my aunt’s arm and nobody could tell me how it happened.',
    'The back door was left open at night and residents could walk out.',
    'My neighbour seems very thin and I do not think she is eating her meals.',
  ],
  comment: [
    'It would help to know the names of the carers before they come.',
    'The day centre is too noisy after lunch for some of us.',
    'The letters you send are hard to read. Bigger writing would help.',
    'I would like to be asked before my visit times change.',
  ],
  suggestion: [
    'Could there be more music sessions in the evenings?',
    'Please put the menu up with pictures so everyone can choose.',
    'A quiet room for visitors would be nice.',
    'Could the carers text when they are on their way?',
  ],
};

const IMPROVEMENTS = [
  'Ring me if you are running late.',
  'Please use the same carers each week.',
  'Tell me what happened and what you will do.',
  'Check the tablets chart at every visit.',
  '',
];

const POINTS = {
  'The carer was two hours late': ['Late visit on Monday', 'No phone call to say the carer was late'],
  tablets: ['Lunchtime tablets missed on Sunday'],
  phone: ['Office phone not answered'],
  'Different carers': ['Too many different carers', 'Care plan not followed'],
  'wet clothes': ['Personal care not given'],
  charged: ['Charged for visits that did not happen'],
  rude: ['Staff attitude'],
  cleaned: ['Room not cleaned'],
  'cut short': ['Visit cut short', 'Shower not given'],
  minibus: ['Transport did not come'],
};

const YOU_SAID = [
  ['Carers were often late and did not ring you.', 'Carers now send a text if they will be more than 15 minutes late.'],
  ['Too many different carers visited.', 'Each person now has a small team of three carers.'],
  ['Our letters were hard to read.', 'We rewrote our letters in plain words, with large print if you ask.'],
  ['You wanted more music.', 'There is a music night every Thursday at Oak House.'],
  ['The menu was hard to follow.', 'The menu now has pictures, on every table.'],
];

const CHANNELS = ['phone', 'phone', 'phone', 'letter', 'email', 'in-person', 'meeting'];
const RATING = {
  compliment: ['very-good', 'very-good', 'very-good', 'good'],
  complaint: ['poor', 'very-poor', 'very-poor', 'neither', 'dont-know'],
  concern: ['poor', 'neither', 'dont-know'],
  comment: ['good', 'neither', 'good', 'poor'],
  suggestion: ['good', 'very-good', 'neither'],
};
// Of every 20 items, how many are of each kind: mostly compliments, a steady trickle of complaints.
const KIND_WEIGHTS = [
  ['compliment', 8],
  ['comment', 4],
  ['suggestion', 3],
  ['complaint', 4],
  ['concern', 1],
];

const DAY = 24 * 60 * 60 * 1000;

/** A seeded random generator (the same year every time for the same seed). */
function randomFrom(seed) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The next weekday at a working hour, at least `days` after `from`. */
function workingDayAfter(from, days, random) {
  const at = new Date(from + days * DAY);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(at.getTime() + DAY);
  at.setUTCHours(9 + Math.floor(random() * 7), Math.floor(random() * 60), 0, 0);
  // Never before what it follows: something dealt with the same day is dealt with later that day.
  return Math.max(at.getTime(), from + 60 * 60 * 1000);
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Everything that happens in the example year, oldest first: each item arriving, and what staff do
 * about it later. Pure: the same seed and `now` give the same plan.
 */
export function planExampleYear({now, seed = 2026, perWeek = 6}) {
  const random = randomFrom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = () => {
    let roll = random() * KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [kind, weight] of KIND_WEIGHTS) if ((roll -= weight) < 0) return kind;
    return 'compliment';
  };
  const end = now.getTime();
  const start = end - 365 * DAY;
  const count = Math.round((365 / 7) * perWeek);
  const events = [];
  for (let item = 0; item < count; item++) {
    // Spread across the year, each at a daytime hour.
    const arrived = new Date(start + ((item + random()) / count) * (end - start - DAY));
    arrived.setUTCHours(8 + Math.floor(random() * 11), Math.floor(random() * 60), 0, 0);
    const at = arrived.getTime();
    const kind = weighted();
    const recorded = kind === 'complaint' || kind === 'concern' ? random() < 0.6 : random() < 0.25;
    const message = pick(MESSAGES[kind]);
    events.push({
      at,
      item,
      do: 'arrive',
      body: {
        kind,
        message,
        improvement: pick(IMPROVEMENTS),
        rating: pick(RATING[kind]),
        service: pick(EXAMPLE_SERVICES),
        relationship: pick(['person-using-service', 'family-or-friend', 'family-or-friend', 'advocate']),
        contactable: random() < 0.5,
        channel: recorded ? pick(CHANNELS) : 'web',
      },
    });
    // Staff deal with what came, unless it came in the last fortnight (so "Needs attention" has some).
    const recent = end - at < 14 * DAY;
    if (kind === 'complaint') {
      const lateAck = random() < 0.1;
      const acknowledged = workingDayAfter(at, lateAck ? 5 : 1 + Math.floor(random() * 2), random);
      if (acknowledged < end) {
        const due = workingDayAfter(acknowledged, 20, random);
        events.push({at: acknowledged, item, do: 'acknowledge', dueDay: isoDay(due), message});
      }
      if (!recent) {
        const extended = random() < 0.2;
        const replied = workingDayAfter(at, extended ? 30 + Math.floor(random() * 10) : 8 + Math.floor(random() * 15), random);
        if (extended) events.push({at: workingDayAfter(at, 18, random), item, do: 'extend', newDay: isoDay(replied + 3 * DAY)});
        if (replied < end) {
          const outcome = pick(['upheld', 'upheld', 'partly-upheld', 'not-upheld']);
          events.push({at: replied, item, do: 'respond', outcome});
          // A few people take it further: the Ombudsman's answer comes weeks later.
          if (random() < 0.08) events.push({at: replied + 21 * DAY, item, do: 'refer'});
        }
      }
    } else if (kind === 'concern') {
      if (!recent) events.push({at: workingDayAfter(at, 0, random), item, do: 'move', to: ['acknowledged', 'investigating', 'resolved', 'closed']});
    } else if (end - at > 7 * DAY) {
      events.push({at: workingDayAfter(at, 1 + Math.floor(random() * 4), random), item, do: 'move', to: ['closed']});
    }
  }
  // "You said, we did": one every couple of months, the last few published.
  YOU_SAID.forEach(([youSaid, weDid], index) => {
    events.push({at: start + (index + 1) * 60 * DAY, do: 'you-said', youSaid, weDid});
  });
  return events.filter((event) => event.at < end).sort((a, b) => a.at - b.at);
}

function submissionBody(item, plan, index) {
  const {body} = plan;
  const submission = {
    schemaVersion: 1,
    id: randomUUID(),
    kind: body.kind,
    rating: body.rating,
    message: body.message,
    service: body.service,
    relationship: body.relationship,
    consent: {store: true, contact: body.contactable, publish: false},
    locale: 'en-GB',
    createdAt: new Date(plan.at).toISOString(),
    client: {name: 'care-feedback example data', version: '0'},
    spam: {hp: '', elapsedMs: 90_000},
  };
  if (body.improvement) submission.improvement = body.improvement;
  if (body.contactable) {
    submission.contact = {name: `Example person ${index + 1}`, email: `person${index + 1}@example.org`, preferredMethod: 'email'};
  }
  if (body.channel !== 'web') {
    submission.recorded = {channel: body.channel, by: EXAMPLE_RECORDER, receivedAt: new Date(plan.at).toISOString()};
  }
  return submission;
}

function pointsFor(message) {
  for (const [words, points] of Object.entries(POINTS)) if (message.includes(words)) return points;
  return ['What the person told us'];
}

/**
 * Plays the plan against a collector at `url`, with `clock.set(ms)` moving that collector's clock.
 * Resolves with how many items it sent. Stops at the first answer it did not expect, saying which.
 */
export async function playExampleYear({url, token, clock, events}) {
  const references = new Map();
  const messages = new Map();
  const call = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`The example data stopped: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
  const status = (reference, to, note) => call('PATCH', `/v1/submissions/${reference}`, {status: to, ...(note ? {note} : {})});
  let sent = 0;
  for (const event of events) {
    clock.set(event.at);
    const reference = references.get(event.item);
    switch (event.do) {
      case 'arrive': {
        const receipt = await call('POST', '/v1/submissions', submissionBody(event.item, event, sent));
        references.set(event.item, receipt.reference);
        messages.set(event.item, event.body.message);
        sent++;
        break;
      }
      case 'acknowledge':
        await status(reference, 'acknowledged', 'Example data: rang the person and sent the acknowledgement letter.');
        await call('PATCH', `/v1/submissions/${reference}/complaint`, {
          points: pointsFor(event.message).map((text) => ({text, outcome: null})),
          investigator: 'Example manager',
          acknowledgementSentAt: isoDay(event.at),
          responseDueAt: event.dueDay,
        });
        await status(reference, 'investigating');
        break;
      case 'extend':
        await call('PATCH', `/v1/submissions/${reference}/complaint`, {
          extensions: [{reason: 'Example data: waiting for the rota records.', newDate: event.newDay}],
        });
        break;
      case 'respond': {
        const record = await call('GET', `/v1/submissions/${reference}/complaint`);
        await call('PATCH', `/v1/submissions/${reference}/complaint`, {
          points: record.points.map((point, index) => ({text: point.text, outcome: index === 0 ? event.outcome : 'not-upheld'})),
          apology: event.outcome === 'not-upheld' ? null : 'We are sorry this happened.',
          remedy: event.outcome === 'not-upheld' ? null : 'We have talked with the team and changed the rota.',
          responseSentAt: isoDay(event.at),
          toldOfOmbudsman: true,
        });
        await status(reference, 'resolved');
        await status(reference, 'closed');
        break;
      }
      case 'refer':
        await call('PATCH', `/v1/submissions/${reference}/complaint`, {
          ombudsmanReferredAt: isoDay(event.at),
          ombudsmanResult: 'Example data: the Ombudsman found no fault.',
        });
        break;
      case 'move':
        for (const to of event.to) await status(reference, to);
        break;
      case 'you-said': {
        const item = await call('POST', '/v1/you-said-we-did', {youSaid: event.youSaid, weDid: event.weDid});
        await call('POST', `/v1/you-said-we-did/${item.id}/publish`);
        break;
      }
    }
  }
  return sent;
}

/**
 * The example site's open consultation ("Changing visit times in the north area", on its Get involved
 * page), open until two months from `now`.
 */
export async function openExampleConsultation({url, token, now}) {
  const {exampleConsultationInput} = await import('@care-feedback/core');
  const call = async (path, body) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
      body: JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`The example consultation stopped: POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  };
  const consultation = exampleConsultationInput({
    service: EXAMPLE_SERVICES[1],
    closesAt: new Date(now.getTime() + 61 * DAY).toISOString(),
  });
  await call('/v1/consultations', consultation);
  await call(`/v1/consultations/${consultation.slug}/open`);
  return consultation.slug;
}

/**
 * Makes the example database at `dbPath`: a year up to `now` played through a collector of its own,
 * written beside it first and moved into place only when whole, so a stopped run leaves none.
 */
export async function seedExampleDatabase({dbPath, now = new Date(), seed, perWeek}) {
  const {createToken, serve} = await import('@care-feedback/collector');
  const {rmSync, renameSync, existsSync} = await import('node:fs');
  const building = `${dbPath}.building`;
  for (const file of [building, `${building}-wal`, `${building}-shm`]) rmSync(file, {force: true});
  let clock = now.getTime();
  const serving = await serve({
    db: building,
    port: 0,
    log: false,
    inbox: false,
    embed: false,
    rateLimit: 0,
    now: () => new Date(clock),
  });
  let sent;
  try {
    const store = await serving.collector.store();
    const {token, record} = await createToken(store, 'example data', now);
    sent = await playExampleYear({url: serving.url, token, clock: {set: (ms) => (clock = ms)}, events: planExampleYear({now, seed, perWeek})});
    clock = now.getTime();
    await openExampleConsultation({url: serving.url, token, now});
    await store.revokeToken(record.id, now.toISOString());
  } finally {
    await serving.close();
  }
  renameSync(building, dbPath);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${building}${suffix}`)) rmSync(`${building}${suffix}`);
  return sent;
}
