import { z } from 'zod';
import { conflictKinds, durations, emailPattern, limits, phonePattern, postcodePattern, referrerRoles, urgencies } from './mediation-options.js';

/** What can be wrong with one field; the feature turns each into a catalogue text. */
export type FieldErrorCode = 'required' | 'invalidChoice' | 'postcode' | 'contact' | 'tooLong' | 'consent';

const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.unknown());

function requiredText(max: number = limits.shortText) {
  return trimmed.pipe(z.string({ error: 'required' }).min(1, { error: 'required' }).max(max, { error: 'tooLong' }));
}

function optionalText(max: number = limits.shortText) {
  return trimmed.pipe(
    z
      .string({ error: 'required' })
      .max(max, { error: 'tooLong' })
      .optional()
      .transform((v) => (v ? v : undefined)),
  );
}

function choice<T extends readonly [string, ...string[]]>(values: T) {
  return trimmed.pipe(
    z
      .string({ error: 'required' })
      .min(1, { error: 'required' })
      .pipe(z.enum(values, { error: 'invalidChoice' })),
  );
}

const isContact = (v: string) => phonePattern.test(v) || emailPattern.test(v);
const normalisePostcode = (v: string) => `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`;

const requiredContact = requiredText().refine(isContact, { error: 'contact' });
const optionalContact = optionalText().refine((v) => v === undefined || isContact(v), { error: 'contact' });
const requiredPostcode = requiredText(7)
  .refine((v) => postcodePattern.test(v), { error: 'postcode' })
  .transform(normalisePostcode);
const optionalPostcode = optionalText(7)
  .refine((v) => v === undefined || postcodePattern.test(v), { error: 'postcode' })
  .transform((v) => (v === undefined ? undefined : normalisePostcode(v)));

/** An Input.Toggle sends "true"/"false"; a JSON client may send a boolean. */
const toggle = z.preprocess((v) => v === true || v === 'true', z.boolean());

/** The multi-select ChoiceSet sends "geluid,parkeren"; a JSON client may send an array. */
const kindsField = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v),
  z
    .array(z.string().trim(), { error: 'required' })
    .transform((list) => [...new Set(list.filter((k) => k !== ''))])
    .pipe(z.array(z.enum(conflictKinds, { error: 'invalidChoice' })).min(1, { error: 'required' })),
);

/** The strict shape of a complete referral. Personal and non-personal fields are split after validation. */
export const intakeSchema = z.object({
  referrerRole: choice(referrerRoles),
  referrerName: requiredText(),
  referrerContact: requiredContact,
  partyAName: requiredText(),
  partyAAddress: requiredText(),
  partyAPostcode: requiredPostcode,
  partyAContact: requiredContact,
  partyBName: optionalText(),
  partyBAddress: optionalText(),
  partyBPostcode: optionalPostcode,
  partyBContact: optionalContact,
  kinds: kindsField,
  duration: choice(durations),
  tried: optionalText(limits.tried),
  description: requiredText(limits.description),
  violence: toggle,
  consent: toggle.refine((v) => v, { error: 'consent' }),
  urgency: choice(urgencies),
});

export type Intake = z.infer<typeof intakeSchema>;
export type IntakeField = keyof Intake;
export const intakeFields = Object.keys(intakeSchema.shape) as IntakeField[];

/** The personal part of a referral: stored apart from the case facts, erased after the retention period. */
export type IntakePersonalData = Pick<
  Intake,
  | 'referrerName'
  | 'referrerContact'
  | 'partyAName'
  | 'partyAAddress'
  | 'partyAPostcode'
  | 'partyAContact'
  | 'partyBName'
  | 'partyBAddress'
  | 'partyBPostcode'
  | 'partyBContact'
  | 'tried'
  | 'description'
>;
/** The anonymous facts of a referral, kept for statistics. */
export type IntakeFacts = Pick<Intake, 'referrerRole' | 'kinds' | 'duration' | 'urgency'>;

export function splitIntake(intake: Intake): { facts: IntakeFacts; personal: IntakePersonalData } {
  const { referrerRole, kinds, duration, urgency, violence: _violence, consent: _consent, ...personal } = intake;
  return { facts: { referrerRole, kinds, duration, urgency }, personal };
}

export type IntakeValidation = { kind: 'valid'; intake: Intake } | { kind: 'violence' } | { kind: 'invalid'; fieldErrors: Partial<Record<IntakeField, FieldErrorCode>> };

/**
 * Checks a submitted intake, whatever the card already checked. Violence or threat is decisive
 * before anything else: such a case never belongs to buurtbemiddeling, however complete the form.
 */
export function validateIntake(raw: Record<string, unknown>): IntakeValidation {
  if (toggle.parse(raw.violence)) return { kind: 'violence' };
  const parsed = intakeSchema.safeParse(raw);
  if (parsed.success) return { kind: 'valid', intake: parsed.data };
  const fieldErrors: Partial<Record<IntakeField, FieldErrorCode>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as IntakeField | undefined;
    if (!field || fieldErrors[field]) continue;
    const code = issue.message as FieldErrorCode;
    fieldErrors[field] = (['required', 'invalidChoice', 'postcode', 'contact', 'tooLong', 'consent'] as string[]).includes(code) ? code : 'required';
  }
  return { kind: 'invalid', fieldErrors };
}
