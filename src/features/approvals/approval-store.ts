import type { Sql } from '../../store/db.js';
import type { Role } from '../../organisation/organisation-schema.js';
import type { ApprovalStatus } from './approval-state.js';
import type { LinkedDocument } from './milestone-schema.js';

export interface Person {
  name: string;
  aadObjectId: string;
  /** Teams user id (MRI), when known. */
  userId?: string;
}

export interface ApprovalRequest {
  id: string;
  tenantId: string;
  gemeente: string;
  milestoneId: string;
  milestoneTitle: string;
  plannedDate: string;
  approverRole: Role;
  status: ApprovalStatus;
  version: number;
  requester: Person;
  note?: string;
  documents: LinkedDocument[];
  summary?: string;
  conversationId: string;
  decidedBy?: { name: string; aadObjectId: string };
  decidedAt?: Date;
  decisionComment?: string;
  requestedAt: Date;
  updatedAt: Date;
  remindedAt?: Date;
}

interface RequestRow {
  id: string;
  tenant_id: string;
  gemeente: string;
  milestone_id: string;
  milestone_title: string;
  planned_date: string;
  approver_role: Role;
  status: ApprovalStatus;
  version: number;
  requester_aad: string;
  requester_name: string;
  requester_user_id: string | null;
  note: string | null;
  documents: LinkedDocument[];
  summary: string | null;
  conversation_id: string;
  decided_by_name: string | null;
  decided_by_aad: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  requested_at: Date;
  updated_at: Date;
  reminded_at: Date | null;
}

/** Every column, with the date as text so no driver moves it across a time zone. */
export const requestColumns = `id, tenant_id, gemeente, milestone_id, milestone_title, planned_date::text AS planned_date, approver_role, status, version,
  requester_aad, requester_name, requester_user_id, note, documents, summary, conversation_id, decided_by_name, decided_by_aad, decided_at,
  decision_comment, requested_at, updated_at, reminded_at`;

const asDate = (v: Date | string | null): Date | undefined => (v === null ? undefined : v instanceof Date ? v : new Date(v));

export function toRequest(row: RequestRow): ApprovalRequest {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    gemeente: row.gemeente,
    milestoneId: row.milestone_id,
    milestoneTitle: row.milestone_title,
    plannedDate: row.planned_date,
    approverRole: row.approver_role,
    status: row.status,
    version: Number(row.version),
    requester: { name: row.requester_name, aadObjectId: row.requester_aad, userId: row.requester_user_id ?? undefined },
    note: row.note ?? undefined,
    documents: typeof row.documents === 'string' ? (JSON.parse(row.documents) as LinkedDocument[]) : row.documents,
    summary: row.summary ?? undefined,
    conversationId: row.conversation_id,
    decidedBy: row.decided_by_aad ? { name: row.decided_by_name ?? '', aadObjectId: row.decided_by_aad } : undefined,
    decidedAt: asDate(row.decided_at),
    decisionComment: row.decision_comment ?? undefined,
    requestedAt: asDate(row.requested_at)!,
    updatedAt: asDate(row.updated_at)!,
    remindedAt: asDate(row.reminded_at),
  };
}

export async function findRequest(db: Sql, id: string, lock = false): Promise<ApprovalRequest | undefined> {
  const rows = await db.query<RequestRow>(`SELECT ${requestColumns} FROM approval_requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toRequest(rows[0]) : undefined;
}

export async function selectRequests(db: Sql, where: string, params: unknown[]): Promise<ApprovalRequest[]> {
  const rows = await db.query<RequestRow>(`SELECT ${requestColumns} FROM approval_requests WHERE ${where}`, params);
  return rows.map(toRequest);
}

export async function updateRequest(db: Sql, setAndWhere: string, params: unknown[]): Promise<ApprovalRequest | undefined> {
  const rows = await db.query<RequestRow>(`UPDATE approval_requests SET ${setAndWhere} RETURNING ${requestColumns}`, params);
  return rows[0] ? toRequest(rows[0]) : undefined;
}

export interface AuditEntry {
  request: ApprovalRequest;
  action: string;
  actor: { name: string; aadObjectId: string };
  at: Date;
  comment?: string;
  cardVersion: number;
}

/** The only write to the audit: an INSERT (the table refuses UPDATE and DELETE). */
export async function appendAudit(db: Sql, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO approval_audit (request_id, tenant_id, gemeente, milestone_id, milestone_title, action, status_after, actor_name, actor_aad, at, comment, card_version, documents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)`,
    [
      entry.request.id,
      entry.request.tenantId,
      entry.request.gemeente,
      entry.request.milestoneId,
      entry.request.milestoneTitle,
      entry.action,
      entry.request.status,
      entry.actor.name,
      entry.actor.aadObjectId,
      entry.at,
      entry.comment ?? null,
      entry.cardVersion,
      JSON.stringify(entry.request.documents),
    ],
  );
}
