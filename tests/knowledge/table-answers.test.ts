import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import type { Db } from '../../src/store/db.js';
import { makeDocx, makePdf } from '../documents/made-documents.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/** Facts that live only in a table cell are answered with the cell and its row, headers included. */
describe('answers from table cells of ingested Word and PDF documents', () => {
  let db: Db;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    db = await openTestPglite();
    kb = new KnowledgeBase(db);
    await kb.ingest({ fileName: 'zandvliet-uitvoeringsprogramma.docx', buffer: await makeDocx() });
    await kb.ingest({ fileName: 'zandvliet-evaluatie-cameratoezicht.pdf', buffer: await makePdf() });
  });
  afterAll(async () => db?.close());

  it('answers the budget of a theme from the Word table with the whole row', async () => {
    const answer = await answerOffline(kb, 'Wat is het budget voor ondermijning in 2026 in Zandvliet?', 'nl');
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain('Thema: Ondermijning; Budget 2026: € 164.000; Trekker: team OOV');
  });

  it('answers the date of an activity from the second Word table', async () => {
    const answer = await answerOffline(kb, 'Wanneer is de voorlichting inbraakpreventie in Zandvliet gepland?', 'nl');
    expect(answer.text).toContain('Activiteit: Voorlichting inbraakpreventie; Datum: 5 oktober 2026; Uren: 24');
  });

  it("answers the number of arrests in an area from the PDF's column table with the whole row", async () => {
    const answer = await answerOffline(kb, 'Hoeveel aanhoudingen waren er in het Havenkwartier?', 'nl');
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain("Gebied: Havenkwartier; Camera's: 6; Incidenten 2025: 37; Aanhoudingen: 9");
  });

  it("answers the incidents of another row of the PDF's table", async () => {
    const answer = await answerOffline(kb, 'Hoeveel incidenten waren er in 2025 bij de Fietsenstalling Noord?', 'nl');
    expect(answer.text).toContain("Gebied: Fietsenstalling Noord; Camera's: 2; Incidenten 2025: 12; Aanhoudingen: 3");
  });

  it('stores table rows as passages of their own, with heading path, kind and neighbours', async () => {
    const [passage] = await kb.retrieve('budget ondermijning 2026 Zandvliet');
    expect(passage).toMatchObject({ kind: 'table-row', headingPath: ['2. Budget'] });
    expect(passage!.sentences[0]).toMatchObject({ text: 'Thema: Ondermijning; Budget 2026: € 164.000; Trekker: team OOV', item: true, kind: 'table-row' });
    expect(passage!.previousId).not.toBeNull();
    expect(passage!.nextId).not.toBeNull();
    const doc = (await kb.listDocuments()).find((d) => d.sourceFile.endsWith('.docx'))!;
    expect(doc.structure).toMatchObject({ format: 'docx', sections: 4, tables: 2, rows: 5, listItems: 5 });
    const sections = await kb.getDocumentSections(doc.id);
    expect(sections.map((s) => s.headingPath.join(' › '))).toEqual(['', '1. Inleiding', '2. Budget', '3. Planning › 3.1 Controles en voorlichting']);
    // The blocks come back as the model made them: the lead-in paragraph of two sentences, then its three list items.
    expect(sections[1]!.blocks.map((b) => [b.kind, b.sentences.length])).toEqual([
      ['paragraph', 2],
      ['list', 1],
      ['list', 1],
      ['list', 1],
    ]);
  });
});
