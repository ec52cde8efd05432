import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyCoordinatorAction } from '../../src/features/mediation/apply-coordinator-action.js';
import { loadPersonalData } from '../../src/features/mediation/case-records.js';
import { availableActions, nextStatus } from '../../src/features/mediation/case-state.js';
import { createCase } from '../../src/features/mediation/create-case.js';
import { validateIntake, type Intake } from '../../src/features/mediation/intake-schema.js';
import { mediationStatistics } from '../../src/features/mediation/mediation-statistics.js';
import { eraseExpiredPersonalData, erasePersonalData, exportCase, readCaseForCoordinator } from '../../src/features/mediation/personal-data-access.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { intakeInput } from './fixtures.js';

const TENANT = 'tenant-a';
const COORDINATOR = 'aad-coordinator';

function intake(overrides: Record<string, unknown> = {}): Intake {
  const result = validateIntake(intakeInput(overrides));
  if (result.kind !== 'valid') throw new Error(`fixture invalid: ${JSON.stringify(result)}`);
  return result.intake;
}

const at = (iso: string) => new Date(iso);

describe('case state machine', () => {
  it('allows only the transitions of the pilot', () => {
    expect(availableActions('new')).toEqual(['accept', 'referProfessional', 'notSuitable']);
    expect(availableActions('accepted')).toEqual(['referProfessional', 'notSuitable', 'close']);
    expect(availableActions('referred')).toEqual(['close']);
    expect(availableActions('closed')).toEqual([]);
    expect(availableActions('not_suitable')).toEqual([]);
    expect(nextStatus('new', 'close')).toBeUndefined();
    expect(nextStatus('accepted', 'close')).toBe('closed');
  });
});

