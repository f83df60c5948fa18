// Consultations' state and form in Node (#16): UK closing times, the form read with the collector's own schema
// into the inbox's words for each field, and one whole round against a real collector over HTTP: write
// a draft (refused, then right), change it, open, an answer through the public POST, close, decide,
// erase an answer, delete.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {exampleConsultationInput, exampleConsultationResponse} from '@care-feedback/core';
import {createToken, serve, type Serving} from '@care-feedback/collector';
import {InboxApi} from './inbox-api.js';
import {inboxStrings, type InboxStrings} from './inbox-strings.js';
import {emptyForm, formOf, inputOf, isoToUk, readForm, ukToIso, type ConsultationForm} from './inbox-consultations-form.js';
import {ConsultationsState, type ConsultationsHost} from './inbox-consultations-state.js';

const t = (key: keyof InboxStrings & string, values: Record<string, string | number> = {}) =>
  inboxStrings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

function host(api?: InboxApi) {
  const seen = {announced: [] as string[], focused: [] as string[], files: [] as Array<{blob: Blob; name: string}>};
  const h: ConsultationsHost = {
    api: () => api,
    t,
    announce: (message) => seen.announced.push(message),
    explain: (error) => `failed: ${String(error)}`,
    focus: (id) => seen.focused.push(id),
    saveFile: (blob, name) => seen.files.push({blob, name}),
  };
  return {h, seen};
}

/** A whole, good form: the example consultation, closing next year at 17:00 UK time. */
function goodForm(slug: string): ConsultationForm {
  const year = new Date().getUTCFullYear() + 1;
  return {...formOf(exampleConsultationInput({slug})), closesDate: `${year}-01-31`, closesTime: '17:00'};
}

describe('the consultations state, on its own', () => {
  it('reads a closing day and time as UK time, winter and summer, and refuses what is not a time', () => {
    assert.equal(ukToIso('2027-01-31', '17:00'), '2027-01-31T17:00:00.000Z');
    assert.equal(ukToIso('2027-07-01', '09:30'), '2027-07-01T08:30:00.000Z');
    assert.equal(ukToIso('2027-07-01', '9.30'), '2027-07-01T08:30:00.000Z');
    for (const [date, time] of [['2027-02-30', '17:00'], ['2027-01-31', '25:00'], ['', '17:00'], ['31/01/2027', '17:00'], ['2027-01-31', 'five']])
      assert.equal(ukToIso(date!, time!), undefined, `${date} ${time}`);
    assert.deepEqual(isoToUk('2027-07-01T08:30:00.000Z'), {date: '2027-07-01', time: '09:30'});
  });

  it('turns the form into what the collector takes, and back', () => {
    const input = exampleConsultationInput({closesAt: '2027-01-31T17:00:00.000Z'});
    assert.deepEqual(inputOf(formOf(input)), input);
    const form = emptyForm();
    form.questions[0]!.options = 'Yes\n\nNo\nNot sure!\nNot sure?';
    assert.deepEqual(inputOf(form).questions[0]!.options, [
      {id: 'yes', label: 'Yes'},
      {id: 'no', label: 'No'},
      {id: 'not-sure', label: 'Not sure!'},
      {id: 'not-sure-2', label: 'Not sure?'},
    ]);
  });

  it("checks the form with the collector's schema and names each wrong field in the inbox's words, in the form's order", () => {
    const form = emptyForm();
    form.slug = 'Not A Slug';
    form.easyRead.plan = 'We want to come earlier.';
    form.questions[0]!.text = 'Do you agree?';
    form.questions[0]!.options = 'Only one';
    form.questions.push({...form.questions[0]!, id: 'q2', type: 'scale', text: 'How much?', scaleMax: '11', options: ''});
    const read = readForm(form, t);
    assert.deepEqual(read.problems?.map((p) => p.field), [
      'cf-title',
      'cf-slug',
      'cf-plan',
      'cf-why',
      'cf-changes',
      'cf-when',
      'cf-easy-why',
      'cf-easy-changes',
      'cf-easy-when',
      'cf-q1-options',
      'cf-q2-max',
      'cf-closes-date',
    ]);
    assert.equal(read.problems?.find((p) => p.field === 'cf-closes-date')?.message, inboxStrings.consultClosesWrong);
    assert.equal(read.problems?.find((p) => p.field === 'cf-q1-options')?.message, inboxStrings.consultOptionsWrong);
    assert.ok(readForm(goodForm('fine-slug'), t).input);
  });
});

