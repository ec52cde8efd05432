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
  constructor(private readonly db: Sql) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.query<{ key: string; doc: Record<string, unknown>; etag: string }>(
      'SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: row.etag };
    return items;
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
