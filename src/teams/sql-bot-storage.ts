import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Sql } from '../store/db.js';

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
}

/**
 * botbuilder state (conversation and user state) in the app's SQL store, with eTag optimistic
 * concurrency: a write with a stale eTag fails instead of silently overwriting another instance.
 */
export class SqlBotStorage implements Storage {
  // Reads issued in the same tick (conversation and user state of one turn) share one query.
  private pending: { keys: string[]; resolve(items: StoreItems): void; reject(error: unknown): void }[] = [];

  constructor(private readonly db: Sql) {}

  read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return Promise.resolve({});
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => void this.flushReads());
      this.pending.push({ keys, resolve, reject });
    });
  }

  private async flushReads(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const rows = await this.db.query<{ key: string; doc: Record<string, unknown>; etag: string }>('SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])', [
        [...new Set(batch.flatMap((b) => b.keys))],
      ]);
      const found = new Map(rows.map((row) => [row.key, { ...row.doc, eTag: row.etag }]));
      for (const { keys, resolve } of batch) {
        const items: StoreItems = {};
        for (const key of keys) {
          const item = found.get(key);
          // Each caller gets its own copy: botbuilder mutates what it reads.
          if (item) items[key] = structuredClone(item);
        }
        resolve(items);
      }
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as Record<string, unknown>;
      const next = randomUUID();
      const json = JSON.stringify(doc);
      if (eTag === undefined || eTag === '*' || eTag === '') {
        await this.db.query(
          `INSERT INTO bot_state (key, doc, etag) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, updated_at = now()`,
          [key, json, next],
        );
      } else {
        const updated = await this.db.query('UPDATE bot_state SET doc = $2::jsonb, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4 RETURNING key', [
          key,
          json,
          next,
          String(eTag),
        ]);
        if (updated.length === 0) throw new ETagConflictError(`Storage: eTag conflict on ${key}`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
