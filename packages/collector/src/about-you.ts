// POST /v1/about-you (issue #15, equality of experience): the optional "About you" answers a person gives
// after sending feedback. Public, under the same rules as POST /v1/submissions (origin check, CORS, rate
// limit, JSON, body limit, 422 naming each field), kept apart from the feedback (store/about-you-sql.ts).
import {createHash} from 'node:crypto';
import {ABOUT_YOU_QUESTION_NAMES, validateAboutYou} from '@care-feedback/core';
import {discardBody, json, methodNotAllowed, problem} from './http.js';
import type {LogLine} from './log.js';
import type {ClientInfo} from './collector.js';
import type {InvolvementContext} from './involvement.js';

/** What the public route needs from the collector: the same gate every public POST goes through. */
export type AboutYouContext = Pick<InvolvementContext, 'getStore' | 'now' | 'readPublicJson'>;

/** Said when no feedback has the id the answers name (it may not have arrived yet, or was erased). */
export const NO_FEEDBACK_MESSAGE =
  'We cannot find the feedback these answers go with. If it is still waiting to be sent, these answers will be sent after it.';

/** Answers POST /v1/about-you; undefined when the path is not it. */
export async function handleAboutYou(
  ctx: AboutYouContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
): Promise<Response> {
  if (request.method !== 'POST') {
    discardBody(request);
    return methodNotAllowed('POST');
  }
  const read = await ctx.readPublicJson(request, info, line);
  if (read.answer) return read.answer;
  const result = validateAboutYou(read.input);
  if (!result.ok) {
    line.outcome = 'invalid';
    return problem(422, 'invalid-about-you', 'Some answers need changing', undefined, {
      errors: result.errors.map(({path, code, message}) => ({path, code, message})),
    });
  }
  const {id, submissionId, answers} = result.value;
  // Only fixed words are kept: no locale, no time from the browser, nothing a person typed.
  const kept = Object.fromEntries(
    ABOUT_YOU_QUESTION_NAMES.filter((question) => answers[question] !== undefined).map((q) => [q, answers[q]!]),
  );
  const store = await ctx.getStore();
  const stored = await store.insertAboutYou({
    id,
    submissionId,
    answers: kept,
    answerHash: createHash('sha256').update(JSON.stringify([submissionId, kept])).digest('hex'),
    answeredAt: ctx.now().toISOString(),
  });
  switch (stored.outcome) {
    case 'created':
    case 'duplicate':
      line.outcome = stored.outcome;
      return json(stored.outcome === 'created' ? 201 : 200, {id, receivedAt: stored.answeredAt});
    case 'conflict':
      line.outcome = 'conflict';
      return problem(409, 'id-conflict', 'Already answered', 'These answers, or this feedback, already have other answers.');
    case 'no-submission':
      // 404, not 422: a browser keeps and retries it, because the feedback may still be in its own
      // queue (sent offline) and arrive after these answers.
      line.outcome = 'no-submission';
      return problem(404, 'feedback-not-found', 'No feedback to go with', NO_FEEDBACK_MESSAGE);
  }
}
