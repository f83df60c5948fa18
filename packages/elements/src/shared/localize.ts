// Every string an element shows: English defaults in the code, other locales and easy read loaded on demand.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {assetUrl, loadJson} from './assets.js';
import {getConfig, onConfigChange} from './config.js';
import {devWarn} from './dev.js';

export type Catalog = Record<string, string>;

/** What an element must have for LocalizeController to read its language settings. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** The `locale` attribute, e.g. `cy`. */
  locale?: string | undefined;
  /** The `reading-level` attribute: `easy` for easy-read wording. */
  readingLevel?: string | undefined;
  /** Replacements for single strings, by key, set by the provider. */
  strings?: Partial<Catalog> | undefined;
}

export const DEFAULT_LOCALE = 'en-GB';
const RIGHT_TO_LEFT = new Set(['ur', 'ar', 'fa', 'he', 'ps', 'sd', 'ug', 'yi']);

/** `rtl` for a right-to-left language (`ur`, `ur-PK`), else `ltr`. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** `{name}` placeholders filled from `values`. Whole sentences are translated; nothing is pieced together. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/**
 * Gives an element its strings for the current locale and reading level.
 * `family` names the catalogue files: `locales/<locale>/<family>.json` and `<family>.easy.json`.
 */
export class LocalizeController<T extends Catalog> implements ReactiveController {
  private loaded: Partial<T> = {};
  private loadedKey = `${DEFAULT_LOCALE}|standard`;
  private wantedKey = this.loadedKey;
  private stopListening?: () => void;

  constructor(
    private readonly host: LocalizedHost,
    private readonly family: string,
    private readonly defaults: T,
  ) {
    host.addController(this);
  }

  get locale(): string {
    return this.host.locale || getConfig().locale || DEFAULT_LOCALE;
  }

  get easyRead(): boolean {
    return (this.host.readingLevel || getConfig().readingLevel) === 'easy';
  }

  /** `rtl` for right-to-left languages such as Urdu. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.locale);
  }

  /** The merged strings: defaults, then the loaded catalogue, then the provider's own replacements. */
  get strings(): T {
    return {...this.defaults, ...this.loaded, ...(this.host.strings as Partial<T> | undefined)};
  }

  /** One string with its placeholders filled. */
  t(key: keyof T & string, values?: Record<string, string | number>): string {
    const template = this.strings[key] ?? key;
    return values ? format(template, values) : template;
  }

  hostConnected(): void {
    this.stopListening = onConfigChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopListening?.();
  }

  hostUpdate(): void {
    const key = `${this.locale}|${this.easyRead ? 'easy' : 'standard'}`;
    if (key !== this.wantedKey) {
      this.wantedKey = key;
      void this.load(key);
    }
  }

  /** Resolves once the strings for the current settings are in place. */
  async ready(): Promise<void> {
    while (this.loadedKey !== this.wantedKey) await this.load(this.wantedKey);
  }

  private async load(key: string): Promise<void> {
    const locale = this.locale;
    const files: string[] = [];
    if (locale !== DEFAULT_LOCALE) files.push(`locales/${locale}/${this.family}.json`);
    if (this.easyRead) files.push(`locales/${locale}/${this.family}.easy.json`);
    const merged: Partial<T> = {};
    for (const file of files) {
      try {
        Object.assign(merged, await loadJson(assetUrl(file)));
      } catch (error) {
        devWarn(`Could not load ${file}; showing English instead.`, error);
      }
    }
    if (this.wantedKey !== key) return;
    this.loaded = merged;
    this.loadedKey = key;
    this.host.requestUpdate();
  }
}
