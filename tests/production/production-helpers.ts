import type { Db } from '../../src/store/db.js';

/** The tables whose rows are the bot's confirmed work: cases, approvals, milestones, steering groups, answers. */
export const FEATURE_TABLES = [
  'approval_milestones',
  'approval_requests',
  'posted_cards',
  'approval_audit',
  'mediation_cases',
  'mediation_personal_data',
  'mediation_events',
  'steering_groups',
  'scheduled_runs',
  'summary_uploads',
  'llm_answers',
  'llm_feedback',
] as const;

/** Row count and an md5 over the rows of every feature table: equal fingerprints mean nothing changed. */
export async function storeFingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of FEATURE_TABLES) {
    const [row] = await db.query<{ n: number; sum: string | null }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`);
    out[table] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

export async function count(db: Db, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row!.n;
}

export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