describe('the consultations state against a real collector', () => {
  let serving: Serving;
  let dir: string;
  let api: InboxApi;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-consultations-state-'));
    serving = await serve({port: 0, host: '127.0.0.1', db: join(dir, 'feedback.db'), log: false});
    const {token} = await createToken(await serving.collector.store(), 'Pat at the office');
    api = new InboxApi(`${serving.url}/v1`, token);
  });
  after(async () => {
    await serving.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('writes a draft, opens it, counts an answer, closes, decides, erases an answer and deletes', async () => {
    const {h, seen} = host(api);
    const state = new ConsultationsState(h);
    await state.showList();
    assert.equal(state.items.length, 0);
    assert.equal(seen.announced.at(-1), inboxStrings.consultNone);

    // A slug another has is told apart from a wrongly written one.
    assert.equal((await api.call('/consultations', 'POST', exampleConsultationInput({slug: 'taken'}))) !== undefined, true);
    state.startNew();
    state.form = goodForm('taken');
    await state.save();
    assert.deepEqual(state.problems, [{field: 'cf-slug', message: inboxStrings.consultSlugTaken}]);
    assert.equal(seen.focused.at(-1), 'consult-errors');
    assert.equal(state.form.slug, 'taken', 'what was typed is kept');

    state.form.slug = 'visit-times';
    await state.save();
    assert.equal(state.mode, 'one');
    assert.equal(state.current?.status, 'draft');
    assert.equal(state.current?.closesAt, `${new Date().getUTCFullYear() + 1}-01-31T17:00:00.000Z`);

    state.startEdit();
    state.form.title = 'Earlier morning visits';
    await state.save();
    assert.equal(state.current?.title, 'Earlier morning visits');

    await state.move('open');
    assert.equal(state.current?.status, 'open');
    // Open: the closing date can move on, the questions stay as people saw them.
    state.startEdit();
    assert.equal(state.questionsFixed, true);
    const later = `${new Date().getUTCFullYear() + 2}-02-28`;
    state.form.closesDate = later;
    state.form.questions[0]!.text = 'Something else?';
    await state.save();
    assert.deepEqual(state.problems, []);
    assert.equal(state.current?.closesAt, `${later}T17:00:00.000Z`);
    assert.equal(state.current?.questions[0]?.text, 'Do you agree with the plan?');
    const answered = await fetch(`${serving.url}/v1/consultations/visit-times/responses`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(exampleConsultationResponse({id: randomUUID(), consultation: 'visit-times', answers: {agree: 'no', effect: 2, comments: 'Breakfast would be too early for me.'}})),
    });
    assert.equal(answered.status, 201);
    const {reference} = (await answered.json()) as {reference: string};
    await state.refresh();
    assert.equal(state.current?.summary.responses, 1);
    assert.deepEqual(state.current?.summary.questions[0]?.counts, {yes: 0, no: 1, 'not-sure': 0});
    assert.deepEqual(state.current?.written[0]?.groups.map((g) => [g.name, g.answers.map((a) => a.reference)]), [['Food and drink', [reference]]]);

    await state.move('close');
    assert.equal(state.current?.status, 'closed');
    state.askToDecide();
    state.decision = {youSaid: '', decision: ' ', changes: ''};
    await state.move('decide');
    assert.deepEqual(state.decisionProblems.map((p) => p.field), ['cd-decision', 'cd-changes']);
    state.decision = {youSaid: 'Most said no.', decision: 'We keep visits at 8:00.', changes: 'Nothing changes.'};
    await state.move('decide');
    assert.equal(state.current?.status, 'decided');
    assert.equal(state.current?.decision?.decision, 'We keep visits at 8:00.');
    assert.equal(seen.announced.at(-1), inboxStrings.consultMoved_decide);

    // By a typed reference: none, then one no answer has, each said plainly; the answer stays.
    state.askToEraseTyped('  ');
    assert.equal(state.eraseError, inboxStrings.consultEraseMissing);
    assert.equal(state.erasing, undefined);
    state.askToEraseTyped('cr-zzzz-zzzz');
    assert.equal(state.erasing, 'CR-ZZZZ-ZZZZ');
    await state.erase();
    assert.equal(state.eraseError, t('consultEraseUnknown', {reference: 'CR-ZZZZ-ZZZZ'}));
    assert.equal(seen.focused.at(-1), 'erase-reference');
    assert.equal(state.current?.summary.responses, 1);

    state.askToErase(reference);
    await state.erase();
    assert.equal(state.current?.written[0]?.groups.length, 0);
    assert.equal(seen.announced.at(-1), t('consultErased', {reference}));

    await state.downloadCsv();
    assert.equal(seen.files[0]?.name, 'consultation-visit-times.csv');

    state.askToDelete();
    await state.remove();
    assert.equal(state.mode, 'list');
    assert.deepEqual(state.items.map((item) => item.slug), ['taken']);
  });

  it('says in its own words that a closing date gone by must change before it opens', async () => {
    const {h} = host(api);
    const state = new ConsultationsState(h);
    await api.call('/consultations', 'POST', exampleConsultationInput({slug: 'past', closesAt: '2020-01-31T17:00:00.000Z'}));
    await state.open('past');
    await state.move('open');
    assert.equal(state.oneError, inboxStrings.consultOpenPast);
    assert.equal(state.current?.status, 'draft');
  });
});
