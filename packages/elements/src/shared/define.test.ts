// defineElement: a tag is registered once, and a second copy or version never throws.
import {expect} from '@open-wc/testing';
import {defineElement} from './define.js';
import {expectAccessible} from '../test-support/index.js';

describe('defineElement', () => {
  it('defines a tag once and ignores a second definition', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('care-define-test', First);
      expect(() => defineElement('care-define-test', Second)).not.to.throw();
      defineElement('care-define-test', First);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('care-define-test')).to.equal(First);
    expect(warnings).to.have.length(0, 'the same version loaded twice is not worth a warning');
  });

  it('warns when another version already owns the tag', () => {
    const versions = ((globalThis as unknown as Record<symbol, Record<string, string>>)[Symbol.for('care-feedback.versions')] ??= {});
    customElements.define('care-define-other', class extends HTMLElement {});
    versions['care-define-other'] = '0.0.1';
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      defineElement('care-define-other', class extends HTMLElement {});
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('0.0.1');
  });
});

describe('the axe helper', () => {
  it('finds a real problem, so a clean result means something', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<button></button><img src="data:,">';
    document.body.append(host);
    let failure = '';
    await expectAccessible(host).catch((error: Error) => (failure = error.message));
    host.remove();
    expect(failure).to.contain('button-name');
    expect(failure).to.contain('image-alt');
  });
});
