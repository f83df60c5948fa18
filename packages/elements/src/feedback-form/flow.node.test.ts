// The journey's state machine, path by path, in Node: what the person would see next and where focus goes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  KINDS,
  newSubmissionId,
  RATINGS,
  RELATIONSHIPS,
  type DeliveryState,
  type Kind,
} from '@care-feedback/core';
import {
  draftOf,
  isDirty,
  phaseOf,
  resume,
  start,
  transition,
  type FlowEvent,
  type FlowState,
  type Transition,
} from './flow.js';
import type {Context} from './answers.js';

const context = (): Context => ({
  id: 'ignored',
  locale: 'en-GB',
  startedAt: Date.now() - 60_000,
  honeypot: '',
  version: '0.0.0',
});

/** Runs events in order and returns every transition. */
function run(state: FlowState, ...events: FlowEvent[]): Transition[] {
  const out: Transition[] = [];
  for (const event of events) {
    const next = transition(state, event);
    out.push(next);
    state = next.state;
  }
  return out;
}
const last = (transitions: Transition[]) => transitions[transitions.length - 1]!;
const cont = (extra: Partial<Extract<FlowEvent, {type: 'continue'}>> = {}): FlowEvent => ({
  type: 'continue',
  context: context(),
  ...extra,
});
const answer = (answers: Extract<FlowEvent, {type: 'answer'}>['answers']): FlowEvent => ({
  type: 'answer',
  answers,
});

/** Walks a kind through every step with good answers, to review. */
function toReview(kind: Kind, reply: 'anonymous' | 'contact' = 'anonymous'): FlowState {
  const events: FlowEvent[] = [answer({kind}), cont()];
  if (kind !== 'concern') events.push(answer({rating: RATINGS[0]}), cont());
  events.push(answer({message: 'The staff were kind.'}), cont());
  events.push(answer({relationship: RELATIONSHIPS[0]}), cont());
  if (reply === 'contact')
    events.push(
      answer({reply, name: 'Sam', method: 'email', email: 'sam@example.org'}),
      cont(),
      cont(),
    );
  else events.push(answer({reply}), cont());
  events.push(answer({consentStore: true, consentContact: reply === 'contact'}), cont());
  const end = last(run(start(newSubmissionId()), ...events));
  assert.equal(end.state.at, 'review', JSON.stringify(end.state));
  return end.state;
}

const status = (
  state: FlowState,
  delivery: Partial<DeliveryState>,
  nextId = newSubmissionId(),
): FlowEvent => ({
  type: 'status',
  delivery: {id: state.id, status: 'queued', attempts: 1, ...delivery},
  persistence: 'indexeddb',
  nextId,
});

for (const kind of KINDS) {
  test(`${kind}: the kind's own steps, heading focused, through to review`, () => {
    const first = last(run(start(newSubmissionId()), answer({kind}), cont()));
    assert.equal(first.state.at, kind === 'concern' ? 'story' : 'rating');
    assert.deepEqual(first.focus, {to: 'heading'});
    const review = toReview(kind);
    assert.deepEqual(review.at, 'review');
  });
}

test('a preset kind starts at the step after the kind question', () => {
  assert.equal(start(newSubmissionId(), 'compliment').at, 'rating');
  assert.equal(start(newSubmissionId(), 'concern').at, 'story');
  assert.equal(start(newSubmissionId()).at, 'kind');
});

test('a kind set by the page while on the kind question moves on; elsewhere it only changes the answer', () => {
  const moved = transition(start(newSubmissionId()), {type: 'kind', kind: 'comment', preset: true});
  assert.equal(moved.state.at, 'rating');
  assert.equal(moved.focus, undefined);
  const stayed = transition(moved.state, {type: 'kind', kind: 'concern', preset: true});
  assert.equal(stayed.state.at, 'rating');
});

test('concern advice: Continue while the safety advice shows chooses concern and skips the rating', () => {
  const t = transition(start(newSubmissionId()), cont({concernAdvice: true}));
  assert.equal(t.state.at, 'story');
  assert.ok(t.state.at === 'story' && t.state.answers.kind === 'concern');
  assert.deepEqual(t.focus, {to: 'heading'});
});

