import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { createLogger } from '../../src/logging/logger.js';
import { readDocument } from '../../src/documents/index.js';
import { ingestBatch, KnowledgeBase } from '../../src/features/knowledge/index.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { createTestDatabase } from '../helpers/postgres.js';

async function makePdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  return pdf.save();
}

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Raadsbrief cameratoezicht Dinkelland', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Cameratoezicht' }),
          new Paragraph({ text: "De gemeente Dinkelland plaatst op 3 maart 2025 vier camera's in het centrum van Denekamp." }),
          new Paragraph({ text: 'De burgemeester van gemeente Dinkelland evalueert het toezicht na een jaar.' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const text = (s: string) => new TextEncoder().encode(s);

const markdown = `---
title: Notitie jeugdoverlast Losser
gemeente: Losser
type: notitie
date: 2025-01-20
---
# Jeugdoverlast

De **jongerenwerkers** van Losser houden vanaf 1 april 2025 drie avonden per week toezicht bij het sportpark.

## Aanpak

- Gesprekken met ouders
- Extra verlichting bij het sportpark
`;

function ingestSuite(name: string, open: () => Promise<{ db: Db; close(): Promise<void> }>) {
  describe(`ingest and retrieval on ${name}`, () => {
    let db: Db;
    let close: () => Promise<void>;
    let kb: KnowledgeBase;
    beforeAll(async () => {
      ({ db, close } = await open());
      kb = new KnowledgeBase(db);
    });
    afterAll(async () => close?.());

    it('ingests txt with front-matter, md, pdf and docx and answers from each', async () => {
      const pdf = await makePdf(['Collegebericht gemeente Tubbergen', '', 'Het college van gemeente Tubbergen stelt op 14 mei 2025 het', 'handhavingsprogramma vast.']);
      const outcomes = await ingestBatch(
        (s) => kb.ingest(s),
        [
          { fileName: 'losser.md', buffer: text(markdown) },
          { fileName: 'tubbergen.pdf', buffer: pdf },
          { fileName: 'dinkelland.docx', buffer: await makeDocx() },
          { fileName: 'oldenzaal.txt', buffer: text('Gemeente Oldenzaal\n\nDe gemeente Oldenzaal start in 2025 met een buurtpreventie-app.') },
        ],
      );
      expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
      const docs = await kb.listDocuments();
      const losser = docs.find((d) => d.sourceFile === 'losser.md')!;
      expect(losser).toMatchObject({ gemeente: 'Losser', docType: 'notitie', date: '2025-01-20', metadataOrigin: 'front-matter' });
      const tubbergen = docs.find((d) => d.sourceFile === 'tubbergen.pdf')!;
      // No metadata given: inferred from the text.
      expect(tubbergen).toMatchObject({ gemeente: 'Tubbergen', docType: 'collegebericht', date: '2025-05-14', metadataOrigin: 'inferred' });
      expect(docs.find((d) => d.sourceFile === 'dinkelland.docx')).toMatchObject({ gemeente: 'Dinkelland', date: '2025-03-03' });

      const [fromPdf] = await kb.retrieve('Wanneer stelt het college het handhavingsprogramma vast?');
      expect(fromPdf?.document.sourceFile).toBe('tubbergen.pdf');
      const [fromDocx] = await kb.retrieve("Hoeveel camera's komen er in Denekamp?");
      expect(fromDocx?.document.sourceFile).toBe('dinkelland.docx');
      const sections = await kb.getDocumentSections(losser.id);
      expect(sections.map((s) => s.title)).toEqual(['Jeugdoverlast', 'Aanpak']);
      expect(sections[1]!.passages[0]!.sentences).toEqual(['Gesprekken met ouders', 'Extra verlichting bij het sportpark']);
    });

    it('is idempotent by content hash and replaces a changed file of the same name', async () => {
      const first = await kb.ingest({ fileName: 'oldenzaal.txt', buffer: text('Gemeente Oldenzaal\n\nDe gemeente Oldenzaal start in 2025 met een buurtpreventie-app.') });
      expect(first.status).toBe('unchanged');
      const count = (await kb.listDocuments()).length;
      const changed = await kb.ingest({ fileName: 'oldenzaal.txt', buffer: text('Gemeente Oldenzaal\n\nDe gemeente Oldenzaal start in 2026 met een buurtpreventie-app.') });
      expect(changed.status).toBe('replaced');
      expect((await kb.listDocuments()).length).toBe(count);
    });

    it('reports a corrupt PDF and an unsupported type by file name while the rest of the batch goes in', async () => {
      const outcomes = await ingestBatch(
        (s) => kb.ingest(s),
        [
          { fileName: 'kapot.pdf', buffer: text('%PDF-1.7 this is not really a pdf') },
          { fileName: 'plaatje.png', buffer: new Uint8Array([137, 80, 78, 71]) },
          { fileName: 'haaksbergen.txt', buffer: text('Gemeente Haaksbergen\n\nDe gemeente Haaksbergen opent op 2 juni 2025 een jongerencentrum.') },
        ],
      );
      expect(outcomes.map((o) => o.ok)).toEqual([false, false, true]);
      const [pdfError, pngError] = outcomes.map((o) => (o.ok ? undefined : (o.error as { code: string; params: Record<string, string> })));
      expect(pdfError).toMatchObject({ code: 'knowledge_unreadable_file', params: { file: 'kapot.pdf' } });
      expect(pngError).toMatchObject({ code: 'knowledge_unsupported_file', params: { file: 'plaatje.png' } });
      expect((await kb.listDocuments()).some((d) => d.sourceFile === 'haaksbergen.txt')).toBe(true);
    });

    it('finds documents by title, searches them and removes one', async () => {
      const [closest] = await kb.findDocumentsByTitle('samenvatting van de notitie jeugdoverlast');
      expect(closest?.sourceFile).toBe('losser.md');
      const hits = await kb.searchDocuments('sportpark toezicht');
      expect(hits[0]?.document.sourceFile).toBe('losser.md');
      expect(hits[0]?.passages[0]?.excerpt).toMatch(/sportpark/);
      expect(await kb.remove(closest!.id)).toBe(true);
      expect((await kb.listDocuments()).some((d) => d.sourceFile === 'losser.md')).toBe(false);
    });
  });
}

ingestSuite('PGlite', async () => {
  const db = await openTestPglite();
  return { db, close: () => db.close() };
});

ingestSuite('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const db = database.open();
  await migrate(db, migrations, createLogger('silent'));
  return { db, close: () => database.drop() };
});

describe('readDocument on its own', () => {
  it('names the file when the type is unsupported', async () => {
    await expect(readDocument(new Uint8Array(), 'notulen.xlsx')).rejects.toMatchObject({ code: 'knowledge_unsupported_file', params: { file: 'notulen.xlsx' } });
  });
});
