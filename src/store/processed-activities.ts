import { createHash } from 'node:crypto';
import { BatchedLookup } from './batched-lookup.js';
import type { Sql } from './db.js';

/**
 * What a duplicate delivery of an invoke is answered with. An answer that may show personal data
 * is never kept (AVG: erasure must reach every copy): `rerun` says the handler, idempotent, runs
 * again and shows the data as it is now.
 */
export type StoredInvokeResponse = { status: number; body: unknown; rerun?: undefined } | { status: number; body?: undefined; rerun: true };

export type Claim = { kind: 'first' } | { kind: 'done'; response?: StoredInvokeResponse } | { kind: 'in-flight' };

/**
 * Which activities were already handled, shared by every instance through the store. Teams may
 * deliver one activity twice (a retry after a slow answer, or to two instances); the first
 * delivery claims the key with an insert, so exactly one of any number of concurrent deliveries
 * runs the handler. A claim whose handler never finished (the process died) may be taken over
 * after `staleAfterMs`.
 */
export class ProcessedActivities {
  // Under load the messages of many turns are claimed with one insert.
  private readonly messageClaims: BatchedLookup<string, boolean>;

  constructor(
    private readonly db: Sql,
    private readonly staleAfterMs = 60_000,
  ) {
    this.messageClaims = new BatchedLookup(async (keys) => {
      const inserted = await db.query<{ activity_key: string }>(
        'INSERT INTO processed_activities (activity_key, done) SELECT unnest($1::text[]), true ON CONFLICT (activity_key) DO NOTHING RETURNING activity_key',
        [keys],
      );
      return new Map(inserted.map((row) => [row.activity_key, true]));
    });
  }

  /** conversation id and activity id, hashed: both are caller-chosen strings of up to 1000 characters. */
  static key(conversationId: string, activityId: string): string {
    return createHash('sha256').update(`${conversationId}|${activityId}`).digest('base64url');
  }

  async claim(key: string): Promise<Claim> {
    const inserted = await this.db.query('INSERT INTO processed_activities (activity_key) VALUES ($1) ON CONFLICT (activity_key) DO NOTHING RETURNING activity_key', [key]);
    if (inserted.length > 0) return { kind: 'first' };
    const takenOver = await this.db.query(
      `UPDATE processed_activities SET created_at = now()
       WHERE activity_key = $1 AND NOT done AND created_at < now() - ($2::int * interval '1 millisecond') RETURNING activity_key`,
      [key, this.staleAfterMs],
    );
    if (takenOver.length > 0) return { kind: 'first' };
    return this.peek(key);
  }

  /**
   * A message needs no stored answer: its claim is written as done at once (one write per message
   * instead of two); a failed handler `forget`s it so a redelivery may try again.
   */
  async claimMessage(key: string): Promise<Claim> {
    const claimed = await this.messageClaims.get([key]);
    // A key delivered twice in one batch is inserted once: only the first of its callers may run.
    if (claimed.get(key) !== true) return { kind: 'done' };
    claimed.set(key, false);
    return { kind: 'first' };
  }

  async forget(key: string): Promise<void> {
    await this.db.query('DELETE FROM processed_activities WHERE activity_key = $1', [key]);
  }

  async peek(key: string): Promise<Claim> {
    const rows = await this.db.query<{ done: boolean; response: StoredInvokeResponse | null }>('SELECT done, response FROM processed_activities WHERE activity_key = $1', [key]);
    const row = rows[0];
    if (!row) return { kind: 'in-flight' };
    return row.done ? { kind: 'done', response: row.response ?? undefined } : { kind: 'in-flight' };
  }

  /** The handler finished: later deliveries are skipped (messages) or answered with `response` (invokes). */
  async complete(key: string, response?: StoredInvokeResponse): Promise<void> {
    await this.db.query('UPDATE processed_activities SET done = true, response = $2::jsonb WHERE activity_key = $1', [key, response ? JSON.stringify(response) : null]);
  }

  /** The handler failed before any effect was confirmed: a redelivery may try again. */
  async release(key: string): Promise<void> {
    await this.db.query('DELETE FROM processed_activities WHERE activity_key = $1 AND NOT done', [key]);
  }

  /** Stored answers that mention `text` (a case number) become a rerun reference: erasure reaches them too. */
  async forgetResponsesMentioning(text: string): Promise<number> {
    const rows = await this.db.query(
      `UPDATE processed_activities SET response = jsonb_build_object('status', response->'status', 'rerun', true)
       WHERE response IS NOT NULL AND NOT (response ? 'rerun') AND strpos(response::text, $1) > 0 RETURNING activity_key`,
      [text],
    );
    return rows.length;
  }

  /** Teams redelivers within minutes; a week of keys is plenty. */
  async prune(olderThanDays = 7): Promise<number> {
    const rows = await this.db.query("DELETE FROM processed_activities WHERE created_at < now() - ($1::int * interval '1 day') RETURNING activity_key", [olderThanDays]);
    return rows.length;
  }
}