test('errors: each step refuses to go on while empty, with the summary focused', () => {
  for (const [step, events] of [
    ['kind', []],
    ['story', [answer({kind: 'concern'}), cont()]],
    [
      'reply',
      [
        answer({kind: 'concern', message: 'x', relationship: RELATIONSHIPS[0]}),
        cont(),
        cont(),
        cont(),
      ],
    ],
    [
      'consent',
      [
        answer({kind: 'concern', message: 'x', relationship: RELATIONSHIPS[0], reply: 'anonymous'}),
        cont(),
        cont(),
        cont(),
        cont(),
      ],
    ],
  ] as const) {
    const before = last(run(start(newSubmissionId()), answer({}), ...events)).state;
    assert.equal(before.at, step);
    const t = transition(before, cont());
    assert.equal(t.state.at, step, `${step} stays`);
    assert.ok('errors' in t.state && t.state.errors.length > 0);
    assert.deepEqual(t.focus, {to: 'summary'});
  }
});

test('the error summary: a link opens the field’s step, keeps only that step’s errors and focuses the field', () => {
  const review = toReview('complaint');
  const broken = transition(review, answer({message: '', consentStore: false})).state;
  const sent = transition(broken, {type: 'send', context: context()});
  assert.equal(sent.state.at, 'review');
  assert.deepEqual(sent.focus, {to: 'summary'});
  const errors = sent.state.at === 'review' ? sent.state.errors : [];
  assert.ok(errors.length >= 2);
  const messageError = errors.find((e) => e.path === 'message')!;
  const fix = transition(sent.state, {type: 'fix', error: messageError});
  assert.equal(fix.state.at, 'story');
  assert.deepEqual(fix.focus, {to: 'field', id: 'f-message'});
  assert.ok(fix.state.at === 'story' && fix.state.errors.every((e) => e.path === 'message'));
  // Fixed, Continue goes straight back to review.
  const back = last(run(fix.state, answer({message: 'Now it is said.'}), cont()));
  assert.equal(back.state.at, 'review');
});

test('review and change: Change opens the step, Continue and Back both return to review', () => {
  const review = toReview('suggestion');
  const change = transition(review, {type: 'change', step: 'about'});
  assert.equal(change.state.at, 'about');
  assert.deepEqual(change.focus, {to: 'heading'});
  assert.equal(transition(change.state, cont()).state.at, 'review');
  assert.equal(transition(change.state, {type: 'back'}).state.at, 'review');
});

test('back goes to the previous step, and nowhere from the first', () => {
  const onRating = last(run(start(newSubmissionId()), answer({kind: 'comment'}), cont())).state;
  assert.equal(transition(onRating, {type: 'back'}).state.at, 'kind');
  const first = transition(start(newSubmissionId()), {type: 'back'});
  assert.equal(first.state.at, 'kind');
  assert.equal(first.focus, undefined);
});

test('anonymous skips communication needs; contact asks for them', () => {
  const anonymous = last(
    run(
      start(newSubmissionId()),
      answer({kind: 'concern', message: 'x', relationship: RELATIONSHIPS[0]}),
      cont(),
      cont(),
      cont(),
      answer({reply: 'anonymous'}),
      cont(),
    ),
  );
  assert.equal(anonymous.state.at, 'consent');
  const contact = last(
    run(
      start(newSubmissionId()),
      answer({kind: 'concern', message: 'x', relationship: RELATIONSHIPS[0]}),
      cont(),
      cont(),
      cont(),
      answer({reply: 'contact', name: 'Sam', method: 'email', email: 'sam@example.org'}),
      cont(),
    ),
  );
  assert.equal(contact.state.at, 'needs');
  assert.equal(toReview('complaint', 'contact').at, 'review');
});

test('sending then delivered: one notice, confirmation heading focused', () => {
  const review = toReview('compliment');
  const sending = transition(review, {type: 'send', context: context()});
  assert.equal(sending.state.at, 'sending');
  const done = transition(
    sending.state,
    status(sending.state, {status: 'delivered', reference: 'CF-1'}),
  );
  assert.equal(done.state.at, 'delivered');
  assert.deepEqual(done.notice, {type: 'delivered', id: review.id, reference: 'CF-1'});
  assert.deepEqual(done.focus, {to: 'heading'});
  // The same event again changes nothing and says nothing.
  const again = transition(
    done.state,
    status(sending.state, {status: 'delivered', reference: 'CF-1'}),
  );
  assert.equal(again.notice, undefined);
});

