import { escapeCardText, renderCard } from '../../cards/render-card.js';
import { format, type Catalogue, type Locale } from '../../i18n/catalogue.js';
import type { Digest } from './digest.js';

export function formatDay(date: Date | string, locale: Locale, timeZone: string): string {
  const value = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone }).format(value);
}

interface CardPart {
  title: string;
  lines: { text: string }[];
  facts: { label: string; value: string }[];
}

/** The digest as the steering group reads it; `footer` says whether it was scheduled or who asked. */
export function digestCard(digest: Digest, t: Catalogue, options: { locale: Locale; timeZone: string; footer: string }): Record<string, unknown> {
  const s = t.summaries.steering;
  const day = (d: Date | string) => formatDay(d, options.locale, options.timeZone);
  const bullet = (text: string) => ({ text: `• ${text}` });
  const none = [{ text: s.none }];
  const parts: CardPart[] = [];
  const where = (gemeente?: string) => (gemeente ? ` (${escapeCardText(gemeente)})` : '');
  const milestone = (m: { title: string; date: string; gemeente?: string }) => bullet(`${day(m.date)}: ${escapeCardText(m.title)}${where(m.gemeente)}`);
  // A reached milestone: its own planned day, and the day it was approved said as such.
  const reached = (m: { title: string; date: string; gemeente?: string; approvedOn?: string }) =>
    m.approvedOn ? bullet(`${escapeCardText(m.title)}${where(m.gemeente)}: ${format(s.approvedOn, { approved: day(m.approvedOn), planned: day(m.date) })}`) : milestone(m);
  parts.push({ title: s.milestonesReached, lines: digest.milestones.reached.length ? digest.milestones.reached.map(reached) : none, facts: [] });
  parts.push({ title: s.milestonesComing, lines: digest.milestones.coming.length ? digest.milestones.coming.map(milestone) : none, facts: [] });
  parts.push({
    title: s.approvalsWaiting,
    lines: digest.approvals.length ? digest.approvals.map((a) => bullet(`${escapeCardText(a.title)}${where(a.gemeente)}, ${format(s.requestedOn, { date: day(a.since) })}`)) : none,
    facts: [],
  });
  if (digest.mediation) parts.push({ title: s.mediationTitle, lines: digest.mediation.length ? [] : none, facts: digest.mediation });
  parts.push({
    title: s.notesTitle,
    lines: digest.notes.length ? digest.notes.flatMap((n) => [{ text: `**${escapeCardText(n.title)}**` }, ...n.lines.map((l) => bullet(escapeCardText(l)))]) : none,
    facts: [],
  });
  return renderCard('digest-card', {
    title: format(s.digestTitle, { programme: digest.programme }),
    period: format(s.period, { from: day(digest.from), to: day(digest.to) }),
    parts,
    footer: options.footer,
  });
}