describe('cases in the store', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestPglite();
  });
  afterEach(async () => {
    await db.close();
  });

  const create = (key: string, now = at('2026-03-02T10:00:00Z'), tenantId = TENANT, overrides: Record<string, unknown> = {}) =>
    createCase(db, { tenantId, referrerAadObjectId: 'aad-adviseur', idempotencyKey: key, intake: intake(overrides), now });

  it('numbers cases per tenant and year: BB-<year>-0001, 0002, and again 0001 in a new year or another tenant', async () => {
    expect((await create('k1')).case.caseNumber).toBe('BB-2026-0001');
    expect((await create('k2')).case.caseNumber).toBe('BB-2026-0002');
    expect((await create('k3', at('2027-01-01T08:00:00Z'))).case.caseNumber).toBe('BB-2027-0001');
    expect((await create('k4', at('2026-05-01T08:00:00Z'), 'tenant-b')).case.caseNumber).toBe('BB-2026-0001');
  });

  it('yields one case for the same idempotency key, also when both arrive at once', async () => {
    const first = await create('same');
    const again = await create('same');
    expect(again).toEqual({ case: first.case, created: false });
    const concurrent = await Promise.all([create('twice'), create('twice'), create('twice')]);
    expect(new Set(concurrent.map((r) => r.case.caseNumber)).size).toBe(1);
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_cases');
    expect(count[0]!.n).toBe(2);
    expect((await create('next')).case.caseNumber).toBe('BB-2026-0003');
  });

  it('stores personal data apart from the case facts', async () => {
    const { case: facts } = await create('k');
    const caseRow = await db.query('SELECT * FROM mediation_cases WHERE id = $1', [facts.id]);
    expect(JSON.stringify(caseRow)).not.toMatch(/Kleinjan|Vriezenveen|7671|98765432|bastonen/);
    const personal = await loadPersonalData(db, facts.id);
    expect(personal?.intake.partyAName).toBe('Hendrika Kleinjan-Oosterveld');
  });

  it('applies each coordinator action once per version and records it', async () => {
    const { case: c } = await create('k');
    const accept = { tenantId: TENANT, caseId: c.id, actorAadObjectId: COORDINATOR, now: at('2026-03-05T10:00:00Z') };
    const accepted = await applyCoordinatorAction(db, { ...accept, version: 1, command: { action: 'accept', volunteers: ['Vrijwilliger Een', 'Vrijwilliger Twee'] } });
    expect(accepted.applied).toBe(true);
    expect(accepted.case).toMatchObject({ status: 'accepted', version: 2 });
    // The same click delivered again: no second effect, no error.
    const replay = await applyCoordinatorAction(db, { ...accept, version: 1, command: { action: 'accept', volunteers: ['Vrijwilliger Een', 'Vrijwilliger Twee'] } });
    expect(replay).toMatchObject({ applied: false, case: { version: 2 } });
    // A stale click of another action is a conflict.
    await expect(applyCoordinatorAction(db, { ...accept, version: 1, command: { action: 'referProfessional' } })).rejects.toMatchObject({ code: 'conflict' });
    // An action that does not fit the status is refused.
    const closed = await applyCoordinatorAction(db, { ...accept, version: 2, now: at('2026-04-11T10:00:00Z'), command: { action: 'close', outcome: 'opgelost' } });
    expect(closed.case).toMatchObject({ status: 'closed', outcome: 'opgelost', version: 3 });
    await expect(applyCoordinatorAction(db, { ...accept, version: 3, command: { action: 'accept', volunteers: ['a', 'b'] } })).rejects.toMatchObject({ code: 'mediation_action_not_allowed' });
    const events = await db.query<{ action: string; from_status: string; to_status: string }>('SELECT action, from_status, to_status FROM mediation_events ORDER BY id');
    expect(events).toEqual([
      { action: 'accept', from_status: 'new', to_status: 'accepted' },
      { action: 'close', from_status: 'accepted', to_status: 'closed' },
    ]);
    expect((await loadPersonalData(db, c.id))?.volunteers).toEqual(['Vrijwilliger Een', 'Vrijwilliger Twee']);
  });

  it('lets concurrent clicks on one version have one effect', async () => {
    const { case: c } = await create('k');
    const click = (actor: string) =>
      applyCoordinatorAction(db, { tenantId: TENANT, caseId: c.id, version: 1, actorAadObjectId: actor, now: at('2026-03-05T10:00:00Z'), command: { action: 'referProfessional' } });
    const results = await Promise.allSettled([click('a'), click('b')]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.applied)).toHaveLength(1);
    const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_events');
    expect(events[0]!.n).toBe(1);
  });

  it('does not act on a case of another tenant', async () => {
    const { case: c } = await create('k');
    await expect(
      applyCoordinatorAction(db, { tenantId: 'tenant-b', caseId: c.id, version: 1, actorAadObjectId: COORDINATOR, now: at('2026-03-05T10:00:00Z'), command: { action: 'referProfessional' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await readCaseForCoordinator(db, { tenantId: TENANT, caseId: c.id, actorAadObjectId: COORDINATOR, now: at('2026-03-05T10:00:00Z') })).case.status).toBe('new');
  });

  it('records reading, export and erasure of personal data; facts stay after erasure', async () => {
    const { case: c } = await create('k');
    await readCaseForCoordinator(db, { tenantId: TENANT, caseId: c.id, actorAadObjectId: COORDINATOR, now: at('2026-03-03T09:00:00Z') });
    const exported = await exportCase(db, { tenantId: TENANT, caseNumber: c.caseNumber, actorAadObjectId: COORDINATOR, now: at('2026-03-04T09:00:00Z') });
    expect(exported.personalData?.intake.partyAName).toBe('Hendrika Kleinjan-Oosterveld');
    expect(exported.facts.kinds).toEqual(['geluid', 'erfgrens']);
    const erased = await erasePersonalData(db, { tenantId: TENANT, caseNumber: c.caseNumber, actorAadObjectId: COORDINATOR, now: at('2026-03-05T09:00:00Z') });
    expect(erased.erased).toBe(true);
    expect(erased.case.personalDataErasedAt).toEqual(at('2026-03-05T09:00:00Z'));
    expect(await loadPersonalData(db, c.id)).toBeUndefined();
    const log = await db.query<{ purpose: string; actor_aad_object_id: string }>('SELECT purpose, actor_aad_object_id FROM mediation_access_log ORDER BY id');
    expect(log).toEqual([
      { purpose: 'view', actor_aad_object_id: COORDINATOR },
      { purpose: 'export', actor_aad_object_id: COORDINATOR },
      { purpose: 'erase', actor_aad_object_id: COORDINATOR },
    ]);
    expect((await exportCase(db, { tenantId: TENANT, caseNumber: c.caseNumber, actorAadObjectId: COORDINATOR, now: at('2026-03-06T09:00:00Z') })).personalData).toBeNull();
    await expect(exportCase(db, { tenantId: 'tenant-b', caseNumber: c.caseNumber, actorAadObjectId: COORDINATOR, now: at('2026-03-06T09:00:00Z') })).rejects.toMatchObject({
      code: 'mediation_case_not_found',
    });
  });

  it('erases personal data only of cases closed longer ago than the retention period', async () => {
    const old = (await create('old')).case;
    const recent = (await create('recent')).case;
    const open = (await create('open')).case;
    const act = (id: number, version: number, now: string, command: Parameters<typeof applyCoordinatorAction>[1]['command']) =>
      applyCoordinatorAction(db, { tenantId: TENANT, caseId: id, version, actorAadObjectId: COORDINATOR, now: at(now), command });
    await act(old.id, 1, '2026-03-03T00:00:00Z', { action: 'notSuitable', reason: 'Partijen willen niet' });
    await act(recent.id, 1, '2026-03-03T00:00:00Z', { action: 'referProfessional' });
    await act(recent.id, 2, '2026-06-01T00:00:00Z', { action: 'close', outcome: 'deels-opgelost' });
    expect(await eraseExpiredPersonalData(db, at('2026-06-10T00:00:00Z'), 30)).toBe(1);
    expect(await loadPersonalData(db, old.id)).toBeUndefined();
    expect(await loadPersonalData(db, recent.id)).toBeDefined();
    expect(await loadPersonalData(db, open.id)).toBeDefined();
    expect(await eraseExpiredPersonalData(db, at('2026-06-10T00:00:00Z'), 30)).toBe(0);
    const stats = await mediationStatistics(db, { tenantId: TENANT });
    expect(stats.total).toBe(3);
    expect(stats.byStatus).toMatchObject({ new: 1, not_suitable: 1, closed: 1 });
  });

  it('computes statistics without personal data, per period', async () => {
    const a = (await create('a', at('2026-01-10T00:00:00Z'), TENANT, { referrerRole: 'woningcorporatie', kinds: 'geluid' })).case;
    const b = (await create('b', at('2026-02-01T00:00:00Z'), TENANT, { kinds: 'geluid,huisdieren' })).case;
    await create('c', at('2026-02-15T00:00:00Z'), 'tenant-b');
    const act = (id: number, version: number, now: string, command: Parameters<typeof applyCoordinatorAction>[1]['command']) =>
      applyCoordinatorAction(db, { tenantId: TENANT, caseId: id, version, actorAadObjectId: COORDINATOR, now: at(now), command });
    await act(a.id, 1, '2026-01-12T00:00:00Z', { action: 'accept', volunteers: ['x', 'y'] });
    await act(a.id, 2, '2026-01-30T00:00:00Z', { action: 'close', outcome: 'opgelost' });
    await act(b.id, 1, '2026-02-05T00:00:00Z', { action: 'accept', volunteers: ['x', 'y'] });
    const stats = await mediationStatistics(db, { tenantId: TENANT });
    expect(stats).toMatchObject({
      total: 2,
      byMonth: [
        { month: '2026-01', count: 1 },
        { month: '2026-02', count: 1 },
      ],
      bySource: { woningcorporatie: 1, politie: 1, gemeente: 0 },
      byKind: { geluid: 2, huisdieren: 1, parkeren: 0 },
      byStatus: { closed: 1, accepted: 1, new: 0 },
      byOutcome: { opgelost: 1 },
      leadTimes: { intakeToAccepted: { count: 2, averageDays: 3, medianDays: 3 }, intakeToClosed: { count: 1, averageDays: 20, medianDays: 20 } },
    });
    const february = await mediationStatistics(db, { tenantId: TENANT, from: at('2026-02-01T00:00:00Z'), to: at('2026-03-01T00:00:00Z') });
    expect(february.total).toBe(1);
    expect(JSON.stringify(stats)).not.toMatch(/Kleinjan|Vriezenveen|7671|Zwartveen/);
  });
});
