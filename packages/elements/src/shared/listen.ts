// Listen: reads part of an element aloud with the browser's own speech engine, on this device only.
import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

/** What one Listen button reads, and how it is labelled. */
export interface ListenOptions {
  /** Names the button among the host's others; the one speaking shows "Stop". */
  key: string;
  /** The language of the text read (`en-GB`, `cy`, `ur`): it picks the voice. */
  lang: string;
  /** The text, one piece a line, read when the button is pressed (so it is what is shown then). */
  text(button: HTMLButtonElement): string[];
  /** The interface language of the button's own label, where it differs from its surroundings. */
  labelLang?: string | undefined;
  /** Text direction for the label, where it differs from its surroundings. */
  labelDir?: string | undefined;
  /** The id of what the button reads (a heading), so "Listen" is told apart from the others on the page. */
  describedBy?: string | undefined;
}

/** The browser's speech engine, looked up each time so that one a page (or a test) puts in place is used. */
function engine(): SpeechSynthesis | undefined {
  return (globalThis as {speechSynthesis?: SpeechSynthesis}).speechSynthesis ?? undefined;
}

const tag = (lang: string) => lang.replace(/_/g, '-').toLowerCase();
const language = (lang: string) => tag(lang).split('-')[0]!;

/**
 * A voice on this device for `lang`: the same tag first (`en-GB`), then the same language (`en-US` for
 * `en-GB`, `cy-GB` for `cy`). Voices that are not `localService` send the text to a server to be
 * spoken, so they are never used: nothing a person reads leaves the device.
 */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | undefined {
  const local = voices.filter((voice) => voice.localService);
  return (
    local.find((voice) => tag(voice.lang) === tag(lang)) ??
    local.find((voice) => language(voice.lang) === language(lang))
  );
}

/**
 * Controls, decoration and screen-reader-only text: not what a person sees to read. Whatever is
 * hidden (`hidden`, `display: none`, a closed `hidden="until-found"` panel) fails checkVisibility.
 */
const NOT_READ = 'button,textarea,select,[aria-hidden="true"],.visually-hidden';

/**
 * The text a person sees in `root`, one line for each block (a heading, a hint, a choice), following
 * open shadow roots and slots. Buttons, form controls, hidden parts and screen-reader-only text are
 * left out.
 */
export function visibleText(root: Element | null | undefined): string[] {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.matches(NOT_READ) || !node.checkVisibility({visibilityProperty: true})) return;
    const display = getComputedStyle(node).display;
    const block = display !== 'contents' && !display.startsWith('inline');
    if (block) endLine();
    const children =
      node instanceof HTMLSlotElement
        ? node.assignedNodes({flatten: true})
        : (node.shadowRoot?.childNodes ?? node.childNodes);
    for (const child of children) walk(child);
    if (block) endLine();
  };
  if (root) walk(root);
  endLine();
  return lines;
}

/** The one Listen button speaking on the page: speech is one queue for the whole page. */
let speaking: {owner: ListenController; key: string; run: object} | undefined;

/**
 * Gives an element "Listen" buttons that read its text aloud with the browser's speech engine
 * (`speechSynthesis`), with a voice on this device for the text's language. A button is left out
 * when the browser has no speech or no such voice (voices may arrive late: `voiceschanged` redraws).
 *
 * Pressing Listen reads the text a line at a time (so each heading and choice ends with a pause)
 * and its label becomes "Stop"; pressing Stop, another Listen, `stop()` or the element leaving the
 * page ends it. The label changes rather than an `aria-pressed` state so the name a screen reader
 * says is the word on the button (WCAG 2.5.3), and nothing is put in a live region: the speech
 * never talks over a screen reader with a second copy of the text.
 */
export class ListenController implements ReactiveController {
  private listening?: SpeechSynthesis | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly labels: () => {listen: string; stop: string},
  ) {
    host.addController(this);
  }

  /** The key of this element's button that is speaking, if any. */
  get playing(): string | undefined {
    return speaking?.owner === this ? speaking.key : undefined;
  }

  hostConnected(): void {
    this.listening = engine();
    this.listening?.addEventListener('voiceschanged', this.onVoices);
  }

  hostDisconnected(): void {
    this.listening?.removeEventListener('voiceschanged', this.onVoices);
    this.listening = undefined;
    this.stop();
  }

  /** Stops this element's speech (the content it reads changed, or the step moved on). */
  stop(): void {
    if (speaking?.owner !== this) return;
    speaking = undefined;
    engine()?.cancel();
    this.host.requestUpdate();
  }

  /** A Listen button, or nothing when this browser cannot speak `options.lang` on this device. */
  button(options: ListenOptions): TemplateResult | typeof nothing {
    if (!this.voice(options.lang)) return nothing;
    const {listen, stop} = this.labels();
    const playing = this.playing === options.key;
    return html`<button
      type="button"
      class="listen"
      part="listen-button"
      lang=${ifDefined(options.labelLang)}
      dir=${ifDefined(options.labelDir)}
      aria-describedby=${ifDefined(options.describedBy)}
      @click=${(event: Event) =>
        playing ? this.stop() : this.speak(options, event.currentTarget as HTMLButtonElement)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d=${playing ? 'M6 6h12v12H6z' : 'M3 9v6h4l5 5V4L7 9z'}></path>
      </svg>
      ${playing ? stop : listen}
    </button>`;
  }

  private voice(lang: string): SpeechSynthesisVoice | undefined {
    const speech = engine();
    return speech && typeof globalThis.SpeechSynthesisUtterance === 'function'
      ? voiceFor(speech.getVoices(), lang)
      : undefined;
  }

  private speak(options: ListenOptions, button: HTMLButtonElement): void {
    const speech = engine();
    const voice = this.voice(options.lang);
    const lines = options.text(button).filter((line) => line.trim());
    if (!speech || !voice || lines.length === 0) return;
    const previous = speaking?.owner;
    speaking = undefined;
    previous?.host.requestUpdate();
    speech.cancel();
    const run = {};
    speaking = {owner: this, key: options.key, run};
    const finished = () => {
      if (speaking?.run !== run) return;
      speaking = undefined;
      this.host.requestUpdate();
    };
    lines.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = options.lang;
      utterance.voice = voice;
      // A cancelled or failed line ends the reading; the last line ending ends it too.
      utterance.addEventListener('error', finished);
      if (index === lines.length - 1) utterance.addEventListener('end', finished);
      speech.speak(utterance);
    });
    this.host.requestUpdate();
  }

  private readonly onVoices = (): void => this.host.requestUpdate();
}

/** The Listen button's look; hosts add it to their styles. Forced colours need nothing: it is a native button. */
export const listenStyles = css`
  .listen {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: var(--_target);
    margin-block-end: 0.75em;
    padding: 0.25em 0.9em;
    border: 2px solid;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--care-listen-color, var(--_accent));
    font: inherit;
    font-weight: 600;
  }

  .listen svg {
    inline-size: 1.25em;
    fill: currentColor;
  }

  @media print {
    .listen {
      display: none;
    }
  }
`;
