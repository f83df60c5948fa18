// The themes and improvement actions routes of the provider API (issue #15), over the inbox's client, read
// into the shapes the provider contract gives (@care-feedback/core/provider).
import type {
  ImprovementAction,
  OverdueAction,
  Theme,
  ThemeSuggestion,
  ThemeTag,
  ThemeTrends,
  TrendBy,
  YouSaidItem,
} from '@care-feedback/core/provider';
import type {InboxApi} from './inbox-api.js';

const items = <T>(body: unknown): T[] => {
  const list = (body as {items?: unknown} | null)?.items;
  return Array.isArray(list) ? (list as T[]) : [];
};
const ref = (reference: string) => encodeURIComponent(reference);

/** What an action form sends: every field but the ones the collector keeps. */
export interface ActionDraft {
  change: string;
  owner: string;
  dueOn: string;
  references: string[];
  themes: string[];
}

export class LearningApi {
  constructor(private readonly api: InboxApi) {}

  async themes(): Promise<Theme[]> {
    return items<Theme>(await this.api.call('/themes'));
  }
  async createTheme(name: string): Promise<Theme> {
    return (await this.api.call('/themes', 'POST', {name})) as Theme;
  }
  async changeTheme(id: string, change: {name?: string; retired?: boolean}): Promise<Theme> {
    return (await this.api.call(`/themes/${encodeURIComponent(id)}`, 'PATCH', change)) as Theme;
  }
  async trends(from: string, to: string, by: TrendBy): Promise<ThemeTrends> {
    return (await this.api.call('/themes/trends', 'GET', undefined, new URLSearchParams({from, to, by}))) as ThemeTrends;
  }
  async tags(reference: string): Promise<ThemeTag[]> {
    return items<ThemeTag>(await this.api.call(`/submissions/${ref(reference)}/themes`));
  }
  async setTags(reference: string, themes: string[]): Promise<ThemeTag[]> {
    return items<ThemeTag>(await this.api.call(`/submissions/${ref(reference)}/themes`, 'PUT', {themes}));
  }
  async suggestions(reference: string): Promise<ThemeSuggestion[]> {
    return items<ThemeSuggestion>(await this.api.call(`/submissions/${ref(reference)}/theme-suggestions`));
  }
  async actions(query: Record<string, string> = {}): Promise<ImprovementAction[]> {
    return items<ImprovementAction>(await this.api.call('/actions', 'GET', undefined, new URLSearchParams(query)));
  }
  async createAction(draft: ActionDraft): Promise<ImprovementAction> {
    return (await this.api.call('/actions', 'POST', draft)) as ImprovementAction;
  }
  async changeAction(id: string, change: Partial<ActionDraft> & {status?: string}): Promise<ImprovementAction> {
    return (await this.api.call(`/actions/${encodeURIComponent(id)}`, 'PATCH', change)) as ImprovementAction;
  }
  async startYouSaid(id: string, youSaid: string): Promise<{item: YouSaidItem; action: ImprovementAction}> {
    return (await this.api.call(`/actions/${encodeURIComponent(id)}/you-said-we-did`, 'POST', {youSaid})) as {
      item: YouSaidItem;
      action: ImprovementAction;
    };
  }
  async overdue(): Promise<OverdueAction[]> {
    const body = (await this.api.call('/attention')) as {actions?: unknown} | null;
    return Array.isArray(body?.actions) ? (body.actions as OverdueAction[]) : [];
  }
}
