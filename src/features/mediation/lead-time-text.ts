import { format, type Catalogue } from '../../i18n/catalogue.js';
import type { LeadTime } from './mediation-statistics.js';

/**
 * A lead time as a sentence part a reader takes in at once: "1 zaak: binnen een dag",
 * "3 zaken: mediaan 4 dagen, gemiddeld 5,5 dagen". Singular and plural are right, a zero reads
 * as "binnen een dag", and one case has no median.
 */
export function leadTimeText(lead: LeadTime, t: Catalogue['mediation']): string {
  if (lead.count === 0 || lead.medianDays === null || lead.averageDays === null) return t.statsNone;
  const number = new Intl.NumberFormat(t.formatLocale, { maximumFractionDigits: 1 });
  const days = (n: number) => (n < 1 ? t.statsWithinADay : n === 1 ? t.statsOneDay : format(t.statsDaysN, { n: number.format(n) }));
  if (lead.count === 1) return format(t.statsOneCase, { days: days(lead.averageDays) });
  if (Math.round(lead.medianDays * 10) === Math.round(lead.averageDays * 10)) return format(t.statsCasesSame, { count: lead.count, days: days(lead.averageDays) });
  return format(t.statsCases, { count: lead.count, median: days(lead.medianDays), average: days(lead.averageDays) });
}
