import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCoordinatorAction } from '../../src/features/mediation/apply-coordinator-action.js';
import { createCase } from '../../src/features/mediation/create-case.js';
import { validateIntake } from '../../src/features/mediation/intake-schema.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { organisationWithOtherTenant } from '../helpers/organisation-file.js';
import { firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { OTHER_TENANT_ID, personas } from '../helpers/teams-activity.js';
import { intakeInput, personalValues } from './fixtures.js';
import { COORDINATOR_CHANNEL, action, answeredCard, findElement, input, visibleText } from './protocol-helpers.js';

const { adviseur, coordinator, stuurgroep } = personas;

async function referCase(bot: TestBot): Promise<{ caseId: number; caseNumber: string; activityId: string }> {
  const posts = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL).length;
  const res = await bot.act('mediation.submit', intakeInput(), { from: adviseur });
  const caseNumber = visibleText(answeredCard(res)).match(/BB-\d{4}-\d{4}/)![0];
  // The card is posted, and its activity id stored, by deferred work after the answer.
  await bot.settled();
  expect(bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL)).toHaveLength(posts + 1);
  const [row] = await bot.db.query<{ id: number; activity_id: string }>(
    "SELECT c.id, p.activity_id FROM mediation_cases c JOIN posted_cards p ON p.subject = 'mediation-case:' || c.id::text WHERE c.case_number = $1",
    [caseNumber],
  );
  if (!row) throw new Error(`no posted card stored for ${caseNumber}`);
  return { caseId: Number(row.id), caseNumber, activityId: row.activity_id };
}

