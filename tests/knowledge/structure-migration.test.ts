import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { passagesById } from '../../src/features/knowledge/store/knowledge-store.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openPglite } from '../../src/store/pglite-db.js';

describe('keeping the structure of passages (migration 10)', () => {
  it('gives passages of an existing store their section title as heading path and their neighbours in reading order', async () => {
    const db = await openPglite();
    try {
      const silent = createLogger('silent');
      await migrate(
        db,
        migrations.filter((m) => m.id < 10),
        silent,
      );
      const [doc] = await db.query<{ id: number }>(
        "INSERT INTO knowledge_documents (title, doc_type, source_file, content_hash, metadata_origin, char_count) VALUES ('Jaarplan', 'notitie', 'jaarplan.txt', 'h1', 'front-matter', 60) RETURNING id",
      );
      const insert = (position: number, title: string) =>
        db.query<{ id: number }>(
          `INSERT INTO knowledge_passages (document_id, section_index, section_title, position, text, sentences, title_lexemes, lexemes)
           VALUES ($1, $2, $3, $2, 'Tekst.', '[]'::jsonb, '{}', '{}') RETURNING id`,
          [doc!.id, position, title],
        );
      // Inserted out of reading order: neighbours follow the position, not the id.
      const [second] = await insert(1, 'Cameratoezicht');
      const [first] = await insert(0, '');
      const [third] = await insert(2, 'Planning');
      await migrate(db, migrations, silent);
      const rows = new Map((await passagesById(db, [first!.id, second!.id, third!.id])).map((r) => [r.id, r]));
      expect(rows.get(first!.id)).toMatchObject({ headingPath: [], kind: 'paragraph', previousId: null, nextId: second!.id });
      expect(rows.get(second!.id)).toMatchObject({ headingPath: ['Cameratoezicht'], previousId: first!.id, nextId: third!.id });
      expect(rows.get(third!.id)).toMatchObject({ headingPath: ['Planning'], previousId: second!.id, nextId: null });
      const [stored] = await db.query<{ structure: unknown }>('SELECT structure FROM knowledge_documents');
      expect(stored?.structure).toBeNull();
    } finally {
      await db.close();
    }
  });
});
