import { AppError } from '../../errors/app-error.js';
import type { Db, Sql } from '../../store/db.js';
import { findCaseById, findCaseByNumber, loadPersonalData, type CaseFacts, type CasePersonalData } from './case-records.js';

export type AccessPurpose = 'view' | 'export' | 'erase';

async function recordAccess(db: Sql, facts: CaseFacts, actorAadObjectId: string, purpose: AccessPurpose, now: Date): Promise<void> {
  await db.query('INSERT INTO mediation_access_log (case_id, tenant_id, actor_aad_object_id, purpose, created_at) VALUES ($1, $2, $3, $4, $5)', [
    facts.id,
    facts.tenantId,
    actorAadObjectId,
    purpose,
    now,
  ]);
}

/**
 * The coordinator's view of a case: its personal data, with the reading recorded in the access
 * log (AVG: who saw which person's data, when). The caller has checked the role.
 */
export async function readCaseForCoordinator(
  db: Db,
  input: { tenantId: string; caseId: number; actorAadObjectId: string; now: Date },
): Promise<{ case: CaseFacts; personal: CasePersonalData | undefined }> {
  const facts = await findCaseById(db, input.tenantId, input.caseId);
  if (!facts) throw new AppError('not_found', { status: 404, detail: `mediation case ${input.caseId} not in tenant` });
  const personal = await loadPersonalData(db, facts.id);
  if (personal) await recordAccess(db, facts, input.actorAadObjectId, 'view', input.now);
  return { case: facts, personal };
}

export interface CaseExport {
  caseNumber: string;
  exportedAt: string;
  facts: Omit<CaseFacts, 'id' | 'tenantId'>;
  personalData: CasePersonalData | null;
}

async function caseByNumber(db: Db, tenantId: string, caseNumber: string): Promise<CaseFacts> {
  const facts = await findCaseByNumber(db, tenantId, caseNumber);
  if (!facts) throw new AppError('mediation_case_not_found', { status: 404, params: { caseNumber }, detail: 'no such case in tenant' });
  return facts;
}

/** Everything stored about a case, for a data-subject request (AVG art. 15); recorded in the access log. */
export async function exportCase(db: Db, input: { tenantId: string; caseNumber: string; actorAadObjectId: string; now: Date }): Promise<CaseExport> {
  const facts = await caseByNumber(db, input.tenantId, input.caseNumber);
  const personal = await loadPersonalData(db, facts.id);
  await recordAccess(db, facts, input.actorAadObjectId, 'export', input.now);
  const { id: _id, tenantId: _tenant, ...rest } = facts;
  return { caseNumber: facts.caseNumber, exportedAt: input.now.toISOString(), facts: rest, personalData: personal ?? null };
}

/** Deletes the personal data of one case (AVG art. 17); the anonymous facts stay for statistics. */
export async function erasePersonalData(db: Db, input: { tenantId: string; caseNumber: string; actorAadObjectId: string; now: Date }): Promise<{ case: CaseFacts; erased: boolean }> {
  const facts = await caseByNumber(db, input.tenantId, input.caseNumber);
  const erased = await db.transaction(async (tx) => {
    const deleted = await tx.query('DELETE FROM mediation_personal_data WHERE case_id = $1 RETURNING case_id', [facts.id]);
    await tx.query('UPDATE mediation_cases SET personal_data_erased_at = COALESCE(personal_data_erased_at, $2), updated_at = $2 WHERE id = $1', [facts.id, input.now]);
    await recordAccess(tx, facts, input.actorAadObjectId, 'erase', input.now);
    return deleted.length > 0;
  });
  return { case: (await findCaseById(db, input.tenantId, facts.id)) ?? facts, erased };
}

/**
 * Retention: erases the personal data of every case closed (or found not suitable) more than
 * `retentionDays` ago. Runs daily; returns the number of cases whose data went.
 */
export async function eraseExpiredPersonalData(db: Db, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const deleted = await tx.query<{ case_id: number | string }>(
      `DELETE FROM mediation_personal_data p USING mediation_cases c
       WHERE p.case_id = c.id AND c.closed_at IS NOT NULL AND c.closed_at < $1
       RETURNING p.case_id`,
      [cutoff],
    );
    const ids = deleted.map((r) => Number(r.case_id));
    if (ids.length > 0) {
      await tx.query('UPDATE mediation_cases SET personal_data_erased_at = $2, updated_at = $2 WHERE id = ANY($1::bigint[])', [ids, now]);
    }
    return ids.length;
  });
}