async function eventCount(bot: TestBot, caseId: number): Promise<number> {
  return (await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_events WHERE case_id = $1', [caseId]))[0]!.n;
}

describe('coordinator actions on the case card', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      env: {
        MEDIATION_COORDINATOR_CONVERSATION_ID: COORDINATOR_CHANNEL,
        ORGANISATION_FILE: organisationWithOtherTenant([{ persona: coordinator, name: 'Coördinator elders', roles: ['coordinator-buurtbemiddeling'] }]),
      },
    });
    await bot.say('help', { from: coordinator, conversation: 'channel' });
    await bot.say('statistieken buurtbemiddeling', { from: coordinator });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('shows the coordinator the personal data on refresh and records the reading; others see number, kind and urgency only', async () => {
    const { caseId, caseNumber } = await referCase(bot);
    const view = answeredCard(await bot.act('mediation.refresh', { caseId }, { from: coordinator, conversation: 'channel', trigger: 'automatic' }));
    const text = visibleText(view);
    // card markdown does not read a hyphen inside a name: it is shown as typed, without a backslash
    expect(text).toContain('Hendrika Kleinjan-Oosterveld');
    expect(text).toContain('Vertrouwelijk');
    expect(action(view, 'mediation.accept')!.data).toEqual({ caseId, version: 1 });
    expect(input(view, 'volunteer1')).toMatchObject({ isRequired: true, label: 'Vrijwilliger 1' });
    const log = await bot.db.query<{ actor_aad_object_id: string; purpose: string }>('SELECT actor_aad_object_id, purpose FROM mediation_access_log WHERE case_id = $1', [caseId]);
    expect(log).toEqual([{ actor_aad_object_id: coordinator.aadObjectId, purpose: 'view' }]);

    const other = answeredCard(await bot.act('mediation.refresh', { caseId }, { from: stuurgroep, conversation: 'channel', trigger: 'manual' }));
    const otherText = visibleText(other);
    expect(otherText).toContain(caseNumber);
    expect(otherText).toContain('Geluid, Erfgrens / tuin');
    for (const value of personalValues) expect(JSON.stringify(other)).not.toContain(value);
    expect(action(other, 'mediation.accept')).toBeUndefined();
    expect((await bot.db.query('SELECT 1 FROM mediation_access_log WHERE case_id = $1', [caseId])).length).toBe(1);
  });

  it('accepts with two volunteers: one effect per click, recorded, card updated in place for everyone', async () => {
    const { caseId, activityId } = await referCase(bot);
    const data = { caseId, version: 1, volunteer1: 'Anne', volunteer2: 'Bas' };
    const view = answeredCard(await bot.act('mediation.accept', data, { from: coordinator, conversation: 'channel' }));
    expect(visibleText(view)).toContain('Aangenomen, vrijwilligers gekoppeld');
    expect(visibleText(view)).toContain('Vrijwilligers: Anne, Bas');
    expect(action(view, 'mediation.close')!.data).toEqual({ caseId, version: 2 });
    const [update] = await bot.connector.waitFor((c) => c.method === 'PUT' && c.activityId === activityId);
    const updated = (update!.body.attachments as any[])[0].content;
    expect(updated.refresh.userIds).toEqual([coordinator.id]);
    expect(JSON.stringify(updated)).not.toContain('Anne');
    // The same click delivered again (Teams retry): the current card, no second effect.
    const replay = answeredCard(await bot.act('mediation.accept', data, { from: coordinator, conversation: 'channel' }));
    expect(visibleText(replay)).toContain('Aangenomen');
    expect(await eventCount(bot, caseId)).toBe(1);
    const events = await bot.db.query<{ action: string; actor_aad_object_id: string }>('SELECT action, actor_aad_object_id FROM mediation_events WHERE case_id = $1', [caseId]);
    expect(events).toEqual([{ action: 'accept', actor_aad_object_id: coordinator.aadObjectId }]);
  });

  it('closes with an outcome; a stale card cannot act again', async () => {
    const { caseId } = await referCase(bot);
    answeredCard(await bot.act('mediation.referProfessional', { caseId, version: 1 }, { from: coordinator }));
    const closed = answeredCard(await bot.act('mediation.close', { caseId, version: 2, outcome: 'deels-opgelost' }, { from: coordinator }));
    expect(visibleText(closed)).toContain('Uitkomst: Deels opgelost');
    expect(action(closed, 'mediation.accept')).toBeUndefined();
    expect(action(closed, 'mediation.close')).toBeUndefined();
    const stale = await bot.act('mediation.notSuitable', { caseId, version: 1, reason: 'te laat' }, { from: coordinator });
    expect(stale.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'conflict' } });
    expect(await eventCount(bot, caseId)).toBe(2);
  });

  it('marks not suitable only with a reason', async () => {
    const { caseId } = await referCase(bot);
    const missing = await bot.act('mediation.notSuitable', { caseId, version: 1, reason: '  ' }, { from: coordinator });
    expect(missing.body.value).toMatchObject({ code: 'mediation_action_incomplete', message: expect.stringContaining('Reden') });
    const view = answeredCard(await bot.act('mediation.notSuitable', { caseId, version: 1, reason: 'Partijen willen **niet**' }, { from: coordinator }));
    expect(visibleText(view)).toContain('Reden niet geschikt: Partijen willen \\*\\*niet\\*\\*');
    expect(visibleText(view)).toContain('Niet geschikt voor buurtbemiddeling');
  });

  it('refuses a coordinator action from a non-coordinator, from another tenant, and forged data; nothing changes', async () => {
    const { caseId } = await referCase(bot);
    const byAdviseur = await bot.act('mediation.accept', { caseId, version: 1, volunteer1: 'A', volunteer2: 'B' }, { from: adviseur });
    expect(byAdviseur.body).toMatchObject({ statusCode: 400, value: { code: 'mediation_coordinator_only', message: 'Alleen de coördinator buurtbemiddeling mag dit doen.' } });
    const fromOtherTenant = await bot.act('mediation.referProfessional', { caseId, version: 1 }, { from: coordinator, tenantId: OTHER_TENANT_ID });
    expect(fromOtherTenant.body.value).toMatchObject({ code: 'not_found', message: 'Dat is niet gevonden.' });
    const refreshOtherTenant = await bot.act('mediation.refresh', { caseId }, { from: coordinator, tenantId: OTHER_TENANT_ID });
    expect(refreshOtherTenant.body.value.code).toBe('not_found');
    const forgedVersion = await bot.act('mediation.referProfessional', { caseId, version: 'abc' }, { from: coordinator });
    expect(forgedVersion.body.value.code).toBe('unknown_action');
    const futureVersion = await bot.act('mediation.referProfessional', { caseId, version: 7 }, { from: coordinator });
    expect(futureVersion.body.value.code).toBe('conflict');
    const noCase = await bot.act('mediation.referProfessional', { caseId: 999_999, version: 1 }, { from: coordinator });
    expect(noCase.body.value.code).toBe('not_found');
    const badOutcome = await bot.act('mediation.close', { caseId, version: 1, outcome: 'gewonnen' }, { from: coordinator });
    expect(badOutcome.body.value.code).toBe('mediation_action_incomplete');
    expect(await eventCount(bot, caseId)).toBe(0);
    const row = (await bot.db.query<{ status: string; version: number }>('SELECT status, version FROM mediation_cases WHERE id = $1', [caseId]))[0];
    expect(row).toEqual({ status: 'new', version: 1 });
  });

  it('exports a case as JSON for a data-subject request in the personal chat only, and erases on request', async () => {
    const { caseId, caseNumber } = await referCase(bot);
    const inChannel = await bot.say(`exporteer zaak ${caseNumber}`, { from: coordinator, conversation: 'channel' });
    expect(inChannel[0]!.text).toContain('persoonlijk gesprek');
    const byAdviseur = await bot.say(`exporteer zaak ${caseNumber}`, { from: adviseur });
    expect(byAdviseur[0]!.text).toBe('Alleen de coördinator buurtbemiddeling mag dit doen.');
    const [exported] = await bot.say(`exporteer zaak ${caseNumber}`, { from: coordinator });
    const json = JSON.parse(exported!.text!.match(/```json\n([\s\S]*)\n```/)![1]!);
    expect(json).toMatchObject({
      caseNumber,
      facts: { status: 'new', kinds: ['geluid', 'erfgrens'] },
      personalData: { intake: { partyAName: 'Hendrika Kleinjan-Oosterveld', partyAPostcode: '7671 PQ' } },
    });

    const [erased] = await bot.say(`wis persoonsgegevens ${caseNumber}`, { from: coordinator });
    expect(erased!.text).toContain(`De persoonsgegevens van zaak ${caseNumber} zijn gewist`);
    expect(await bot.db.query('SELECT 1 FROM mediation_personal_data WHERE case_id = $1', [caseId])).toHaveLength(0);
    expect((await bot.db.query('SELECT 1 FROM mediation_cases WHERE id = $1', [caseId])).length).toBe(1);
    const view = answeredCard(await bot.act('mediation.refresh', { caseId }, { from: coordinator }));
    expect(visibleText(view)).toContain('zijn gewist');
    expect(JSON.stringify(view)).not.toContain('Kleinjan');
    const purposes = (await bot.db.query<{ purpose: string }>('SELECT purpose FROM mediation_access_log WHERE case_id = $1 ORDER BY id', [caseId])).map((r) => r.purpose);
    expect(purposes).toEqual(['export', 'erase']);
    const unknown = await bot.say('exporteer zaak BB-1999-0001', { from: coordinator });
    expect(unknown[0]!.text).toBe('Zaak BB-1999-0001 is niet gevonden.');
  });

  it('answers "hoe gaat het met buurtbemiddeling?" with statistics without personal data', async () => {
    const card = firstCard(await bot.say('hoe gaat het met buurtbemiddeling?', { from: stuurgroep }));
    const text = visibleText(card);
    expect(text).toContain('Buurtbemiddeling in cijfers');
    const total = Number(text.match(/Aantal aanmeldingen: (\d+)/)![1]);
    const stored = (await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_cases'))[0]!.n;
    expect(total).toBe(stored);
    expect(text).toContain('Politie: ');
    expect(text).toContain('Aanmelding tot afsluiting');
    for (const value of personalValues) expect(JSON.stringify(card)).not.toContain(value);
    const stranger = await bot.say('statistieken buurtbemiddeling', { from: { id: 'user-x', name: 'X', aadObjectId: 'unknown-aad' } });
    expect(stranger[0]!.text).toContain('geen rechten');
  });
});

