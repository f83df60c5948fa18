// How long the transport waits between tries: backoff with full jitter, and both forms of Retry-After.
import {expect} from '@open-wc/testing';
import {backoffDelay, parseRetryAfter} from './backoff.js';

describe('backoff', () => {
  it('waits anywhere from nothing up to a ceiling that doubles with each try', () => {
    expect(backoffDelay(1, 1000, 300_000, () => 0)).to.equal(0);
    expect(backoffDelay(1, 1000, 300_000, () => 0.999)).to.equal(999);
    expect(backoffDelay(4, 1000, 300_000, () => 0.5)).to.equal(4000);
    for (let attempt = 1; attempt <= 6; attempt++) {
      const delay = backoffDelay(attempt, 100, 300_000);
      expect(delay).to.be.within(0, 100 * 2 ** (attempt - 1));
    }
  });

  it('never waits longer than the most it is allowed', () => {
    expect(backoffDelay(40, 1000, 300_000, () => 0.999)).to.equal(299_700);
  });

  it('reads Retry-After given in seconds', () => {
    expect(parseRetryAfter('120')).to.equal(120_000);
    expect(parseRetryAfter(' 0 ')).to.equal(0);
  });

  it('reads Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(
      parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now),
      'a date in the past means now',
    ).to.equal(0);
  });

  it('ignores a missing or unreadable Retry-After', () => {
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('')).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter('-5')).to.equal(undefined);
  });
});
