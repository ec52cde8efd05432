import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { applyCoordinatorAction } from '../../src/features/mediation/apply-coordinator-action.js';
import { createCase } from '../../src/features/mediation/create-case.js';
import { validateIntake, type Intake } from '../../src/features/mediation/intake-schema.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import type { Db } from '../../src/store/db.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { intakeInput } from './fixtures.js';

const valid = validateIntake(intakeInput());
if (valid.kind !== 'valid') throw new Error('fixture invalid');
const intake: Intake = valid.intake;
const now = new Date('2026-03-02T10:00:00Z');

describe('case numbering and once-only on PostgreSQL (real concurrent connections)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.open();
    await migrate(db, migrations, createLogger('silent'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('gives 20 concurrent referrals 20 consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => createCase(db, { tenantId: 'pg-a', idempotencyKey: `key-${i}`, intake, now })));
    const numbers = results.map((r) => r.case.caseNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `BB-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('turns the same submit delivered 5 times at once into one case, without using up a number', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => createCase(db, { tenantId: 'pg-b', idempotencyKey: 'dup', intake, now })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.case.caseNumber))).toEqual(new Set(['BB-2026-0001']));
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM mediation_cases WHERE tenant_id = 'pg-b'");
    expect(rows[0]!.n).toBe(1);
    expect((await createCase(db, { tenantId: 'pg-b', idempotencyKey: 'other', intake, now })).case.caseNumber).toBe('BB-2026-0002');
  });

  it('lets concurrent clicks on one card version have exactly one effect', async () => {
    const { case: c } = await createCase(db, { tenantId: 'pg-c', idempotencyKey: 'x', intake, now });
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((actor) => applyCoordinatorAction(db, { tenantId: 'pg-c', caseId: c.id, version: 1, actorAadObjectId: actor, now, command: { action: 'referProfessional' } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.applied)).toHaveLength(1);
    const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_events WHERE case_id = $1', [c.id]);
    expect(events[0]!.n).toBe(1);
  });
});