test('queued (saved on the device), then delivered in place without moving focus', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  // Saved and on its first try: still sending, nothing announced yet.
  for (const first of [
    status(sending, {status: 'queued', attempts: 0}),
    status(sending, {status: 'sending'}),
  ]) {
    const t = transition(sending, first);
    assert.equal(t.state.at, 'sending');
    assert.equal(t.notice, undefined);
  }
  const queued = transition(sending, status(sending, {status: 'queued', attempts: 1}));
  assert.equal(queued.state.at, 'queued');
  assert.deepEqual(queued.notice, {type: 'queued', id: sending.id, persistence: 'indexeddb'});
  assert.deepEqual(queued.focus, {to: 'heading'});
  assert.equal(
    transition(queued.state, status(sending, {status: 'sending'})).notice,
    undefined,
    'queued once',
  );
  const memory = transition(queued.state, {type: 'storage', persistence: 'memory'});
  assert.ok(memory.state.at === 'queued' && memory.state.persistence === 'memory');
  const delivered = transition(
    memory.state,
    status(sending, {status: 'delivered', reference: 'CF-2'}),
  );
  assert.equal(delivered.state.at, 'delivered');
  assert.equal(delivered.focus, undefined);
  assert.equal(delivered.notice?.type, 'delivered');
});

test('events for another submission are ignored', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  const other = transition(sending, {
    type: 'status',
    delivery: {id: newSubmissionId(), status: 'delivered', attempts: 1},
    persistence: 'indexeddb',
    nextId: 'x',
  });
  assert.equal(other.state, sending);
});

test('failed: a failure page with a new id; trying again sends the new id', () => {
  const sending = transition(toReview('complaint'), {type: 'send', context: context()}).state;
  const nextId = newSubmissionId();
  const failed = transition(
    sending,
    status(sending, {status: 'failed', reason: 'rejected'}, nextId),
  );
  assert.equal(failed.state.at, 'failed');
  assert.equal(failed.state.id, nextId);
  assert.deepEqual(failed.notice, {type: 'failed', id: sending.id, reason: 'rejected', errors: []});
  assert.deepEqual(failed.focus, {to: 'heading'});
  const retry = transition(failed.state, {type: 'send', context: context()});
  assert.equal(retry.state.at, 'sending');
  assert.equal(retry.state.id, nextId);
});

test('failed with field errors from the collector: back to review with the errors, summary focused', () => {
  const sending = transition(toReview('complaint'), {type: 'send', context: context()}).state;
  const t = transition(
    sending,
    status(sending, {
      status: 'failed',
      reason: 'rejected',
      errors: [{path: 'message', code: 'message.too-long', message: 'Too long'}],
    }),
  );
  assert.equal(t.state.at, 'review');
  assert.deepEqual(t.focus, {to: 'summary'});
  assert.equal(t.notice?.type, 'failed');
});

test('no endpoint: failed with reason no-endpoint; a cancelled care-submit returns to review', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  const t = transition(sending, {type: 'cannot-send', nextId: newSubmissionId()});
  assert.ok(t.state.at === 'failed' && t.state.reason === 'no-endpoint');
  assert.equal(transition(sending, {type: 'cancel'}).state.at, 'review');
});

test('reset starts afresh from any place', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  const t = transition(sending, {type: 'reset', id: newSubmissionId(), kind: 'comment'});
  assert.equal(t.state.at, 'rating');
});

test('the failure page: "check your answers" opens review with the new id, heading focused', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  const failed = transition(sending, status(sending, {status: 'failed', reason: 'expired'})).state;
  const review = transition(failed, {type: 'review'});
  assert.equal(review.state.at, 'review');
  assert.equal(review.state.id, failed.id);
  assert.deepEqual(review.focus, {to: 'heading'});
  assert.equal(transition(review.state, {type: 'review'}).state, review.state, 'only from failed');
});

