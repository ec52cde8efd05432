import { AppError } from '../../errors/app-error.js';
import { normalizeWords } from './milestone-register.js';
import { findDate } from '../../routing/find-date.js';
import { parseDate } from './dates.js';

/** The tenant's gemeente named in free text (as a whole word), if any. */
export function gemeenteIn(text: string, gemeenten: readonly string[]): string | undefined {
  const words = ` ${normalizeWords(text).join(' ')} `;
  return gemeenten.find((g) => words.includes(` ${normalizeWords(g).join(' ')} `));
}

export interface AddCommand {
  gemeente: string;
  title: string;
  plannedDate: string;
}

/** "Hengelo: Evaluatie veiligheidsbeleid op 15-03-2027" (the gemeente may be left out when the tenant has one). */
export function parseAddCommand(rest: string, gemeenten: readonly string[], now: Date = new Date()): AddCommand {
  let text = rest.trim();
  let gemeente = gemeenten.find((g) => text.toLowerCase().startsWith(g.toLowerCase()) && /^[\s:]/.test(text.slice(g.length)));
  if (gemeente) text = text.slice(gemeente.length);
  else if (gemeenten.length === 1) gemeente = gemeenten[0];
  if (!gemeente) throw new AppError('milestone_gemeente_needed', { params: { gemeenten: gemeenten.join(', ') } });
  text = text.replace(/^\s*:\s*/, '').trim();
  const at = text.search(/\s+op\s+[^\s]+(\s+[^\s]+\s+\d{4})?\s*$/i);
  const exact = at >= 0 ? parseDate(text.slice(at).replace(/^\s+op\s+/i, '')) : undefined;
  // Anything else a date parser reads ("op 3 maart", "volgende week dinsdag"), the title before it.
  const found = exact ? undefined : findDate(text, now);
  if (at < 0 && !found) throw new AppError('milestone_add_usage');
  const title = (found ? text.slice(0, found.index).replace(/[\s,]+(?:op|on|per)?[\s,]*$/i, '') : text.slice(0, at)).trim();
  const plannedDate = exact ?? found?.iso;
  if (!plannedDate) throw new AppError('milestone_bad_date');
  if (title.length < 3 || title.length > 200) throw new AppError('milestone_add_usage');
  return { gemeente, title, plannedDate };
}

export function milestoneIdFor(gemeente: string, title: string, plannedDate: string): string {
  const slug = normalizeWords(`${gemeente} ${title}`).join('-').slice(0, 70).replace(/-+$/, '');
  return `${slug}-${plannedDate.slice(0, 4)}`;
}

/** "… opmerking: graag voor het PHO" splits off the note. */
export function splitNote(text: string): { query: string; note?: string } {
  const m = text.match(/^([\s\S]*?)\s*[,;]?\s*(?:opmerking|toelichting|note)\s*:\s*([\s\S]*)$/i);
  if (!m) return { query: text.trim() };
  return { query: m[1]!.trim(), note: m[2]!.trim() || undefined };
}

/** The text with its date (as the date parser reads it) taken out: what is left names the milestone. */
export function withoutDate(text: string, now: Date): string {
  const found = findDate(text, now);
  return found ? `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`.replace(/\s+/g, ' ').trim() : text;
}

/**
 * A milestone to add, said in other words: "Voeg een nieuwe mijlpaal toe voor Marsdijk: evaluatie
 * Damoclesbeleid, 18 november 2025", "zet 'Veiligheidsmonitor presenteren' op 3 maart in de planning".
 * The title is the quoted text, else what follows the colon, else the words left without the command.
 */
export function parseAddRequest(text: string, gemeenten: readonly string[], now: Date): AddCommand {
  const date = findDate(text, now);
  if (!date) throw new AppError('milestone_add_usage');
  const gemeente = gemeenteIn(text, gemeenten) ?? (gemeenten.length === 1 ? gemeenten[0] : undefined);
  if (!gemeente) throw new AppError('milestone_gemeente_needed', { params: { gemeenten: gemeenten.join(', ') } });
  const quoted = text.match(/['‘’"“”]([^'‘’"“”]{3,200})['‘’"“”]/)?.[1];
  const rest = withoutDate(text, now);
  const afterColon = rest.includes(':') ? rest.slice(rest.indexOf(':') + 1) : undefined;
  const raw =
    quoted ?? afterColon ?? rest.replace(/\b(?:kun je|kan je|graag|aub|voeg|toe|toevoegen|nieuwe|mijlpaal|aan de planning|in de planning|zet|add|a|new|milestone|to the planning|please)\b/gi, ' ');
  const title = raw
    .replace(new RegExp(`\\(?\\b${gemeente}\\b\\)?`, 'gi'), ' ')
    .replace(/\b(?:voor|for|op|on|per)\s*$/i, '')
    .replace(/^[\s,:;-]+|[\s,:;.()-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (title.length < 3 || title.length > 200) throw new AppError('milestone_add_usage');
  return { gemeente, title: title[0]!.toUpperCase() + title.slice(1), plannedDate: date.iso };
}