describe('without a configured coordinator conversation', () => {
  it("posts the case card to each coordinator's personal chat", async () => {
    const bot = await startTestBot();
    try {
      await bot.say('statistieken buurtbemiddeling', { from: coordinator });
      answeredCard(await bot.act('mediation.submit', intakeInput(), { from: adviseur }));
      const [post] = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === `a:personal-${coordinator.id}`);
      const card = (post!.body.attachments as any[])[0].content;
      expect(card.refresh.userIds).toEqual([coordinator.id]);
      expect(JSON.stringify(card)).not.toContain('Kleinjan');
      expect(findElement(card, (n) => n.verb === 'mediation.refresh')).toBeDefined();
    } finally {
      await bot.close();
    }
  });
});

describe('retention', () => {
  it('erases personal data of cases closed longer ago than MEDIATION_RETENTION_DAYS when the bot starts, keeping the facts', async () => {
    const db = await openTestPglite();
    const valid = validateIntake(intakeInput());
    if (valid.kind !== 'valid') throw new Error('fixture invalid');
    const tenantId = '00000000-0000-0000-0000-00000000d0e0';
    const old = await createCase(db, { tenantId, idempotencyKey: 'old', intake: valid.intake, now: new Date('2026-01-05T00:00:00Z') });
    await applyCoordinatorAction(db, {
      tenantId,
      caseId: old.case.id,
      version: 1,
      actorAadObjectId: coordinator.aadObjectId,
      now: new Date('2026-01-06T00:00:00Z'),
      command: { action: 'notSuitable', reason: 'x' },
    });
    const open = await createCase(db, { tenantId, idempotencyKey: 'open', intake: valid.intake, now: new Date('2026-01-05T00:00:00Z') });
    const bot = await startTestBot({ db, env: { MEDIATION_RETENTION_DAYS: '30' }, now: () => new Date('2026-03-01T00:00:00Z') });
    try {
      // The scheduler looks once at start; today's retention slot has not run yet, so it runs now.
      await bot.settled();
      const left = await db.query<{ case_id: number }>('SELECT case_id FROM mediation_personal_data');
      expect(left.map((r) => Number(r.case_id))).toEqual([open.case.id]);
      expect((await db.query('SELECT 1 FROM mediation_cases')).length).toBe(2);
      expect(bot.logs.some((l) => l.msg === 'mediation retention erased personal data' && l.erased === 1)).toBe(true);
    } finally {
      await bot.close();
      await db.close();
    }
  });
});
