import type { Sql } from '../../store/db.js';
import type { Period } from './dates.js';

export interface AuditRecord {
  at: string;
  gemeente: string;
  milestoneId: string;
  milestoneTitle: string;
  requestId: string;
  action: string;
  statusAfter: string;
  actorName: string;
  actorAadObjectId: string;
  comment: string;
  cardVersion: number;
  documents: { title: string; source?: string; url?: string; version?: string }[];
}

export interface AuditQuery {
  /** Limits the export to one tenant's records (the chat command always does). */
  tenantId?: string;
  gemeente: string;
  period: Period;
}

interface AuditRow {
  at: Date | string;
  gemeente: string;
  milestone_id: string;
  milestone_title: string;
  request_id: string;
  action: string;
  status_after: string;
  actor_name: string;
  actor_aad: string;
  comment: string | null;
  card_version: number;
  documents: AuditRecord['documents'] | string;
}

/** The audit of one gemeente over a period (days, half-open), oldest step first: what the archive gets. */
export async function auditRecords(db: Sql, query: AuditQuery): Promise<AuditRecord[]> {
  const rows = await db.query<AuditRow>(
    `SELECT at, gemeente, milestone_id, milestone_title, request_id, action, status_after, actor_name, actor_aad, comment, card_version, documents
     FROM approval_audit
     WHERE lower(gemeente) = lower($1) AND at >= $2::date AND at < $3::date AND ($4::text IS NULL OR tenant_id = $4)
     ORDER BY at, id`,
    [query.gemeente, query.period.from, query.period.to, query.tenantId ?? null],
  );
  return rows.map((r) => ({
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    gemeente: r.gemeente,
    milestoneId: r.milestone_id,
    milestoneTitle: r.milestone_title,
    requestId: r.request_id,
    action: r.action,
    statusAfter: r.status_after,
    actorName: r.actor_name,
    actorAadObjectId: r.actor_aad,
    comment: r.comment ?? '',
    cardVersion: Number(r.card_version),
    documents: typeof r.documents === 'string' ? JSON.parse(r.documents) : r.documents,
  }));
}

const csvColumns: (keyof AuditRecord)[] = [
  'at',
  'gemeente',
  'milestoneId',
  'milestoneTitle',
  'requestId',
  'action',
  'statusAfter',
  'actorName',
  'actorAadObjectId',
  'comment',
  'cardVersion',
  'documents',
];

function csvCell(value: unknown): string {
  let text = Array.isArray(value) ? value.map((d: { title: string; source?: string; version?: string }) => [d.title, d.source, d.version].filter(Boolean).join(' | ')).join('; ') : String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula; the archive must show it as text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, CRLF line ends. */
export function auditToCsv(records: readonly AuditRecord[]): string {
  const lines = [csvColumns.join(',')];
  for (const r of records) lines.push(csvColumns.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function auditToJson(query: AuditQuery, records: readonly AuditRecord[]): string {
  return JSON.stringify({ gemeente: query.gemeente, from: query.period.from, toExclusive: query.period.to, records }, null, 2);
}

/** For the dashboard and the CLI: the export in either format. */
export async function exportAudit(db: Sql, query: AuditQuery, format: 'csv' | 'json'): Promise<{ records: AuditRecord[]; content: string; mediaType: string }> {
  const records = await auditRecords(db, query);
  return format === 'csv' ? { records, content: auditToCsv(records), mediaType: 'text/csv' } : { records, content: auditToJson(query, records), mediaType: 'application/json' };
}
