import { en } from './en.js';
import { nl, type Catalogue } from './nl.js';

export type { Catalogue };
export type Locale = 'nl' | 'en';
export type ErrorCode = keyof Catalogue['errors'];

const catalogues: Record<Locale, Catalogue> = { nl, en };

export function catalogue(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** Teams sends e.g. "en-US" or "nl-NL"; anything not English gets Dutch. */
export function localeFrom(activityLocale: string | undefined, fallback: Locale = 'nl'): Locale {
  if (!activityLocale) return fallback;
  return activityLocale.toLowerCase().startsWith('en') ? 'en' : activityLocale.toLowerCase().startsWith('nl') ? 'nl' : fallback;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed in tests. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
