/**
 * The fixed answer sets of the intake and the case life cycle. Values are stable codes stored in
 * the database and used in statistics; the texts a user reads come from the catalogue.
 */
export const referrerRoles = ['politie', 'woningcorporatie', 'gemeente', 'welzijn', 'bewoner'] as const;
export const conflictKinds = ['geluid', 'parkeren', 'erfgrens', 'huisdieren', 'kinderen', 'pesten', 'overig'] as const;
export const durations = ['korter-dan-maand', 'een-tot-zes-maanden', 'zes-tot-twaalf-maanden', 'langer-dan-jaar'] as const;
export const urgencies = ['normaal', 'hoog'] as const;
export const outcomes = ['opgelost', 'deels-opgelost', 'niet-opgelost', 'afgebroken'] as const;
export const caseStatuses = ['new', 'accepted', 'referred', 'not_suitable', 'closed'] as const;

export type ReferrerRole = (typeof referrerRoles)[number];
export type ConflictKind = (typeof conflictKinds)[number];
export type Duration = (typeof durations)[number];
export type Urgency = (typeof urgencies)[number];
export type Outcome = (typeof outcomes)[number];
export type CaseStatus = (typeof caseStatuses)[number];

/** The organisation role whose holders run the pilot's intake. */
export const COORDINATOR_ROLE = 'coordinator-buurtbemiddeling' as const;

/** Limits shared by the card (maxLength) and the server check. */
export const limits = {
  shortText: 200,
  description: 2000,
  tried: 2000,
  reason: 1000,
} as const;

// Same patterns as the card's `regex`, so the server agrees with what the client already checked.
export const postcodePattern = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
export const phonePattern = /^\+?[0-9][0-9 ()-]{8,18}$/;
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Phone or e-mail in one field, for the card's `regex` (the server checks the two patterns above). */
export const contactRegexSource = '^(\\+?[0-9][0-9 ()-]{8,18}|[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,})$';
