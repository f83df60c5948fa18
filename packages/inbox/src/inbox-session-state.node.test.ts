// The inbox's view and sign-in state, walked in Node: what a person sees at each point of signing in and out.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {SessionState, type SignInOutcome} from './inbox-session-state.js';

describe('the inbox session', () => {
  it('starts at sign-in, and an empty token is refused without calling the collector', async () => {
    const session = new SessionState();
    assert.equal(session.view, 'sign-in');
    let calls = 0;
    const outcome = await session.signIn('   ', async () => (calls++, {ok: true}), 'Enter your token.');
    assert.deepEqual(outcome, {ok: false, error: 'Enter your token.'});
    assert.equal(calls, 0);
    assert.equal(session.error, 'Enter your token.');
    assert.equal(session.busy, false);
  });

  it('sends the token trimmed, is busy while it is checked, ignores a second press, and says why it failed', async () => {
    const session = new SessionState();
    session.error = 'old words';
    let release!: (outcome: SignInOutcome) => void;
    const sent: string[] = [];
    const changes: boolean[] = [];
    session.subscribe(() => changes.push(session.busy));
    const first = session.signIn('  abc  ', (token) => {
      sent.push(token);
      return new Promise((resolve) => (release = resolve));
    }, 'missing');
    assert.equal(session.busy, true);
    assert.equal(session.error, '', 'the old message goes while it checks');
    assert.equal(await session.signIn('abc', async () => ({ok: true}), 'missing'), undefined, 'a second press does nothing');
    release({ok: false, error: 'That token does not work.'});
    assert.deepEqual(await first, {ok: false, error: 'That token does not work.'});
    assert.deepEqual(sent, ['abc']);
    assert.equal(session.busy, false);
    assert.equal(session.error, 'That token does not work.');
    assert.deepEqual(changes, [true, false], 'each change is heard once');
  });

  it('a good token signs in; views change; signing out goes back to sign-in with the reason', async () => {
    const session = new SessionState();
    assert.deepEqual(await session.signIn('good', async () => ({ok: true}), 'missing'), {ok: true});
    assert.equal(session.error, '');
    session.show('list');
    session.show('consultations');
    assert.equal(session.view, 'consultations');
    session.signedOut('Your session ended. Sign in again.');
    assert.equal(session.view, 'sign-in');
    assert.equal(session.error, 'Your session ended. Sign in again.');
    session.signedOut();
    assert.equal(session.error, '');
  });
});
