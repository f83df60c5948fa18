// Complaint letters (issue #14): templates a provider edits, letters drafted from the complaint record as
// JSON and as .docx (unzipped and read back here), the ombudsman of the provider's nation, hostile text kept
// as text, and a token for other services seeing nothing. Over real HTTP, both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {strFromU8, unzipSync} from 'fflate';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

/** A name that would break HTML, Word's XML and our own placeholders if it were ever treated as anything but text. */
const HOSTILE = '<script>alert(1)</script></w:t><w:t>{{reference}} & "Sam"';

interface Model {
  kind: string;
  version: string;
  largePrint: boolean;
  reference: string;
  blocks: Array<{type: string; text?: string; lines?: string[]; items?: string[]}>;
  missing: string[];
}

/** Every piece of text in a model, one string, in order. */
const modelText = (model: Model) =>
  model.blocks.map((block) => [block.text ?? '', ...(block.lines ?? []), ...(block.items ?? [])].join('\n')).join('\n');

/** The text runs of a .docx's body, with XML's escapes undone, as Word would show them. */
function docxText(bytes: ArrayBuffer): {xml: string; text: string} {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
  return {xml, text};
}

for (const {engine, skip} of ENGINES) {
  describe(`complaint letters (${engine})`, {skip}, () => {
    let c: Running;
    let complaint = '';
    let compliment = '';
    let southToken = '';
    let northToken = '';
    // Today, for the collector: Thursday 10 December 2026.
    const clock = new Date('2026-12-10T10:00:00Z');
    const get = (path: string, token = c.token) => fetch(`${c.api}${path}`, authed({token}));
    const send = (method: string, path: string, body: unknown, token = c.token) =>
      fetch(`${c.api}${path}`, authed({token}, {method, headers: {'content-type': 'application/json'}, body: JSON.stringify(body)}));
    const letter = async (kind: string, query = '') => {
      const response = await get(`/submissions/${complaint}/letters/${kind}${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Model;
    };

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock, allowOrigins: ['https://provider.example']});
      const sent = async (fields: Parameters<typeof submission>[0]) =>
        ((await (await post(c.api, submission(fields))).json()) as {reference: string}).reference;
      complaint = await sent({
        kind: 'complaint',
        service: 'home-care-north',
        message: 'Two missed visits in a week.',
        contact: {name: HOSTILE, email: 'sam@example.org', preferredMethod: 'email'},
        communicationNeeds: ['large-print'],
      });
      compliment = await sent({kind: 'compliment'});
      southToken = (await createToken(c.store, 'south manager', new Date(), 'test', ['home-care-south'])).token;
      northToken = (await createToken(c.store, 'north manager', new Date(), 'test', ['home-care-north'])).token;
    });
    after(() => c.close());

    it('offers our wording for each kind until the provider saves its own', async () => {
      const response = await get('/letter-templates');
      assert.equal(response.status, 200);
      const {items} = (await response.json()) as {items: Array<{kind: string; standard: string; easyRead: string; custom: boolean}>};
      assert.deepEqual(items.map((t) => t.kind), ['acknowledgement', 'holding', 'response']);
      for (const item of items) {
        assert.equal(item.custom, false);
        assert.match(item.standard, /\{\{reference\}\}/);
        assert.match(item.easyRead, /\{\{reference\}\}/);
      }
      assert.match(items[2]!.standard, /\{\{ombudsmanName\}\}/, 'the response names the ombudsman');
      assert.match(items[2]!.standard, /\{\{outcomes\}\}/, 'the response answers each point');
      assert.match(items[1]!.standard, /\{\{extensionReason\}\}/);
      assert.match(items[1]!.standard, /\{\{newDate\}\}/);
    });

    it('drafts an acknowledgement from the record, in large print because the person asked for it', async () => {
      let model = await letter('acknowledgement');
      assert.equal(model.largePrint, true, 'the person asked for large print');
      assert.equal(model.version, 'standard');
      assert.deepEqual(model.missing, ['investigator', 'points', 'responseDate'], 'what the record does not hold yet');
      assert.equal((await send('PATCH', `/submissions/${complaint}/complaint`, {
        points: [{text: 'Missed visit on Monday'}, {text: 'Missed visit on {{today}} <b>Thursday</b>'}],
        investigator: 'Jo Smith, deputy manager',
        responseDueAt: '2026-12-31',
      })).status, 200);
      model = await letter('acknowledgement');
      assert.deepEqual(model.missing, []);
      const text = modelText(model);
      assert.match(text, new RegExp(`Our reference: ${complaint}`));
      assert.match(text, /Date: Thursday 10 December 2026/, 'dates in words');
      assert.match(text, /We got it on Thursday 10 December 2026\./, 'the day the collector received it');
      assert.match(text, /by Thursday 31 December 2026/);
      assert.ok(text.includes(`Dear ${HOSTILE}`), 'the name exactly as typed, placeholders and markup included');
      const list = model.blocks.find((block) => block.type === 'list')!;
      assert.deepEqual(list.items, ['Missed visit on Monday', 'Missed visit on {{today}} <b>Thursday</b>']);
      // Chosen, not asked: normal print, and the easy-read version.
      const easy = await letter('acknowledgement', '?version=easy-read&large-print=false');
      assert.equal(easy.largePrint, false);
      assert.equal(easy.version, 'easy-read');
      assert.match(modelText(easy), /We have your complaint/);
    });

    it('drafts a holding letter with the reason and the new date', async () => {
      await send('PATCH', `/submissions/${complaint}/complaint`, {
        extensions: [{reason: 'We are waiting for the rota records.', newDate: '2027-01-15'}],
      });
      const model = await letter('holding');
      assert.deepEqual(model.missing, []);
      const text = modelText(model);
      assert.match(text, /We said we would answer your complaint by Thursday 31 December 2026\./);
      assert.match(text, /This is why: We are waiting for the rota records\./);
      assert.match(text, /by Friday 15 January 2027\./);
      assert.match(text, /Local Government and Social Care Ombudsman/);
    });

    it('drafts a response with each outcome, the apology, the remedy and the ombudsman', async () => {
      let model = await letter('response');
      assert.ok(model.missing.includes('outcomes'), 'points without an outcome are asked for');
      await send('PATCH', `/submissions/${complaint}/complaint`, {
        points: [
          {text: 'Missed visit on Monday', outcome: 'upheld'},
          {text: 'Missed visit on {{today}} <b>Thursday</b>', outcome: 'partly-upheld'},
        ],
        apology: 'We are sorry we let you down.',
        remedy: 'A named carer will ring you if they are running late.',
      });
      model = await letter('response');
      assert.deepEqual(model.missing, []);
      const outcomes = model.blocks.find((block) => block.type === 'list')!.items!;
      assert.deepEqual(outcomes, [
        'Missed visit on Monday Upheld: we agree that this went wrong.',
        'Missed visit on {{today}} <b>Thursday</b> Partly upheld: we agree that some of this went wrong.',
      ]);
      const text = modelText(model);
      assert.match(text, /We are sorry we let you down\./);
      assert.match(text, /A named carer will ring you/);
      assert.match(text, /Local Government and Social Care Ombudsman/);
      assert.match(text, /https:\/\/www\.lgo\.org\.uk/);
      const easy = await letter('response', '?version=easy-read');
      assert.match(modelText(easy), /We agree some of this went wrong\./);
    });

    it('writes the letter as a Word document with the words as text and large print of at least 16 pt', async () => {
      const response = await get(`/submissions/${complaint}/letters/response.docx`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${complaint}-response-large-print\\.docx"`));
      const {xml, text} = docxText(await response.arrayBuffer());
      assert.ok(text.includes(complaint), 'the reference');
      assert.ok(text.includes(`Dear ${HOSTILE}`), 'the hostile name, literally');
      assert.ok(text.includes('Missed visit on {{today}} <b>Thursday</b>'), 'a point, literally');
      assert.ok(!xml.includes('<script>') && !xml.includes('<b>'), 'no markup reached the XML');
      assert.ok(xml.includes('&lt;script&gt;'));
      const sizes = [...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
      assert.ok(sizes.length > 0 && sizes.every((half) => half >= 32), `every run at 16 pt or more: ${sizes.join(', ')}`);
      const normal = docxText(await (await get(`/submissions/${complaint}/letters/response.docx?large-print=false`)).arrayBuffer());
      assert.ok([...normal.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].some((m) => Number(m[1]) === 24), 'normal print is 12 pt');
    });

    it('uses the provider’s own wording, refuses placeholders it does not know, and goes back to ours', async () => {
      const mine = {
        standard: 'Our ref {{ reference }}.\n\nHello {{name}}, we will reply by {{responseDate}}.',
        easyRead: 'Hello {{name}}.\n\nWe will write by {{responseDate}}.',
      };
      const saved = await send('PUT', '/letter-templates/acknowledgement', mine);
      assert.equal(saved.status, 200);
      const view = (await saved.json()) as {custom: boolean; standard: string};
      assert.equal(view.custom, true);
      assert.equal(view.standard, mine.standard);
      const model = await letter('acknowledgement', '?large-print=false');
      assert.deepEqual(model.blocks, [
        {type: 'paragraph', lines: [`Our ref ${complaint}.`]},
        {type: 'paragraph', lines: [`Hello ${HOSTILE}, we will reply by Friday 15 January 2027.`]},
      ]);
      const audit = (await (await get('/submissions/' + complaint + '/audit')).json()) as {items: Array<{action: string; detail: string}>};
      assert.ok(audit.items.some((e) => e.action === 'letter' && e.detail.startsWith('acknowledgement')), 'drafting a letter is in the trail');

      const wrong = await send('PUT', '/letter-templates/acknowledgement', {standard: 'Dear {{nmae}}', easyRead: ''});
      assert.equal(wrong.status, 422);
      const problems = (await wrong.json()) as {errors: Array<{path: string; message: string}>};
      assert.deepEqual(problems.errors.map((e) => e.path).sort(), ['easyRead']);
      const misspelt = await send('PUT', '/letter-templates/acknowledgement', {standard: 'Dear {{nmae}}', easyRead: 'Hello'});
      assert.equal(misspelt.status, 422);
      assert.match(((await misspelt.json()) as {errors: Array<{message: string}>}).errors[0]!.message, /\{\{nmae\}\}/);
      assert.equal((await send('PUT', '/letter-templates/acknowledgement', {standard: 'x', easyRead: 'y', extra: 1})).status, 422);
      assert.equal((await send('PUT', '/letter-templates/acknowledgement', {standard: 5, easyRead: 'y'})).status, 422);
      assert.equal((await send('PUT', '/letter-templates/thank-you', mine)).status, 404);
      assert.equal((await fetch(`${c.api}/letter-templates/acknowledgement`, authed(c, {method: 'PUT', body: 'not json', headers: {'content-type': 'application/json'}}))).status, 400);
      assert.equal((await fetch(`${c.api}/letter-templates`)).status, 401);
      assert.equal(((await (await get('/letter-templates/acknowledgement')).json()) as {standard: string}).standard, mine.standard, 'a refusal changed nothing');

      const reset = await fetch(`${c.api}/letter-templates/acknowledgement`, authed(c, {method: 'DELETE'}));
      assert.equal(reset.status, 200);
      assert.equal(((await reset.json()) as {custom: boolean}).custom, false);
      assert.match(modelText(await letter('acknowledgement')), /Thank you for telling us about your complaint/);
    });

    it('shows a token for other services nothing, and lets no limited token change the templates', async () => {
      for (const path of [`/submissions/${complaint}/letters/acknowledgement`, `/submissions/${complaint}/letters/response.docx`])
        assert.equal((await get(path, southToken)).status, 404, path);
      assert.equal((await get(`/submissions/${complaint}/letters/holding`, northToken)).status, 200, 'its own service');
      assert.equal((await get('/letter-templates', southToken)).status, 200, 'it may read the wording');
      assert.equal((await send('PUT', '/letter-templates/holding', {standard: 'a', easyRead: 'b'}, northToken)).status, 403);
    });

    it('lets an inbox on another origin save wording: the CORS preflight allows PUT', async () => {
      const preflight = await fetch(`${c.api}/letter-templates/holding`, {
        method: 'OPTIONS',
        headers: {origin: 'https://provider.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type'},
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
    });

    it('answers clearly for what has no letter', async () => {
      assert.equal((await get(`/submissions/${compliment}/letters/acknowledgement`)).status, 409);
      assert.equal((await get(`/submissions/${complaint}/letters/thank-you`)).status, 404);
      assert.equal((await get('/submissions/CF-0000-0000/letters/holding')).status, 404);
      const bad = await get(`/submissions/${complaint}/letters/holding?version=fancy&large-print=maybe`);
      assert.equal(bad.status, 400);
      assert.deepEqual(((await bad.json()) as {errors: Array<{path: string}>}).errors.map((e) => e.path), ['query.version', 'query.large-print']);
    });
  });
}

describe('complaint letters in another nation', () => {
  it('name that nation’s ombudsman', async () => {
    const c = await startCollector('sqlite', {minElapsedMs: 0, nation: 'wales'});
    try {
      const {reference} = (await (await post(c.api, submission({kind: 'complaint'}))).json()) as {reference: string};
      const model = (await (await fetch(`${c.api}/submissions/${reference}/letters/response`, authed(c))).json()) as Model;
      assert.match(modelText(model), /Public Services Ombudsman for Wales/);
      assert.match(modelText(model), /https:\/\/www\.ombudsman\.wales/);
      assert.doesNotMatch(modelText(model), /Local Government and Social Care/);
    } finally {
      await c.close();
    }
  });
});
