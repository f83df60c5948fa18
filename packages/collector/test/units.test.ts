// Small pure parts: references, working days, CSV cells, durations, the status workflow, stats maths.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  acknowledgementDueDay,
  canMove,
  csvCell,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  makeReference,
  normaliseReference,
  parseDuration,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  summarise,
} from '@care-feedback/collector';

describe('references', () => {
  it('look like CF-7KQ2-M9XD, avoid look-alike characters, and do not repeat', () => {
    for (const ambiguous of '01ILOUVSZB')
      assert.ok(!REFERENCE_ALPHABET.includes(ambiguous), ambiguous);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const reference = makeReference();
      assert.match(reference, REFERENCE_PATTERN);
      seen.add(reference);
    }
    assert.equal(seen.size, 20_000);
  });

  it('are found however a person types them', () => {
    assert.equal(normaliseReference('cf 7kq2 m9xd'), 'CF-7KQ2-M9XD');
    assert.equal(normaliseReference('7KQ2M9XD'), 'CF-7KQ2-M9XD');
    assert.equal(normaliseReference('CF-7KQ2-M9X'), undefined);
    assert.equal(normaliseReference('CF-0000-0000'), undefined);
  });
});

describe('acknowledgement due dates', () => {
  const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS);
  const none = new Set<string>();
  it('count 3 working days after the day of receipt, skipping weekends', () => {
    assert.equal(acknowledgementDueDay('2026-11-23', 3, none), '2026-11-26'); // Monday → Thursday
    assert.equal(acknowledgementDueDay('2026-11-26', 3, none), '2026-12-01'); // Thursday → Tuesday
    assert.equal(acknowledgementDueDay('2026-11-28', 3, none), '2026-12-02'); // Saturday → Wednesday
  });
  it('skip bank holidays, default or configured', () => {
    assert.equal(acknowledgementDueDay('2026-12-24', 3, holidays), '2026-12-31');
    assert.equal(acknowledgementDueDay('2026-04-02', 3, holidays), '2026-04-09'); // Easter
    assert.equal(acknowledgementDueDay('2026-11-23', 3, new Set(['2026-11-24'])), '2026-11-27');
    assert.equal(acknowledgementDueDay('2026-11-23', 5, none), '2026-11-30');
  });
});

describe('CSV cells', () => {
  it('neutralise formulas and quote everything', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      assert.equal(csvCell(`${start}1`), `"'${start}1"`);
    assert.equal(csvCell('say "hi", ok'), '"say ""hi"", ok"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(['a', 'b']), '"a; b"');
    assert.equal(csvCell('1+1'), '"1+1"');
  });
});

describe('durations and the workflow', () => {
  it('parse retention periods', () => {
    assert.equal(parseDuration('365d'), 365 * 86_400_000);
    assert.equal(parseDuration('2w'), 14 * 86_400_000);
    assert.equal(parseDuration('1y'), 365 * 86_400_000);
    assert.equal(parseDuration('soon'), undefined);
    assert.equal(parseDuration('-1d'), undefined);
    assert.equal(parseDuration('999999y'), undefined);
  });
  it('moves forward only; spam can be released or closed', () => {
    assert.ok(canMove('received', 'acknowledged'));
    assert.ok(canMove('received', 'resolved'));
    assert.ok(!canMove('closed', 'received'));
    assert.ok(!canMove('acknowledged', 'acknowledged'));
    assert.ok(canMove('quarantined', 'received'));
    assert.ok(canMove('quarantined', 'closed'));
    assert.ok(!canMove('received', 'quarantined'));
  });
  it("gives FFT percentages over answers other than don't know", () => {
    const stats = summarise(
      [
        {kind: 'compliment', status: 'received', month: '2026-11', rating: 'very-good', count: 3},
        {kind: 'complaint', status: 'received', month: '2026-11', rating: 'very-poor', count: 1},
        {kind: 'comment', status: 'received', month: '2026-11', rating: 'neither', count: 2},
        {kind: 'comment', status: 'received', month: '2026-11', rating: 'dont-know', count: 4},
      ],
      [],
    );
    assert.equal(stats.fft.answers, 6);
    assert.equal(stats.fft.positivePercent, 50);
    assert.equal(stats.fft.negativePercent, 16.7);
    assert.equal(summarise([], []).fft.positivePercent, null);
  });
});
