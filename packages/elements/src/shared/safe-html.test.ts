// The safe-HTML subset: allowed tags survive, everything else becomes text or goes, no scheme but http(s)/mailto/tel links.
import {expect, fixtureSync, html} from '@open-wc/testing';
import {render} from 'lit';
import {renderSafe, safeHref, sanitizeHtml, safeText} from './safe-html.js';
import {expectAccessible, plantedScriptsHadTheirChance} from '../test-support/index.js';

function show(source: string): HTMLElement {
  const host = fixtureSync<HTMLElement>(html`<div></div>`);
  render(renderSafe(sanitizeHtml(source)), host);
  return host;
}

describe('safe HTML', () => {
  it('renders the allowed subset accessibly', async () => {
    const host = show(
      '<h3>Your say</h3><p>Read <strong>this</strong> and <em>that</em>.<br>Then <a href="https://example.org/x">a link</a>.</p><ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol><h4>More</h4>',
    );
    await expectAccessible(host, 'allowed subset');
    expect([...host.querySelectorAll('*')].map((e) => e.localName)).to.deep.equal([
      'h3',
      'p',
      'strong',
      'em',
      'br',
      'a',
      'ul',
      'li',
      'li',
      'ol',
      'li',
      'h4',
    ]);
    expect(host.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('keeps only the text of other elements and drops code, styles and handlers', async () => {
    const hits: string[] = [];
    (window as unknown as {__careTrap: (what: string) => void}).__careTrap = (what) =>
      hits.push(what);
    const host = show(
      '<div class="x" style="color:red" onclick="__careTrap(1)">kept <span>text</span></div><script>__careTrap(2)</script><style>*{}</style>' +
        '<img src="x" onerror="__careTrap(3)"><svg><script>__careTrap(4)</script></svg><iframe srcdoc="<script>parent.__careTrap(5)</script>"></iframe>' +
        '<p title="t" id="i">para</p><b>bold</b><i>it</i><form><input value="v"></form><!-- comment -->',
    );
    await plantedScriptsHadTheirChance();
    expect(host.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal(
      'kept text<p>para</p><strong>bold</strong><em>it</em>',
    );
    expect(hits).to.deep.equal([]);
    await expectAccessible(host, 'text only');
  });

  it('allows only http(s), mailto, tel and relative links', () => {
    for (const good of [
      'https://a.example/',
      'http://a.example',
      'mailto:a@b.example',
      'tel:+441632960000',
      '/path',
      'page.html#x',
      '#x',
      '?q=1',
    ])
      expect(safeHref(good), good).to.equal(good);
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'data:text/html,<script>',
      'vbscript:x',
      'blob:https://a/b',
      'file:///etc/passwd',
      '',
    ])
      expect(safeHref(bad), JSON.stringify(bad)).to.be.undefined;
    expect(sanitizeHtml('<a href="javascript:x()">click</a>')).to.deep.equal([
      {type: 'text', text: 'click'},
    ]);
  });

  it('keeps lists valid and gives plain text', () => {
    const nodes = sanitizeHtml('<ul>stray<li>a</li><p>b</p></ul><li>alone</li>');
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    render(renderSafe(nodes), host);
    expect(host.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal(
      '<ul><li>stray</li><li>a</li><li><p>b</p></li></ul><p>alone</p>',
    );
    expect(safeText(nodes)).to.equal('strayabalone');
  });
});
