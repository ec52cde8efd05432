import { app, authentication } from '@microsoft/teams-js';
import type { Locale } from './texts.js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  locale: Locale;
  theme: Theme;
  onThemeChange(handler: (theme: Theme) => void): void;
  /** The Teams SSO token for the API; undefined outside Teams (local development, loopback only). */
  token(): Promise<string | undefined>;
}

function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  return v.startsWith('en') ? 'en' : v.startsWith('nl') ? 'nl' : undefined;
}

function toTheme(value: string | null | undefined): Theme | undefined {
  return value === 'dark' || value === 'contrast' || value === 'default' ? value : undefined;
}

/**
 * Connects to Teams when the page runs inside it; in a plain browser initialize never answers,
 * so after a short wait the page goes on with the query string (?locale=en&theme=dark) or defaults.
 */
export async function connectHost(search: string, waitMs = 1000): Promise<Host> {
  const params = new URLSearchParams(search);
  const queryLocale = toLocale(params.get('locale'));
  const queryTheme = toTheme(params.get('theme'));
  const initialized = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs)),
  ]);
  if (!initialized) {
    return {
      inTeams: false,
      // The bot's own default, Dutch, unless the URL asks otherwise: a developer's browser language says little.
      locale: queryLocale ?? 'nl',
      theme: queryTheme ?? 'default',
      onThemeChange: () => undefined,
      token: async () => undefined,
    };
  }
  const context = await app.getContext();
  return {
    inTeams: true,
    locale: toLocale(context.app.locale) ?? queryLocale ?? 'nl',
    theme: toTheme(context.app.theme) ?? queryTheme ?? 'default',
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toTheme(theme) ?? 'default')),
    token: () => authentication.getAuthToken(),
  };
}
