// GET /v1/reports' `involvement` and `consultations` (#16), over real HTTP on both stores: a seeded register,
// involvement log and two consultations, moved through with a clock, counted exactly for a period and the
// one before (as the evidence page compares), for a token limited to one service, and with an erased
// person counted nowhere.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {exampleConsultationInput, exampleConsultationResponse, exampleInvolvement, type ConsultationResponse} from '@care-feedback/core';
import type {InvolvementLogInput, Report} from '@care-feedback/core/provider';
import {createToken} from '../src/tokens.js';
import {ENGINES, startCollector, type Running} from './helpers.js';

const NOW = '?from=2026-11-01&to=2026-12-31';
const BEFORE = '?from=2026-09-01&to=2026-10-31';
const north = 'home-care-north';
const south = 'home-care-south';
const noWays = {surveys: 0, panel: 0, reading: 0, interviews: 0, training: 0, meetings: 0, other: 0};

for (const {engine, skip} of ENGINES) {
  describe(`reports: involvement and consultations (${engine})`, {skip}, () => {
    let c: Running;
    let clock = new Date('2026-10-01T09:00:00Z');
    const at = (iso: string) => {
      clock = new Date(iso);
    };
    const call = async (path: string, method: string, body?: unknown, token = c.token) => {
      const init: RequestInit = {method, headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'}};
      if (body !== undefined) init.body = JSON.stringify(body);
      return fetch(`${c.api}${path}`, init);
    };
    const people: Record<string, string> = {};
    const join = async (name: string, iso: string, service: string) => {
      at(iso);
      const response = await fetch(`${c.api}/involvement`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(exampleInvolvement({id: randomUUID(), service, createdAt: iso})),
      });
      assert.equal(response.status, 201, `${name} signed up`);
      people[name] = ((await response.json()) as {reference: string}).reference;
    };
    const log = async (name: string, entry: InvolvementLogInput) => {
      const response = await call(`/involvement/${people[name]}/log`, 'POST', entry);
      assert.equal(response.status, 201, `${name}'s log entry was kept`);
    };
    const step = async (slug: string, iso: string, action: string, body: unknown = {}) => {
      at(iso);
      const response = await call(`/consultations/${slug}/${action}`, 'POST', body);
      assert.equal(response.status, 200, `${slug}: ${action}`);
    };
    const answer = async (slug: string, iso: string, overrides: Partial<ConsultationResponse> = {}) => {
      at(iso);
      const response = await fetch(`${c.api}/consultations/${slug}/responses`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(exampleConsultationResponse({id: randomUUID(), consultation: slug, createdAt: iso, ...overrides})),
      });
      assert.equal(response.status, 201, `an answer to ${slug} was kept`);
    };
    const report = async (query: string, token = c.token) => {
      const response = await fetch(`${c.api}/reports${query}`, {headers: {authorization: `Bearer ${token}`}});
      assert.equal(response.status, 200);
      return (await response.json()) as Report;
    };

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      // The register: one before the period, four in it (one leaves, one is erased later), one after.
      await join('ann', '2026-10-15T10:00:00Z', north);
      await join('ben', '2026-11-02T10:00:00Z', north);
      await join('cat', '2026-11-02T11:00:00Z', south);
      await join('dev', '2026-11-03T10:00:00Z', north);
      await join('fay', '2026-11-04T10:00:00Z', north);
      await join('eve', '2027-01-02T10:00:00Z', north);
      at('2026-12-01T10:00:00Z');
      assert.equal((await fetch(`${c.api}/involvement/${people.dev}/leave`, {method: 'POST'})).status, 200);
      // The log counts by the day they took part, whenever it was written down.
      await log('ann', {activity: 'Survey about food', way: 'surveys', date: '2026-10-31', expensesPence: 300});
      await log('ann', {activity: 'Interview panel', way: 'interviews', date: '2026-11-05', expensesPence: 1250});
      await log('ann', {activity: 'Residents meeting', way: 'meetings', date: '2026-12-31', expensesPence: 0});
      await log('ben', {activity: 'Coffee and a chat about the garden', date: '2026-11-01', expensesPence: 500});
      await log('cat', {activity: 'People’s panel', way: 'panel', date: '2026-11-20', expensesPence: 700});
      await log('eve', {activity: 'Helped train new staff', way: 'training', date: '2027-01-01', expensesPence: 100});
      await log('fay', {activity: 'Read the new leaflet', way: 'reading', date: '2026-11-10', expensesPence: 900});

      // North's consultation: opened and first answered before the period, closed and decided in it.
      at('2026-10-20T10:00:00Z');
      const visits = exampleConsultationInput({slug: 'visits', service: north});
      assert.equal((await call('/consultations', 'POST', visits)).status, 201);
      await step('visits', '2026-10-25T10:00:00Z', 'open');
      await answer('visits', '2026-10-28T10:00:00Z');
      await answer('visits', '2026-11-03T10:00:00Z');
      await answer('visits', '2026-11-03T11:00:00Z', {answers: {agree: 'no'}});
      // Spam is kept for the provider but never counted.
      await answer('visits', '2026-11-04T10:00:00Z', {spam: {hp: 'buy now', elapsedMs: 60_000}});
      await step('visits', '2026-11-10T10:00:00Z', 'close');
      await step('visits', '2026-12-01T10:00:00Z', 'decide', {decision: 'We will start at 7:30.', changes: 'Visits start at 7:30.'});
      // South's: opened and answered in the period, still open; a draft never counts.
      at('2026-12-15T10:00:00Z');
      assert.equal((await call('/consultations', 'POST', exampleConsultationInput({slug: 'garden', service: south}))).status, 201);
      assert.equal((await call('/consultations', 'POST', exampleConsultationInput({slug: 'menus', service: south}))).status, 201);
      await step('garden', '2026-12-15T11:00:00Z', 'open');
      await answer('garden', '2026-12-16T10:00:00Z');
      at('2027-01-05T10:00:00Z');
    });
    after(() => c.close());

    it('counts people who signed up, left and took part, by way, with the expenses paid, and the consultations', async () => {
      const r = await report(NOW);
      assert.deepEqual(r.involvement, {
        signedUp: 4,
        left: 1,
        active: 4,
        tookPart: {total: 5, byWay: {...noWays, interviews: 1, meetings: 1, other: 1, panel: 1, reading: 1}},
        expenses: {paid: 4, totalPence: 3350},
      });
      assert.deepEqual(r.consultations, {opened: 1, closed: 1, decided: 1, answers: 3});
    });

    it('counts the period before on its own, as the evidence page compares them', async () => {
      const r = await report(BEFORE);
      assert.deepEqual(r.involvement, {
        signedUp: 1,
        left: 0,
        active: 1,
        tookPart: {total: 1, byWay: {...noWays, surveys: 1}},
        expenses: {paid: 1, totalPence: 300},
      });
      assert.deepEqual(r.consultations, {opened: 1, closed: 0, decided: 0, answers: 1});
    });

    it('counts only its services for a limited token', async () => {
      const {token} = await createToken(c.store, 'south manager', new Date(), 'tester', [south]);
      const r = await report(NOW, token);
      assert.deepEqual(r.involvement, {
        signedUp: 1,
        left: 0,
        active: 1,
        tookPart: {total: 1, byWay: {...noWays, panel: 1}},
        expenses: {paid: 1, totalPence: 700},
      });
      assert.deepEqual(r.consultations, {opened: 1, closed: 0, decided: 0, answers: 1});
    });

    it('counts an erased person nowhere, their log with them, and says no more than counts', async () => {
      assert.equal((await call(`/involvement/${people.fay}`, 'DELETE')).status, 204);
      const r = await report(NOW);
      assert.deepEqual(r.involvement, {
        signedUp: 3,
        left: 1,
        active: 3,
        tookPart: {total: 4, byWay: {...noWays, interviews: 1, meetings: 1, other: 1, panel: 1}},
        expenses: {paid: 3, totalPence: 2450},
      });
      const text = JSON.stringify(r);
      for (const reference of Object.values(people)) assert.ok(!text.includes(reference), 'no reference in the report');
      assert.ok(!text.includes('Interview panel') && !text.includes('Sam'), 'no activity or name in the report');
    });
  });
}
