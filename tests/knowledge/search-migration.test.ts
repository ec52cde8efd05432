import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { rankPassages } from '../../src/features/knowledge/store/knowledge-store.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openPglite } from '../../src/store/pglite-db.js';

describe('moving the full-text vectors to their own table (migration 8)', () => {
  it('keeps the documents of an existing store findable, and removing a document removes its vectors', async () => {
    const db = await openPglite();
    try {
      const silent = createLogger('silent');
      await migrate(
        db,
        migrations.filter((m) => m.id < 8),
        silent,
      );
      // A passage as the store held it before: the vector in the passage row.
      const [doc] = await db.query<{ id: number }>(
        "INSERT INTO knowledge_documents (title, doc_type, source_file, content_hash, metadata_origin, char_count) VALUES ('Jaarplan', 'notitie', 'jaarplan.txt', 'h1', 'front-matter', 60) RETURNING id",
      );
      await db.query(
        `INSERT INTO knowledge_passages (document_id, section_index, section_title, position, text, sentences, title_lexemes, lexemes, tsv)
         VALUES ($1, 0, 'Cameratoezicht', 0, 'De camera''s bij het station worden in maart geplaatst.', '[]'::jsonb, '{}', '{}', to_tsvector('dutch', 'De camera''s bij het station worden in maart geplaatst.'))`,
        [doc!.id],
      );
      await migrate(db, migrations, silent);
      const [found] = await rankPassages(db, "'station' | 'camera'", { limit: 5 });
      expect(found?.rank).toBeGreaterThan(0);
      await db.query('DELETE FROM knowledge_documents WHERE id = $1', [doc!.id]);
      expect(await db.query('SELECT count(*)::int AS n FROM knowledge_search')).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });
});
