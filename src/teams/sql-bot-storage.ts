import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { BatchedLookup } from '../store/batched-lookup.js';
import type { Sql } from '../store/db.js';

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
}

type Item = Record<string, unknown>;

export interface SqlBotStorageOptions {
  /**
   * Only this process uses the database (the embedded PGlite store, which a lock file keeps to one
   * process). Every write to bot_state then passes here, so a copy in memory of what was read or
   * written is always current, and a turn reads its state without a query.
   */
  exclusive?: boolean;
  /** With `exclusive`: how many conversations and users to keep in memory (default 10,000). */
  remember?: number;
}

// Shared by every storage on one database, so two bots on one store in one process stay in step.
const rememberedByDb = new WeakMap<Sql, Map<string, Item | null>>();

/**
 * botbuilder state (conversation and user state) in the app's SQL store, with eTag optimistic
 * concurrency: a write with a stale eTag fails instead of silently overwriting another instance.
 */
export class SqlBotStorage implements Storage {
  // One query for the conversation and user state of a turn, and for the turns that arrive while it runs.
  private readonly reads: BatchedLookup<string, Item>;
  private readonly remembered: Map<string, Item | null> | undefined;
  // The least recently used copies go first.
  private readonly rememberedLimit: number;

  constructor(
    private readonly db: Sql,
    options: SqlBotStorageOptions = {},
  ) {
    this.reads = new BatchedLookup(async (keys) => {
      const rows = await db.query<{ key: string; doc: Item; etag: string }>('SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])', [keys]);
      return new Map(rows.map((row) => [row.key, { ...row.doc, eTag: row.etag }]));
    });
    this.rememberedLimit = options.remember ?? 10_000;
    if (options.exclusive) {
      this.remembered = rememberedByDb.get(db) ?? new Map();
      rememberedByDb.set(db, this.remembered);
    }
  }

  /** Keeps a copy as the most recently used; the least recently used goes when the memory is full. */
  private remember(key: string, item: Item | null): void {
    if (!this.remembered) return;
    this.remembered.delete(key);
    while (this.remembered.size >= this.rememberedLimit) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key, item);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const known = new Map<string, Item | null>();
    for (const key of keys) {
      if (!this.remembered?.has(key)) continue;
      known.set(key, this.remembered.get(key)!);
      this.remember(key, known.get(key)!);
    }
    const missing = keys.filter((key) => !known.has(key));
    if (missing.length > 0) {
      const found = await this.reads.get(missing);
      for (const key of missing) {
        // A write that finished while this read was under way holds the newer copy: keep that one.
        if (!this.remembered?.has(key)) this.remember(key, found.get(key) ?? null);
        known.set(key, this.remembered?.get(key) ?? found.get(key) ?? null);
      }
    }
    const items: StoreItems = {};
    for (const [key, item] of known) {
      // Each caller gets its own copy: botbuilder mutates what it reads.
      if (item) items[key] = structuredClone(item);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as Item;
      const next = randomUUID();
      const json = JSON.stringify(doc);
      try {
        if (eTag === undefined || eTag === '*' || eTag === '') {
          await this.db.query(
            `INSERT INTO bot_state (key, doc, etag) VALUES ($1, $2::jsonb, $3)
             ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, updated_at = now()`,
            [key, json, next],
          );
        } else {
          const updated = await this.db.query('UPDATE bot_state SET doc = $2::jsonb, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4 RETURNING key', [key, json, next, String(eTag)]);
          if (updated.length === 0) throw new ETagConflictError(`Storage: eTag conflict on ${key}`);
        }
      } catch (error) {
        // What the store holds now is unknown here: the next read asks the store.
        this.remembered?.delete(key);
        throw error;
      }
      // As stored: the JSON round trip drops what JSON cannot hold, as reading it back would.
      this.remember(key, { ...(JSON.parse(json) as Item), eTag: next });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
    } finally {
      for (const key of keys) this.remembered?.delete(key);
    }
  }
}
