import { AppError } from '../../core/app-error.js';
import { normalizeWords } from './milestone-register.js';
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
export function parseAddCommand(rest: string, gemeenten: readonly string[]): AddCommand {
  let text = rest.trim();
  let gemeente = gemeenten.find((g) => text.toLowerCase().startsWith(g.toLowerCase()) && /^[\s:]/.test(text.slice(g.length)));
  if (gemeente) text = text.slice(gemeente.length);
  else if (gemeenten.length === 1) gemeente = gemeenten[0];
  if (!gemeente) throw new AppError('milestone_gemeente_needed', { params: { gemeenten: gemeenten.join(', ') } });
  text = text.replace(/^\s*:\s*/, '').trim();
  const at = text.search(/\s+op\s+[^\s]+(\s+[^\s]+\s+\d{4})?\s*$/i);
  if (at < 0) throw new AppError('milestone_add_usage');
  const title = text.slice(0, at).trim();
  const plannedDate = parseDate(text.slice(at).replace(/^\s+op\s+/i, ''));
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
