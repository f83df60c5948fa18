// The React wrappers (@care-feedback/elements/react) in real Chromium: rendered by react-dom, properties set, events heard.
// React is CommonJS only; tools/wtr-plugins/react-esm.mjs serves it to the browser as ES modules.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {createElement, useState, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import {createRoot, type Root} from 'react-dom/client';
import '@care-feedback/elements/define/care-feedback-picker';
import '@care-feedback/elements/define/care-jargon';
// The module @care-feedback/elements/react points to (see the report for its package.json "exports" entry).
import {
  CareFeedbackForm,
  CareFeedbackPicker,
  CareJargon,
} from '../../packages/elements/src/react/index.js';
import {
  phase,
  settle,
  walkTo,
  next,
  waitForPhase,
  type Form,
} from '../../packages/elements/src/feedback-form/test-helpers.js';
import type {CareFeedbackPicker as PickerElement} from '../../packages/elements/src/feedback-picker/feedback-picker.js';
import type {CareJargon as JargonElement} from '../../packages/elements/src/jargon/jargon.js';
import type {CareKindChangeEvent} from '../../packages/elements/src/events/care-kind-change.js';
import type {CareJargonToggleEvent} from '../../packages/elements/src/events/care-jargon-toggle.js';
import type {CareSubmitEvent} from '../../packages/elements/src/events/care-submit.js';
import type {CareDeliveredEvent} from '../../packages/elements/src/events/care-delivered.js';
import {expectAccessible, waitUntil} from '../../packages/elements/src/test-support/index.js';

const GLOSSARY = {
  version: 1,
  locale: 'en-GB',
  terms: [
    {
      id: 'care-plan',
      term: 'care plan',
      aliases: ['care plans'],
      definition: 'A written plan of the help you get, agreed with you.',
      easyRead: 'A plan of the help you get.',
      related: [],
    },
  ],
};

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Renders with React into a fresh container, synchronously, and waits for the elements inside to update. */
async function renderReact(node: ReactNode): Promise<HTMLElement> {
  if (!container) {
    container = document.createElement('main');
    document.body.append(container);
    root = createRoot(container);
  }
  // flushSync: React commits now, not on a later task (a background tab gets few of those).
  flushSync(() => root!.render(node));
  await Promise.all(
    [...container.querySelectorAll<HTMLElement & {updateComplete?: Promise<unknown>}>('*')].map(
      (el) => el.updateComplete,
    ),
  );
  return container;
}

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
});

const pickerIn = (host: Element) => host.querySelector<PickerElement>('care-feedback-picker')!;
const radio = (picker: PickerElement, kind: string) =>
  picker.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${kind}"]`)!;

/** A small React component holding the choice in state, as an app would. */
function ChoiceApp({onKind}: {onKind?: (event: CareKindChangeEvent) => void}) {
  const [kind, setKind] = useState('');
  return createElement(
    'div',
    null,
    createElement(CareFeedbackPicker, {
      legend: 'What is it about?',
      value: kind as PickerElement['value'],
      onCareKindChange: (event: CareKindChangeEvent) => {
        onKind?.(event);
        setKind(event.detail.kind);
      },
    }),
    createElement('p', {id: 'chosen'}, kind ? `You chose ${kind}.` : 'Nothing chosen yet.'),
  );
}

describe('React wrappers: accessibility', () => {
  it('a picker rendered from React has no axe violations, before and after a choice, and with the safety advice', async () => {
    const host = await renderReact(createElement(ChoiceApp));
    const picker = pickerIn(host);
    await picker.stringsReady();
    await expectAccessible(host, 'picker from React, nothing chosen');

    radio(picker, 'complaint').click();
    await waitUntil(() => host.querySelector('#chosen')!.textContent === 'You chose complaint.');
    await picker.updateComplete;
    await expectAccessible(host, 'picker from React, complaint chosen');

    radio(picker, 'concern').click();
    await waitUntil(() => picker.safeguardingShown);
    await expectAccessible(host, 'picker from React, safety advice showing');
  });

  it('a jargon term rendered from React has no axe violations, closed and open', async () => {
    const host = await renderReact(
      createElement(
        'p',
        null,
        'Read your ',
        createElement(
          CareJargon,
          {term: 'care plan', glossaryMode: 'replace', glossary: GLOSSARY},
          'care plan',
        ),
        '.',
      ),
    );
    const jargon = host.querySelector<JargonElement>('care-jargon')!;
    await jargon.ready;
    await expectAccessible(host, 'jargon from React, closed');
    jargon.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => jargon.open);
    await expectAccessible(host, 'jargon from React, open');
  });
});

