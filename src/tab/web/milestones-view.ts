import type { Milestone, Section } from './api.js';
import { h } from './dom.js';
import { empty, notAvailable } from './sections.js';
import type { Texts } from './texts.js';

const statusText: Record<Milestone['status'], keyof Texts> = {
  open: 'statusOpen',
  pending: 'statusPending',
  approved: 'statusApproved',
  rejected: 'statusRejected',
  changes_requested: 'statusChangesRequested',
  done: 'statusDone',
};

function date(iso: string, locale: string): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A timeline: milestones in date order, each with its approval status as text (colour only repeats it). */
export function milestonesView(data: Section<Milestone>, texts: Texts, locale: string): HTMLElement {
  if (!data.available) return notAvailable(texts);
  if (data.items.length === 0) return empty(texts);
  const items = [...data.items].sort((a, b) => a.due.localeCompare(b.due));
  const today = new Date().toISOString().slice(0, 10);
  return h(
    'ol',
    { class: 'timeline', 'aria-label': texts.milestonesCaption },
    ...items.map((m) =>
      h(
        'li',
        { class: `status-${m.status}` },
        h('time', { datetime: m.due.slice(0, 10) }, date(m.due, locale)),
        h('div', { class: 'milestone' }, h('strong', {}, m.title), h('span', { class: 'muted' }, ` · ${m.gemeente}`)),
        h('fluent-badge', { class: `badge badge-${m.status}` }, texts[statusText[m.status]]),
        // The chat's words for an open milestone past its date.
        m.status === 'open' && m.due.slice(0, 10) < today ? h('span', { class: 'muted' }, ` · ${texts.statusOverdue}`) : '',
      ),
    ),
  );
}
