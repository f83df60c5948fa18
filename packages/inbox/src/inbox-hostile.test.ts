// Hostile submitted text (naughty strings, markup, formula prefixes) is shown and exported as inert text.
import {expect} from '@open-wc/testing';
import {
  expectAccessible,
  naughtyStrings,
  plantedScriptsHadTheirChance,
  waitUntil,
} from '@care-feedback/elements/test-support';
import {
  $,
  $$,
  listLoaded,
  mount,
  openRow,
  signIn,
  startCollector,
  stopCollector,
  submit,
  type RunningCollector,
} from './inbox-test-helpers.js';

declare global {
  interface Window {
    __careTrap?: string;
  }
}

// Anything that runs sets the trap. The naughty-strings list calls alert(), so that sets it too.
const TRAP = 'window.__careTrap="ran"';
const MARKUP = [
  `<img src=x onerror=${TRAP}>`,
  `<script>${TRAP}</script>`,
  `"><svg/onload=${TRAP}>`,
  `<a href="javascript:${TRAP}">click me</a>`,
  `<iframe srcdoc="<script>parent.${TRAP}</script>"></iframe>`,
  `\${${TRAP}}`,
  `{{constructor.constructor('${TRAP}')()}}`,
  `<!-- ?lit$123$ --><style>*{display:none}</style>`,
];
const FORMULAS = [
  '=HYPERLINK("http://evil.example","Click")',
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
];

let collector: RunningCollector | undefined;
let naughtyMessages: string[] = [];
const references: string[] = [];
let formulaReference = '';

before(async () => {
  collector = await startCollector();
  const list = await naughtyStrings();
  const usable = list.filter(
    (s) => s.trim() !== '' && (s as string & {isWellFormed(): boolean}).isWellFormed(),
  );
  // The whole list, in messages of up to 4,000 characters each, one string a line.
  const messages: string[] = [];
  let current = '';
  for (const item of [...MARKUP, ...usable]) {
    if (current && current.length + item.length + 1 > 4000) {
      messages.push(current);
      current = '';
    }
    current = current ? `${current}\n${item}` : item;
  }
  messages.push(current);
  naughtyMessages = messages;
  for (const [index, message] of messages.entries()) {
    const hostile = MARKUP[index % MARKUP.length]!;
    references.push(
      await submit(collector.endpoint, {
        message,
        improvement: MARKUP.join('\n'),
        service: hostile.slice(0, 100),
        contact: {name: hostile.slice(0, 200), email: 'sam@example.org', preferredMethod: 'email'},
        communicationNeeds: ['other'],
        communicationNeedsDetail: hostile,
      }),
    );
  }
  formulaReference = await submit(collector.endpoint, {
    message: FORMULAS[0]!,
    improvement: FORMULAS[1]!,
    service: FORMULAS[2]!,
    contact: {name: FORMULAS[3]!, email: 'sam@example.org', preferredMethod: 'email'},
  });
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    (window as unknown as Record<string, unknown>)[name] = () => (window.__careTrap = name);
  }
});

after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

/** Elements and attributes that would mean submitted text became markup. */
function injected(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (['img', 'script', 'iframe', 'style', 'object', 'embed'].includes(element.localName))
      found.push(element.localName);
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(`${element.localName}[${attribute.name}]`);
      if (/^\s*javascript:/i.test(attribute.value))
        found.push(`${element.localName}[${attribute.name}=javascript:]`);
    }
  }
  return found;
}

describe('<care-feedback-inbox> with hostile text: accessibility', () => {
  it('has no axe violations listing and showing hostile text', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await expectAccessible(el, 'list of hostile text');
    await openRow(el, references[0]!);
    await expectAccessible(el, 'detail of hostile text');
  });
});

describe('<care-feedback-inbox> with hostile text', () => {
  it('renders every naughty string and markup as the exact text sent, and nothing runs', async () => {
    // Every usable string of the list is in some message.
    expect(naughtyMessages.join('\n').split('\n').length).to.be.greaterThan(450);
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    expect(injected(el.shadowRoot!)).to.deep.equal([]);
    for (const [index, reference] of references.entries()) {
      await openRow(el, reference);
      const [message, improvement] = $$(el, '.quote');
      // Compared as booleans: a failure would otherwise print thousands of naughty characters.
      expect(
        message!.textContent === naughtyMessages[index],
        `message ${index} is shown exactly as sent`,
      ).to.equal(true);
      expect(
        improvement!.textContent === MARKUP.join('\n'),
        `improvement ${index} is shown exactly as sent`,
      ).to.equal(true);
      const hostile = MARKUP[index % MARKUP.length]!;
      expect($(el, '.reply')!.textContent).to.contain(hostile);
      expect(injected(el.shadowRoot!)).to.deep.equal([]);
      $<HTMLButtonElement>(el, '.back')!.click();
      await listLoaded(el);
    }
    await plantedScriptsHadTheirChance();
    expect(window.__careTrap).to.equal(undefined);
  });

  it('exports cells that start with = + - @ as text a spreadsheet will not run', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    // Catch the download the inbox starts, and read the file it would have saved.
    let href = '';
    el.shadowRoot!.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath()[0] as HTMLAnchorElement;
        if (target.localName === 'a' && target.download) {
          href = target.href;
          event.preventDefault();
        }
      },
      {capture: true},
    );
    $$<HTMLButtonElement>(el, '.export button')[0]!.click();
    await waitUntil(() => href, 'no download started');
    expect(href.startsWith('blob:')).to.equal(true);
    const csv = await (await fetch(href)).text();
    expect(csv).to.contain(formulaReference);
    for (const formula of FORMULAS) {
      const quoted = `"'${formula.replace(/"/g, '""')}"`;
      expect(csv, formula).to.contain(quoted);
      expect(csv, formula).not.to.contain(`"${formula.replace(/"/g, '""')}"`);
    }
    expect(window.__careTrap).to.equal(undefined);
  });
});