test('sending: the checked submission goes with the state; a second send while sending changes nothing', () => {
  const review = toReview('complaint', 'contact');
  const sending = transition(review, {type: 'send', context: context()}).state;
  assert.ok(sending.at === 'sending');
  assert.equal(sending.submission.id, review.id);
  assert.equal(sending.submission.kind, 'complaint');
  assert.equal(transition(sending, {type: 'send', context: context()}).state, sending);
  assert.equal(transition(sending, cont()).state, sending, 'Continue does nothing while sending');
});

test('delivered keeps the answers, for what happens next on the confirmation', () => {
  const sending = transition(toReview('concern'), {type: 'send', context: context()}).state;
  const done = transition(sending, status(sending, {status: 'delivered', reference: 'CF-3'})).state;
  assert.ok(done.at === 'delivered' && done.answers.kind === 'concern');
});

test('the phase a page sees: sending shows review; queued and delivered are done', () => {
  const review = toReview('comment');
  const sending = transition(review, {type: 'send', context: context()}).state;
  const queued = transition(sending, status(sending, {status: 'queued', attempts: 1})).state;
  const delivered = transition(sending, status(sending, {status: 'delivered'})).state;
  const failed = transition(sending, status(sending, {status: 'failed'})).state;
  assert.deepEqual(
    [review, sending, queued, delivered, failed].map(phaseOf),
    ['review', 'review', 'done', 'done', 'failed'],
  );
  assert.equal(isDirty(review), true);
  assert.equal(isDirty(start(newSubmissionId(), 'comment')), false, 'a preset kind alone is not dirty');
  assert.equal(isDirty(queued), false, 'handed over');
});

test('drafts: a step resumes where it was; nothing typed or delivered keeps no draft', () => {
  assert.equal(draftOf(start(newSubmissionId()), 1), undefined);
  const review = toReview('suggestion');
  const change = transition(review, {type: 'change', step: 'about'}).state;
  const draft = draftOf(change, 1234)!;
  assert.deepEqual([draft.phase, draft.returnToReview, draft.startedAt], ['about', true, 1234]);
  const back = resume(JSON.parse(JSON.stringify(draft)))!;
  assert.equal(back.at, 'about');
  assert.ok(back.at === 'about' && back.returnToReview && back.id === review.id);
  assert.deepEqual(back.answers, change.answers);
  const sending = transition(review, {type: 'send', context: context()}).state;
  const delivered = transition(sending, status(sending, {status: 'delivered'})).state;
  assert.equal(draftOf(delivered, 1), undefined);
});

test('drafts: a send cut off mid-way resumes on review; a failure resumes on review with the new id', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  assert.equal(resume(draftOf(sending, 1))?.at, 'review');
  const failed = transition(sending, status(sending, {status: 'failed'})).state;
  const back = resume(draftOf(failed, 1));
  assert.equal(back?.at, 'review');
  assert.equal(back?.id, failed.id);
});

test('drafts: a send waiting in the queue resumes on its confirmation, to be followed to delivery', () => {
  const sending = transition(toReview('comment'), {type: 'send', context: context()}).state;
  const queued = transition(sending, status(sending, {status: 'queued', attempts: 1})).state;
  const draft = draftOf(queued, 1)!;
  assert.deepEqual(draft.delivery, {id: sending.id, status: 'queued', persistence: 'indexeddb'});
  const back = resume(draft)!;
  assert.ok(back.at === 'queued' && back.id === sending.id && back.persistence === 'indexeddb');
  const delivered = transition(back, status(back, {status: 'delivered', reference: 'CF-4'}));
  assert.equal(delivered.state.at, 'delivered');
  assert.equal(delivered.focus, undefined, 'in place');
});

test('drafts: unreadable or foreign drafts start afresh; a step this journey does not have goes to the kind', () => {
  for (const bad of [undefined, null, 'x', {v: 2, id: 'a'}, {v: 1}]) assert.equal(resume(bad), undefined);
  const odd = resume({v: 1, id: 'a', phase: 'needs', answers: {kind: 'comment', reply: 'anonymous'}});
  assert.equal(odd?.at, 'kind');
});
