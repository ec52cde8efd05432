import { randomUUID } from 'node:crypto';
import { escapeCardText, renderCard } from '../../cards/render-card.js';
import { leadTimeText } from './lead-time-text.js';
import { format, type Catalogue } from '../../i18n/catalogue.js';
import type { CaseFacts, CasePersonalData } from './case-records.js';
import { availableActions } from './case-state.js';
import { intakeFields, type FieldErrorCode, type IntakeField } from './intake-schema.js';
import { conflictKinds, contactRegexSource, durations, limits, outcomes, postcodePattern, referrerRoles, urgencies } from './mediation-options.js';
import type { MediationStatistics } from './mediation-statistics.js';

type Texts = Catalogue['mediation'];
const options = <T extends string>(values: readonly T[], titles: Record<T, string>) => values.map((value) => ({ value, title: titles[value] }));
const field = (text: string | undefined | null, t: Texts) => (text ? escapeCardText(text) : t.unknown);

/** What the user typed, as strings, so a refused submit comes back with its input kept. */
export function keptValues(data: Record<string, unknown>): Record<IntakeField, string> {
  const values = {} as Record<IntakeField, string>;
  for (const id of intakeFields) {
    const v = data[id];
    values[id] = typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? String(v) : '';
  }
  if (values.violence === '') values.violence = 'false';
  if (values.consent === '') values.consent = 'false';
  return values;
}

function fieldErrorText(t: Texts, code: FieldErrorCode, id: IntakeField): string {
  const max = id === 'description' ? limits.description : id === 'tried' ? limits.tried : id.endsWith('Postcode') ? 7 : limits.shortText;
  return format(t.fieldErrors[code], { max });
}

/**
 * The intake form. A fresh form gets a new idempotency key; a refused submit keeps the key, the
 * user's values and one error line under each failing field.
 */
export function intakeCard(t: Catalogue, state: IntakeState = {}): Record<string, unknown> {
  return renderCard('mediation-intake', intakeCardData(t, state));
}

type IntakeState = { values?: Record<string, unknown>; fieldErrors?: Partial<Record<IntakeField, FieldErrorCode>>; idempotencyKey?: string };

/** The template data of the intake card (also the source of its sample file). */
export function intakeCardData(t: Catalogue, state: IntakeState = {}) {
  const m = t.mediation;
  const errors = Object.fromEntries(intakeFields.map((id) => [id, state.fieldErrors?.[id] ? fieldErrorText(m, state.fieldErrors[id]!, id) : ''])) as Record<IntakeField, string>;
  const hasErrors = Object.values(errors).some((e) => e !== '');
  return {
    title: m.intakeTitle,
    intro: m.intakeIntro,
    formError: hasErrors ? m.formHasErrors : '',
    sectionReferrer: m.sectionReferrer,
    sectionPartyA: m.sectionPartyA,
    sectionPartyB: m.sectionPartyB,
    sectionConflict: m.sectionConflict,
    labels: m.labels,
    placeholders: m.placeholders,
    choose: m.choose,
    errorMessages: m.errorMessages,
    regex: { postcode: postcodePattern.source, contact: contactRegexSource },
    limits: { description: limits.description, tried: limits.tried },
    choices: {
      referrerRole: options(referrerRoles, m.referrerRoles),
      kinds: options(conflictKinds, m.kinds),
      duration: options(durations, m.durations),
      urgency: options(urgencies, m.urgencies),
    },
    values: state.values ? keptValues(state.values) : { ...keptValues({}), urgency: 'normaal' },
    errors,
    submit: m.submit,
    idempotencyKey: state.idempotencyKey ?? randomUUID(),
  };
}

export function violenceCard(t: Catalogue): Record<string, unknown> {
  const m = t.mediation;
  return renderCard('mediation-violence', {
    title: m.violenceTitle,
    text: m.violenceText,
    advice: [m.violencePolice, m.violenceWijkagent, m.violenceVeiligThuis],
    restart: m.violenceRestart,
    restartCommand: m.helpCommand,
  });
}

const kindsText = (t: Texts, facts: CaseFacts) => facts.kinds.map((k) => t.kinds[k]).join(', ');

/** The referrer's confirmation: the case number and the kind, never the personal data. */
export function confirmationCard(t: Catalogue, facts: CaseFacts): Record<string, unknown> {
  const m = t.mediation;
  return renderCard('mediation-confirmation', {
    title: m.confirmationTitle,
    text: format(m.confirmationText, { caseNumber: facts.caseNumber }),
    facts: [
      { title: m.caseNumber, value: facts.caseNumber },
      { title: m.factKinds, value: kindsText(m, facts) },
      { title: m.factUrgency, value: m.urgencies[facts.urgency] },
    ],
  });
}

