// The provider's view of a consultation (#16): GET /v1/consultations/:slug with a token holds the free
// text of every counted answer grouped by the theme the keyword rules find (theme-suggestions.ts), so
// the inbox can summarise "you said" by theme. On both stores, over real HTTP.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {exampleConsultationInput, exampleConsultationResponse} from '@care-feedback/core';
import {ENGINES, startCollector, type Running} from './helpers.js';

interface Written {
  question: string;
  groups: Array<{themeId: string | null; name: string | null; answers: Array<{reference: string; text: string; matched: string[]}>}>;
}

const HOSTILE = '<img src=x onerror="alert(1)"> the carers are late 🙂 \u202e';

for (const {engine, skip} of ENGINES) {
  describe(`a consultation's written answers by theme (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine);
    });
    after(() => c.close());
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${c.api}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)});

    it('groups each counted answer under its first theme, the unmatched last, leaving quarantined ones out', async () => {
      const auth = {authorization: `Bearer ${c.token}`};
      const slug = `written-${randomUUID().slice(0, 8)}`;
      assert.equal((await post('/consultations', exampleConsultationInput({slug}), auth)).status, 201);
      assert.equal((await post(`/consultations/${slug}/open`, {}, auth)).status, 200);
      const references: string[] = [];
      const answer = async (comments: string | undefined, spam = false) => {
        const response = await post(
          `/consultations/${slug}/responses`,
          exampleConsultationResponse({
            id: randomUUID(),
            consultation: slug,
            answers: {agree: 'yes', ...(comments === undefined ? {} : {comments})},
            ...(spam ? {spam: {hp: 'http://spam.example'}} : {}),
          }),
        );
        assert.equal(response.status, 201);
        references.push(((await response.json()) as {reference: string}).reference);
      };
      await answer('Breakfast is always cold by the time it comes.');
      await answer(HOSTILE);
      await answer('Blue sky.');
      await answer(undefined);
      await answer('Breakfast and lunch, please.');
      await answer('Breakfast, breakfast!', true);

      const shown = (await (await fetch(`${c.api}/consultations/${slug}`, {headers: auth})).json()) as {written: Written[]; summary: {responses: number}};
      assert.equal(shown.summary.responses, 5);
      assert.deepEqual(shown.written, [
        {
          question: 'comments',
          groups: [
            {themeId: 'missed-or-late-visits', name: 'Missed or late visits', answers: [{reference: references[1], text: HOSTILE, matched: ['late']}]},
            {
              themeId: 'food-and-drink',
              name: 'Food and drink',
              answers: [
                {reference: references[0], text: 'Breakfast is always cold by the time it comes.', matched: ['breakfast']},
                {reference: references[4], text: 'Breakfast and lunch, please.', matched: ['breakfast', 'lunch']},
              ],
            },
            {themeId: null, name: null, answers: [{reference: references[2], text: 'Blue sky.', matched: []}]},
          ],
        },
      ]);

      // An erased answer leaves its group; nobody outside the provider ever sees the words.
      assert.equal((await fetch(`${c.api}/consultations/${slug}/responses/${references[2]}`, {method: 'DELETE', headers: auth})).status, 204);
      const after = (await (await fetch(`${c.api}/consultations/${slug}`, {headers: auth})).json()) as {written: Written[]};
      assert.deepEqual(after.written[0]!.groups.map((g) => g.themeId), ['missed-or-late-visits', 'food-and-drink']);
      const publicly = (await (await fetch(`${c.api}/consultations/${slug}`)).json()) as {written?: unknown};
      assert.equal(publicly.written, undefined);
    });
  });
}
