import type { Sql } from '../../store/db.js';
import type { IntakePersonalData } from './intake-schema.js';
import type { CaseStatus, ConflictKind, Duration, Outcome, ReferrerRole, Urgency } from './mediation-options.js';

/** The anonymous facts of a case: what statistics and the public card view are built from. */
export interface CaseFacts {
  id: number;
  tenantId: string;
  caseNumber: string;
  referrerRole: ReferrerRole;
  kinds: ConflictKind[];
  duration: Duration;
  urgency: Urgency;
  status: CaseStatus;
  outcome: Outcome | null;
  version: number;
  createdAt: Date;
  acceptedAt: Date | null;
  closedAt: Date | null;
  personalDataErasedAt: Date | null;
}

export interface CasePersonalData {
  intake: IntakePersonalData;
  volunteers: string[] | null;
  notSuitableReason: string | null;
}

interface CaseRow {
  id: number | string;
  tenant_id: string;
  case_number: string;
  referrer_role: ReferrerRole;
  kinds: ConflictKind[];
  duration: Duration;
  urgency: Urgency;
  status: CaseStatus;
  outcome: Outcome | null;
  version: number;
  created_at: Date;
  accepted_at: Date | null;
  closed_at: Date | null;
  personal_data_erased_at: Date | null;
}

export const caseColumns = 'id, tenant_id, case_number, referrer_role, kinds, duration, urgency, status, outcome, version, created_at, accepted_at, closed_at, personal_data_erased_at';

export function toCaseFacts(row: CaseRow): CaseFacts {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    caseNumber: row.case_number,
    referrerRole: row.referrer_role,
    kinds: row.kinds,
    duration: row.duration,
    urgency: row.urgency,
    status: row.status,
    outcome: row.outcome,
    version: row.version,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    personalDataErasedAt: row.personal_data_erased_at,
  };
}

export async function findCaseById(db: Sql, tenantId: string, id: number): Promise<CaseFacts | undefined> {
  const rows = await db.query<CaseRow>(`SELECT ${caseColumns} FROM mediation_cases WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] && toCaseFacts(rows[0]);
}

export async function findCaseByNumber(db: Sql, tenantId: string, caseNumber: string): Promise<CaseFacts | undefined> {
  const rows = await db.query<CaseRow>(`SELECT ${caseColumns} FROM mediation_cases WHERE tenant_id = $1 AND case_number = $2`, [tenantId, caseNumber]);
  return rows[0] && toCaseFacts(rows[0]);
}

/** Reads the personal part without logging access: callers record why they read it. */
export async function loadPersonalData(db: Sql, caseId: number): Promise<CasePersonalData | undefined> {
  const rows = await db.query<{ intake: IntakePersonalData; volunteers: string[] | null; not_suitable_reason: string | null }>(
    'SELECT intake, volunteers, not_suitable_reason FROM mediation_personal_data WHERE case_id = $1',
    [caseId],
  );
  const row = rows[0];
  return row && { intake: row.intake, volunteers: row.volunteers, notSuitableReason: row.not_suitable_reason };
}
