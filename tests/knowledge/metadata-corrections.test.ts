import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

const text = (s: string) => new TextEncoder().encode(s);
const note = 'Programma veilige omgeving\n\nHet team veiligheid start in 2026 met een campagne tegen fietsendiefstal bij het station.';

describe('metadata: inferred, corrected on the command line, and said plainly when missing', () => {
  let db: Db;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    db = await openTestPglite();
    kb = new KnowledgeBase(db);
  });
  afterAll(async () => db?.close());

  it('says the document does not name its gemeente, rather than "gemeente onbekend"', async () => {
    const result = await kb.ingest({ fileName: 'programma.txt', buffer: text(note) });
    expect(result.document.gemeente).toBeNull();
    expect(result.inferred).toContain('gemeente');
    const answer = await answerOffline(kb, 'Wanneer start de campagne tegen fietsendiefstal?', 'nl');
    expect(answer.text).toContain('gemeente niet in het document genoemd');
    expect(answer.text).not.toContain('gemeente onbekend');
  });

  it('takes --gemeente, --type, --date and --title over what the text and a sidecar say, and re-ingests the same file', async () => {
    const result = await kb.ingest({
      fileName: 'programma.txt',
      buffer: text(note),
      sidecar: { gemeente: 'Almelo', type: 'notitie' },
      overrides: { gemeente: 'Borne', type: 'begroting', date: '2025-11-04', title: 'Programma 8. Veilige omgeving' },
    });
    expect(result.status).toBe('replaced');
    expect(result.document).toMatchObject({ gemeente: 'Borne', docType: 'begroting', date: '2025-11-04', title: 'Programma 8. Veilige omgeving', metadataOrigin: 'command-line' });
    expect(result.inferred).toEqual([]);
  });
});
