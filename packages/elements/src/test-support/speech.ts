// A stand-in for the browser's speech engine, the one thing the Listen tests replace: headless Chromium
// here has no voices, and a real engine would make sound. It records what would have been spoken.

/** The parts of a SpeechSynthesisVoice the elements read. */
export interface TestVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

/** A voice on this device (`localService`), or one that speaks from a server with `{remote: true}`. */
export const voice = (lang: string, {remote = false} = {}): TestVoice => ({
  name: `${remote ? 'Online' : 'Device'} ${lang}`,
  lang,
  localService: !remote,
  default: false,
  voiceURI: `test:${remote ? 'online' : 'device'}:${lang}`,
});

/** Holds what SpeechSynthesisUtterance holds; events are dispatched to it as a real engine would. */
export class TestUtterance extends EventTarget {
  lang = '';
  voice: TestVoice | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  constructor(public text = '') {
    super();
  }
}

/** The engine: speak() queues, cancel() empties the queue with an `error` on each line as Chromium does. */
export class TestSpeech extends EventTarget {
  /** Every line ever spoken, in order. */
  readonly spoken: TestUtterance[] = [];
  /** The lines not yet finished. */
  readonly queue: TestUtterance[] = [];
  /** How many times cancel() was called. */
  cancels = 0;

  constructor(private voices: TestVoice[]) {
    super();
  }

  get speaking(): boolean {
    return this.queue.length > 0;
  }

  get pending(): boolean {
    return this.queue.length > 1;
  }

  get paused(): boolean {
    return false;
  }

  getVoices(): TestVoice[] {
    return this.voices;
  }

  speak(utterance: TestUtterance): void {
    this.spoken.push(utterance);
    this.queue.push(utterance);
  }

  cancel(): void {
    this.cancels++;
    for (const utterance of this.queue.splice(0))
      queueMicrotask(() => utterance.dispatchEvent(new Event('error')));
  }

  pause(): void {}

  resume(): void {}

  /** Voices arriving late, as they do in Chromium. */
  setVoices(voices: TestVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }

  /** Reads every queued line to its end. */
  finishAll(): void {
    for (const utterance of this.queue.splice(0)) utterance.dispatchEvent(new Event('end'));
  }

  /** The texts spoken since `from`. */
  texts(from = 0): string[] {
    return this.spoken.slice(from).map((utterance) => utterance.text);
  }
}

const NAMES = ['speechSynthesis', 'SpeechSynthesisUtterance'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();

/**
 * Puts a test engine in place of `window.speechSynthesis` (and its utterance class) until
 * `restoreSpeech()`. `voices: undefined` removes speech altogether, as in a browser without it.
 */
export function installSpeech(voices: TestVoice[] | undefined): TestSpeech {
  const speech = new TestSpeech(voices ?? []);
  for (const name of NAMES) {
    if (!saved.has(name)) saved.set(name, Object.getOwnPropertyDescriptor(window, name));
  }
  const values = {
    speechSynthesis: voices ? speech : undefined,
    SpeechSynthesisUtterance: voices ? TestUtterance : undefined,
  };
  for (const name of NAMES)
    Object.defineProperty(window, name, {value: values[name], configurable: true, writable: true});
  return speech;
}

/** Puts the browser's own engine back. */
export function restoreSpeech(): void {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(window, name, descriptor);
    else delete (window as unknown as Record<string, unknown>)[name];
  }
  saved.clear();
}
