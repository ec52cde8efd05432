import type { Catalogue } from '../../i18n/catalogue.js';

export type Locale = 'nl' | 'en';
/** The tab section of the bot's catalogue, so the browser uses the same keys the type checks. */
export type Texts = Catalogue['tab'];

/** Both languages are embedded in the page by the server; the Teams context picks one. */
export function loadTexts(locale: Locale): Texts {
  const all = JSON.parse(document.getElementById('tab-texts')?.textContent ?? '{}') as Record<Locale, Texts>;
  return all[locale] ?? all.nl;
}
