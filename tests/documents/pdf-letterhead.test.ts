import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readDocument } from '../../src/documents/index.js';
import { KnowledgeBase } from '../../src/features/knowledge/index.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * A PDF whose letterhead is its running header: "Gemeente Brakkeveen" at the top of every page and
 * nowhere in the body, as many exported reports have it. The header is page furniture, not text, but
 * it still tells whose document it is.
 */
async function reportWithRunningLetterhead(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bodies = [
    ['Afdeling Veiligheid en Handhaving', 'Jaarverslag veiligheid 2026', 'Vastgesteld door het college op 9 februari 2027', 'In Brakkeveen daalde het aantal woninginbraken tot 84.'],
    ['Brakkeveen zet in 2027 twee extra wijkboa\u2019s in.', 'De evaluatie volgt in december 2027.'],
  ];
  bodies.forEach((lines, p) => {
    const page = pdf.addPage([595, 842]);
    page.drawText('Gemeente Brakkeveen', { x: 60, y: 810, size: 9, font });
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: 740 - i * 18, size: 10, font }));
    page.drawText(`Jaarverslag veiligheid 2026 | pagina ${p + 1} van 2`, { x: 60, y: 30, size: 9, font });
  });
  return pdf.save();
}

describe('a PDF whose letterhead is only in its running header', () => {
  it('leaves the header out of the text and still names the gemeente and the title', async () => {
    const buffer = await reportWithRunningLetterhead();
    expect((await readDocument(buffer, 'jaarverslag.pdf')).text).not.toContain('Gemeente Brakkeveen');
    const db = await openTestPglite();
    try {
      const kb = new KnowledgeBase(db);
      await kb.ingest({ fileName: 'jaarverslag.pdf', buffer });
      const [document] = await kb.listDocuments();
      expect(document).toMatchObject({ gemeente: 'Brakkeveen', title: 'Jaarverslag veiligheid 2026' });
    } finally {
      await db.close();
    }
  });
});