function personalFacts(m: Texts, facts: CaseFacts, personal: CasePersonalData): { title: string; value: string }[] {
  const p = personal.intake;
  const party = (name?: string, address?: string, postcode?: string, contact?: string) =>
    [name, address, postcode, contact]
      .filter((x): x is string => Boolean(x))
      .map((x) => escapeCardText(x))
      .join(', ') || m.unknown;
  const rows = [
    { title: m.factReferrer, value: `${field(p.referrerName, m)}, ${field(p.referrerContact, m)} (${m.referrerRoles[facts.referrerRole]})` },
    { title: m.factPartyA, value: party(p.partyAName, p.partyAAddress, p.partyAPostcode, p.partyAContact) },
    { title: m.factPartyB, value: party(p.partyBName, p.partyBAddress, p.partyBPostcode, p.partyBContact) },
    { title: m.factDuration, value: m.durations[facts.duration] },
    { title: m.factDescription, value: field(p.description, m) },
    { title: m.factTried, value: field(p.tried, m) },
  ];
  if (personal.volunteers) rows.push({ title: m.factVolunteers, value: personal.volunteers.map((v) => escapeCardText(v)).join(', ') });
  if (personal.notSuitableReason) rows.push({ title: m.factReason, value: escapeCardText(personal.notSuitableReason) });
  return rows;
}

/**
 * The case card. Everyone sees the number, kind and urgency; the coordinator view (sent only to
 * a verified coordinator) adds the personal data and the buttons this status allows.
 */
/** "1 december 2026": how a date reads in Dutch (the Amsterdam day). */
function longDate(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(at);
}

/** "2026-12" as "december 2026". */
function monthName(month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)));
}

export function caseCard(
  t: Catalogue,
  facts: CaseFacts,
  view: { coordinator: false; refreshUserIds?: string[] } | { coordinator: true; personal: CasePersonalData | undefined; refreshUserIds?: string[] },
): Record<string, unknown> {
  const m = t.mediation;
  const publicFacts = [
    { title: m.factKinds, value: kindsText(m, facts) },
    { title: m.factUrgency, value: m.urgencies[facts.urgency] },
  ];
  const coordinatorFacts = view.coordinator
    ? [
        { title: m.factStatus, value: m.statuses[facts.status] },
        ...(facts.outcome ? [{ title: m.factOutcome, value: m.outcomes[facts.outcome] }] : []),
        { title: m.factCreated, value: longDate(facts.createdAt, m.formatLocale) },
      ]
    : [];
  const can = Object.fromEntries(availableActions(facts.status).map((a) => [a, true]));
  const card = renderCard('mediation-case', {
    title: format(m.caseTitle, { caseNumber: facts.caseNumber }),
    facts: [...publicFacts, ...coordinatorFacts],
    publicNote: m.publicNote,
    coordinator: view.coordinator,
    coordinatorNote: m.coordinatorNote,
    erasedNote: view.coordinator && !view.personal ? m.personalErased : '',
    personal: view.coordinator && view.personal ? personalFacts(m, facts, view.personal) : [],
    can: { accept: false, referProfessional: false, notSuitable: false, close: false, ...can },
    labels: { ...m.actions, volunteer1: m.volunteer1, volunteer2: m.volunteer2, reason: m.reason, outcome: m.outcome, required: m.errorMessages.required },
    outcomes: options(outcomes, m.outcomes),
    caseId: facts.id,
    version: facts.version,
  });
  // Listed coordinators get their own view through an automatic refresh; others keep this one.
  card.refresh = { action: { type: 'Action.Execute', verb: 'mediation.refresh', data: { caseId: facts.id } }, userIds: view.refreshUserIds ?? [] };
  return card;
}

export function statisticsCard(t: Catalogue, stats: MediationStatistics): Record<string, unknown> {
  const m = t.mediation;
  const counts = <K extends string>(record: Record<K, number>, titles: Record<K, string>) =>
    (Object.keys(record) as K[]).filter((k) => record[k] > 0).map((k) => ({ title: titles[k], value: String(record[k]) }));
  const lead = (l: MediationStatistics['leadTimes']['intakeToAccepted']) => leadTimeText(l, m);
  const sections = [
    { title: m.statsByMonth, facts: stats.byMonth.map((b) => ({ title: monthName(b.month, m.formatLocale), value: String(b.count) })) },
    { title: m.statsBySource, facts: counts(stats.bySource, m.referrerRoles) },
    { title: m.statsByKind, facts: counts(stats.byKind, m.kinds) },
    { title: m.statsByStatus, facts: counts(stats.byStatus, m.statuses) },
    { title: m.statsByOutcome, facts: counts(stats.byOutcome, m.outcomes) },
    {
      title: m.statsLeadTimes,
      facts: [
        { title: m.statsToAccepted, value: lead(stats.leadTimes.intakeToAccepted) },
        { title: m.statsToClosed, value: lead(stats.leadTimes.intakeToClosed) },
      ],
    },
  ].filter((s) => s.facts.length > 0);
  return renderCard('mediation-statistics', { title: m.statsTitle, intro: m.statsIntro, totalLabel: m.statsTotal, total: String(stats.total), sections });
}
