// Drafts: what a person is typing survives a reload for this tab's session, and is gone once cleared.
import {expect} from '@open-wc/testing';
import {createDraftStore} from './draft-store.js';

interface Draft {
  kind: string;
  message: string;
}

describe('draft store', () => {
  const key = () => `test-${crypto.randomUUID()}`;

  it('keeps a draft in sessionStorage, where a new store (a reload) finds it', () => {
    const name = key();
    const draft: Draft = {
      kind: 'complaint',
      message: 'Carers arrived late. Ünïcödé and emoji 🙂 too.',
    };
    createDraftStore<Draft>(name).save(draft);

    expect(createDraftStore<Draft>(name).load()).to.deep.equal(draft);
    expect(sessionStorage.getItem(`care-feedback:draft:${name}`)).to.be.a('string');
    expect(Object.keys(localStorage).filter((k) => k.includes(name))).to.deep.equal([]);
  });

  it('forgets the draft when cleared', () => {
    const store = createDraftStore<Draft>(key());
    store.save({kind: 'comment', message: 'Lovely garden.'});
    store.clear();
    expect(store.load()).to.equal(undefined);
  });

  it('keeps drafts of different forms apart', () => {
    const one = createDraftStore<Draft>(key());
    const two = createDraftStore<Draft>(key());
    one.save({kind: 'compliment', message: 'Thank you.'});
    expect(two.load()).to.equal(undefined);
    two.clear();
    expect(one.load()?.message).to.equal('Thank you.');
  });

  it('treats something unreadable as no draft', () => {
    const name = key();
    sessionStorage.setItem(`care-feedback:draft:${name}`, '{"kind": "compl');
    expect(createDraftStore<Draft>(name).load()).to.equal(undefined);
  });

  it('keeps the last draft that fitted when storage is full, without throwing', () => {
    const store = createDraftStore<Draft>(key());
    store.save({kind: 'concern', message: 'Short.'});
    // Far over any browser's sessionStorage quota, so the write really fails.
    expect(() =>
      store.save({kind: 'concern', message: 'x'.repeat(12 * 1024 * 1024)}),
    ).not.to.throw();
    expect(store.load()?.message).to.equal('Short.');
    store.clear();
  });

  it("keeps and reads nothing with storage 'none'", () => {
    const name = key();
    createDraftStore<Draft>(name).save({
      kind: 'comment',
      message: 'Typed before the mode changed.',
    });
    const before = Object.keys(sessionStorage).sort();
    const store = createDraftStore<Draft>(name, {storage: 'none'});
    store.save({kind: 'comment', message: 'On a shared tablet.'});
    expect(store.load()).to.equal(undefined);
    store.clear();
    expect(Object.keys(sessionStorage).sort()).to.deep.equal(before);
    createDraftStore<Draft>(name).clear();
  });
});
