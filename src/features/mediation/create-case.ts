import type { Db, Sql } from '../../store/db.js';
import { caseColumns, toCaseFacts, type CaseFacts } from './case-records.js';
import { formatCaseNumber } from './case-number.js';
import { splitIntake, type Intake } from './intake-schema.js';

export interface CreateCaseInput {
  tenantId: string;
  referrerAadObjectId?: string;
  /** The card's client-generated key: the same submit twice yields the same case. */
  idempotencyKey: string;
  intake: Intake;
  now: Date;
}

/** Thrown inside the transaction when another delivery of the same submit won the race; rolls back the number taken. */
class DuplicateSubmit extends Error {}

async function findByKey(db: Sql, tenantId: string, key: string): Promise<CaseFacts | undefined> {
  const rows = await db.query<Parameters<typeof toCaseFacts>[0]>(`SELECT ${caseColumns} FROM mediation_cases WHERE tenant_id = $1 AND idempotency_key = $2`, [tenantId, key]);
  return rows[0] && toCaseFacts(rows[0]);
}

/**
 * Stores a valid referral as a case with the next number of the tenant and year. The counter row
 * is locked by the UPDATE until commit, so concurrent referrals get consecutive numbers; a second
 * delivery of the same submit finds the first case instead of making another.
 */
export async function createCase(db: Db, input: CreateCaseInput): Promise<{ case: CaseFacts; created: boolean }> {
  const existing = await findByKey(db, input.tenantId, input.idempotencyKey);
  if (existing) return { case: existing, created: false };
  const { facts, personal } = splitIntake(input.intake);
  const year = input.now.getUTCFullYear();
  try {
    const created = await db.transaction(async (tx) => {
      const counter = await tx.query<{ last_number: number }>(
        `INSERT INTO mediation_case_counters (tenant_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = mediation_case_counters.last_number + 1
         RETURNING last_number`,
        [input.tenantId, year],
      );
      const caseNumber = formatCaseNumber(year, counter[0]!.last_number);
      const rows = await tx.query<Parameters<typeof toCaseFacts>[0]>(
        `INSERT INTO mediation_cases (tenant_id, case_number, idempotency_key, referrer_aad_object_id, referrer_role, kinds, duration, urgency, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $9)
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
         RETURNING ${caseColumns}`,
        [input.tenantId, caseNumber, input.idempotencyKey, input.referrerAadObjectId ?? null, facts.referrerRole, facts.kinds, facts.duration, facts.urgency, input.now],
      );
      const row = rows[0];
      if (!row) throw new DuplicateSubmit();
      await tx.query('INSERT INTO mediation_personal_data (case_id, intake, updated_at) VALUES ($1, $2::jsonb, $3)', [row.id, JSON.stringify(personal), input.now]);
      return toCaseFacts(row);
    });
    return { case: created, created: true };
  } catch (error) {
    if (!(error instanceof DuplicateSubmit) && (error as { code?: string }).code !== '23505') throw error;
    const winner = await findByKey(db, input.tenantId, input.idempotencyKey);
    if (!winner) throw error;
    return { case: winner, created: false };
  }
}