describe('React wrappers: rendering and properties', () => {
  it('renders the real, upgraded element', async () => {
    const host = await renderReact(createElement(CareFeedbackPicker));
    const picker = pickerIn(host);
    expect(picker).to.be.instanceOf(customElements.get('care-feedback-picker')!);
    await picker.stringsReady();
    expect(picker.shadowRoot!.querySelectorAll('input[type="radio"]')).to.have.length(5);
    expect(picker.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal(
      'What would you like to tell us?',
    );
  });

  it('sets props as element properties, objects included, and updates them on a new render', async () => {
    let host = await renderReact(
      createElement(CareFeedbackPicker, {
        legend: 'Tell us about your visit',
        strings: {hint: 'Pick the one that fits best.'},
        value: 'suggestion',
      }),
    );
    let picker = pickerIn(host);
    await picker.stringsReady();
    expect(picker.legend).to.equal('Tell us about your visit');
    // `strings` has no attribute: only a property can carry the object.
    expect(picker.strings).to.deep.equal({hint: 'Pick the one that fits best.'});
    expect(picker.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal(
      'Tell us about your visit',
    );
    expect(picker.shadowRoot!.querySelector('#hint')!.textContent!.trim()).to.equal(
      'Pick the one that fits best.',
    );
    expect(radio(picker, 'suggestion').checked).to.be.true;
    expect(picker.getAttribute('value'), 'value reflects from the property').to.equal('suggestion');

    host = await renderReact(
      createElement(CareFeedbackPicker, {legend: 'Tell us about your carer', value: 'compliment'}),
    );
    expect(pickerIn(host)).to.equal(picker, 'the same element is updated, not replaced');
    picker = pickerIn(host);
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal(
      'Tell us about your carer',
    );
    expect(radio(picker, 'compliment').checked).to.be.true;
    // A prop left out is unset again, so the default hint comes back.
    expect(picker.strings).to.equal(undefined);
    await picker.stringsReady();
    expect(picker.shadowRoot!.querySelector('#hint')!.textContent!.trim()).to.equal('Choose one.');
  });

  it('passes ordinary HTML props (id, className, aria) to the element as attributes', async () => {
    // data-* is allowed in JSX; in a createElement object literal TypeScript needs telling.
    const dataAttribute = {'data-section': 'feedback'} as object;
    const host = await renderReact(
      createElement(CareFeedbackPicker, {id: 'start', className: 'wide', ...dataAttribute}),
    );
    const picker = pickerIn(host);
    expect(picker.id).to.equal('start');
    expect(picker.className).to.equal('wide');
    expect(picker.dataset.section).to.equal('feedback');
  });

  it('passes an object property to <care-jargon>, which shows the definition from it', async () => {
    const host = await renderReact(
      createElement(
        CareJargon,
        {term: 'care plans', glossaryMode: 'replace', glossary: GLOSSARY},
        'care plans',
      ),
    );
    const jargon = host.querySelector<JargonElement>('care-jargon')!;
    await jargon.ready;
    expect(jargon.entry?.id).to.equal('care-plan');
    expect(jargon.shadowRoot!.textContent).to.contain(
      'A written plan of the help you get, agreed with you.',
    );
  });
});

describe('React wrappers: events', () => {
  it("hands onCareKindChange the picker's own care-kind-change event, and React state follows it", async () => {
    const heard: CareKindChangeEvent[] = [];
    const host = await renderReact(
      createElement(ChoiceApp, {onKind: (event) => heard.push(event)}),
    );
    const picker = pickerIn(host);
    await picker.stringsReady();
    expect(host.querySelector('#chosen')!.textContent).to.equal('Nothing chosen yet.');

    radio(picker, 'compliment').click();
    await waitUntil(() => heard.length === 1);
    expect(heard[0]!.type).to.equal('care-kind-change');
    expect(heard[0]!.target).to.equal(picker);
    expect(heard[0]!.detail).to.deep.equal({kind: 'compliment'});
    await waitUntil(() => host.querySelector('#chosen')!.textContent === 'You chose compliment.');

    radio(picker, 'comment').click();
    await waitUntil(() => heard.length === 2);
    expect(heard[1]!.detail.kind).to.equal('comment');
  });

  it('uses the newest handler after a render, and stops listening when the prop goes', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const host = await renderReact(
      createElement(CareFeedbackPicker, {
        onCareKindChange: (e: CareKindChangeEvent) => first.push(e.detail.kind),
      }),
    );
    const picker = pickerIn(host);
    await picker.stringsReady();
    radio(picker, 'complaint').click();
    expect(first).to.deep.equal(['complaint']);

    await renderReact(
      createElement(CareFeedbackPicker, {
        onCareKindChange: (e: CareKindChangeEvent) => second.push(e.detail.kind),
      }),
    );
    radio(picker, 'suggestion').click();
    expect(first).to.deep.equal(['complaint']);
    expect(second).to.deep.equal(['suggestion']);

    await renderReact(createElement(CareFeedbackPicker));
    radio(picker, 'compliment').click();
    await picker.updateComplete;
    expect(picker.value, 'the picker still works').to.equal('compliment');
    expect(second).to.deep.equal(['suggestion']);
  });

  it('hands onCareJargonToggle the care-jargon-toggle event when the definition opens and closes', async () => {
    const heard: CareJargonToggleEvent[] = [];
    const host = await renderReact(
      createElement(
        CareJargon,
        {
          term: 'care plan',
          glossaryMode: 'replace',
          glossary: GLOSSARY,
          onCareJargonToggle: (e: CareJargonToggleEvent) => heard.push(e),
        },
        'care plan',
      ),
    );
    const jargon = host.querySelector<JargonElement>('care-jargon')!;
    await jargon.ready;
    const button = jargon.shadowRoot!.querySelector('button')!;
    button.click();
    await waitUntil(() => heard.length === 1);
    expect(heard[0]!.type).to.equal('care-jargon-toggle');
    expect(heard[0]!.detail).to.deep.equal({term: 'care-plan', open: true});
    button.click();
    await waitUntil(() => heard.length === 2);
    expect(heard[1]!.detail.open).to.be.false;
  });
});

describe('React wrappers: the feedback form, sending to a real collector', () => {
  let collector: {id: string; endpoint: string};
  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {
      allowOrigin: [location.origin],
      minElapsedMs: 0,
    })) as typeof collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });

  const SERVICES = [
    {id: 'day-centre', label: 'Day centre'},
    {id: 'home-care-north', label: 'Home care, north'},
  ];

  /** An app that keeps what the form reports in React state and shows the reference itself. */
  function FormApp({
    onSubmit,
    onDelivered,
  }: {
    onSubmit: (e: CareSubmitEvent) => void;
    onDelivered: (e: CareDeliveredEvent) => void;
  }) {
    const [reference, setReference] = useState('');
    return createElement(
      'div',
      null,
      createElement(CareFeedbackForm, {
        endpoint: collector.endpoint,
        storage: 'none',
        services: SERVICES,
        onCareSubmit: onSubmit,
        onCareDelivered: (e: CareDeliveredEvent) => {
          onDelivered(e);
          setReference(e.detail.reference);
        },
      }),
      createElement('p', {id: 'reference'}, reference),
    );
  }

  it('sends through the form from React: onCareSubmit and onCareDelivered hear the real events', async () => {
    const submitted: CareSubmitEvent[] = [];
    const delivered: CareDeliveredEvent[] = [];
    const host = await renderReact(
      createElement(FormApp, {
        onSubmit: (e) => submitted.push(e),
        onDelivered: (e) => delivered.push(e),
      }),
    );
    const form = host.querySelector('care-feedback-form') as Form;
    await settle(form);
    await expectAccessible(host, 'form from React, first step');
    // The services array went in as a property, not a string.
    expect(form.services).to.deep.equal(SERVICES);

    await walkTo(form, 'review', {kind: 'suggestion', message: 'Please open on Saturdays too.'});
    expect(submitted).to.have.length(0);

    await next(form);
    await waitForPhase(form, 'done');
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.type).to.equal('care-submit');
    expect(submitted[0]!.detail.submission).to.include({
      kind: 'suggestion',
      message: 'Please open on Saturdays too.',
    });
    await waitUntil(() => delivered.length === 1);
    const {reference, id} = delivered[0]!.detail;
    expect(id).to.equal(submitted[0]!.detail.submission.id);
    await waitUntil(() => host.querySelector('#reference')!.textContent === reference);

    // What React was told is what the collector stored.
    const records = (await executeServerCommand('care-collector-list', {
      id: collector.id,
    })) as Array<{reference: string; submission: {id: string}}>;
    expect(records.find((r) => r.submission.id === id)?.reference).to.equal(reference);
    await expectAccessible(host, 'form from React, sent');
  });

  it('lets an onCareSubmit handler cancel the send with preventDefault()', async () => {
    const before = (
      (await executeServerCommand('care-collector-list', {id: collector.id})) as unknown[]
    ).length;
    const host = await renderReact(
      createElement(FormApp, {
        onSubmit: (e) => e.preventDefault(),
        onDelivered: () => expect.fail('nothing should be delivered'),
      }),
    );
    const form = host.querySelector('care-feedback-form') as Form;
    await settle(form);
    await walkTo(form, 'review', {kind: 'compliment'});
    await next(form);
    expect(phase(form)).to.equal('review');
    const after = (
      (await executeServerCommand('care-collector-list', {id: collector.id})) as unknown[]
    ).length;
    expect(after).to.equal(before);
  });
});
