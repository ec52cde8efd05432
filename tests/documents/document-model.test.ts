import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingLine, readDocument, readTextDocument, renderMarkdown, resolveMetadata, structureFigures, type StructuredDocument } from '../../src/documents/index.js';
import { extractedText, makeDocx, makePdf, markdownEvaluation, pdfHeader } from './made-documents.js';

const text = (s: string) => new TextEncoder().encode(s);
const paths = (doc: StructuredDocument) => doc.sections.map((s) => headingLine(s.headingPath));
const blocks = (doc: StructuredDocument) => doc.sections.flatMap((s) => s.blocks);
const rows = (doc: StructuredDocument) =>
  blocks(doc)
    .filter((b) => b.kind === 'table-row')
    .map((b) => b.text);
const items = (doc: StructuredDocument) =>
  blocks(doc)
    .filter((b) => b.kind === 'list')
    .map((b) => ({ text: b.text, leadIn: b.leadIn }));
/** Metadata as `npm run ingest` would resolve it: front matter first (unless left out), else inferred from the model. */
const metadataOf = (doc: StructuredDocument, file: string, useFrontMatter = true) => resolveMetadata(useFrontMatter ? doc.frontMatter : undefined, doc.text, file, doc.titleHint).metadata;

describe('a Word document with two tables and lists (mammoth HTML)', async () => {
  const doc = await readDocument(await makeDocx(), 'zandvliet-uitvoeringsprogramma.docx');

  it('has sections with heading paths', () => {
    expect(paths(doc)).toEqual(['', '1. Inleiding', '2. Budget', '3. Planning › 3.1 Controles en voorlichting']);
    expect(structureFigures(doc)).toMatchObject({ sections: 4, tables: 2, rows: 5, listItems: 5 });
  });

  it('keeps the header cells in every table row', () => {
    expect(rows(doc)).toEqual([
      'Thema: Ondermijning; Budget 2026: € 164.000; Trekker: team OOV',
      'Thema: Jeugd en veiligheid; Budget 2026: € 92.500; Trekker: jongerenwerk Zandvliet',
      'Thema: Buurtbemiddeling; Budget 2026: € 41.000; Trekker: Stichting Kustwelzijn',
      'Activiteit: Integrale controle bedrijventerrein De Polder; Datum: 12 maart 2026; Uren: 40',
      'Activiteit: Voorlichting inbraakpreventie; Datum: 5 oktober 2026; Uren: 24',
    ]);
    expect(blocks(doc).find((b) => b.kind === 'table-row')?.cells).toEqual([
      { header: 'Thema', value: 'Ondermijning' },
      { header: 'Budget 2026', value: '€ 164.000' },
      { header: 'Trekker', value: 'team OOV' },
    ]);
  });

  it('gives list items the sentence that introduces them', () => {
    expect(items(doc)).toEqual([
      { text: 'ondermijning, met de nadruk op het buitengebied;', leadIn: "Het college kiest drie thema's:" },
      { text: 'jeugd en veiligheid in de kernen Zandvliet en Oosthaven;', leadIn: "Het college kiest drie thema's:" },
      { text: 'buurtbemiddeling bij burenruzies.', leadIn: "Het college kiest drie thema's:" },
      { text: 'een terugkoppeling aan de lokale driehoek;', leadIn: 'Na elke controle volgen twee stappen:' },
      { text: 'een bericht aan de gemeenteraad.', leadIn: 'Na elke controle volgen twee stappen:' },
    ]);
  });

  it('survives being kept as Markdown (an upload between "vat samen" and "korter") with the same sections, items and rows', () => {
    const again = readTextDocument(renderMarkdown(doc), 'md');
    expect(paths(again)).toEqual(paths(doc));
    expect(items(again)).toEqual(items(doc));
    expect(rows(again)).toEqual(rows(doc));
  });

  it('infers title (Title style), gemeente, type and date', () => {
    expect(metadataOf(doc, 'zandvliet-uitvoeringsprogramma.docx')).toEqual({ title: 'Uitvoeringsprogramma Veiligheid 2026', gemeente: 'Zandvliet', docType: 'jaarplan', date: '2026-01-20' });
  });
});

describe('a PDF of three pages with a running header and footer and a table in columns (pdf.js positions)', async () => {
  const doc = await readDocument(await makePdf(), 'zandvliet-evaluatie.pdf');

  it('drops the header, the footer and the page numbers on every page', () => {
    expect(doc.pages).toBe(3);
    expect(doc.text).not.toContain(pdfHeader);
    expect(doc.text).not.toMatch(/pagina \d van 3/);
  });

  it('keeps a title over two lines whole and reads the headings by font size', () => {
    expect(doc.titleHint).toBe('Evaluatie cameratoezicht Stationsgebied en Havenkwartier 2025');
    expect(paths(doc)).toEqual(['', '1. Aanleiding', '2. Cijfers per gebied', '3. Besluit']);
  });

  it('joins the lines of a sentence and undoes the hyphen at a line end', () => {
    expect(blocks(doc).some((b) => b.sentences.includes('Ook de veiligheid rond de fietsenstalling is verbeterd, al blijft fietsendiefstal een aandachtspunt.'))).toBe(true);
    expect(blocks(doc).find((b) => b.text.startsWith('Het college evalueert'))?.sentences).toHaveLength(3);
  });

  it('reads the columns as table rows under their headers', () => {
    expect(rows(doc)).toEqual([
      "Gebied: Stationsgebied; Camera's: 8; Incidenten 2025: 61; Aanhoudingen: 14",
      "Gebied: Havenkwartier; Camera's: 6; Incidenten 2025: 37; Aanhoudingen: 9",
      "Gebied: Fietsenstalling Noord; Camera's: 2; Incidenten 2025: 12; Aanhoudingen: 3",
    ]);
    expect(doc.tables).toBe(1);
  });

  it('reads bullets as list items with their lead-in', () => {
    expect(items(doc)).toEqual([
      { text: "het Havenkwartier krijgt er twee camera's bij;", leadIn: 'Daarbij gelden de volgende afspraken:' },
      { text: 'de evaluatie over 2026 volgt in februari 2027.', leadIn: 'Daarbij gelden de volgende afspraken:' },
    ]);
  });

  it('infers title, gemeente, type and date', () => {
    expect(metadataOf(doc, 'zandvliet-evaluatie.pdf')).toEqual({
      title: 'Evaluatie cameratoezicht Stationsgebied en Havenkwartier 2025',
      gemeente: 'Zandvliet',
      docType: 'evaluatie',
      date: '2026-02-03',
    });
  });
});

describe('a Markdown evaluation with front matter, a nested list and a pipe table (marked)', () => {
  const read = () => readDocument(text(markdownEvaluation), 'zandvliet-evaluatie-buurtbemiddeling.md');

  it('has its sections, list items with lead-in and depth, and table rows with headers', async () => {
    const doc = await read();
    expect(paths(doc)).toEqual(['Evaluatie pilot Buurtbemiddeling', 'Resultaten', 'Conclusie']);
    expect(
      blocks(doc)
        .filter((b) => b.kind === 'list')
        .map((b) => [b.text, b.depth, b.leadIn]),
    ).toEqual([
      ['Woonstichting Kustwonen', 0, 'De aanmeldingen kwamen van:'],
      ['vooral uit Oosthaven', 1, 'De aanmeldingen kwamen van:'],
      ['politie', 0, 'De aanmeldingen kwamen van:'],
      ['inwoners zelf', 0, 'De aanmeldingen kwamen van:'],
    ]);
    expect(rows(doc)).toEqual(['Kwartaal: Q2 2025; Aanmeldingen: 9; Afgerond: 6', 'Kwartaal: Q3 2025; Aanmeldingen: 14; Afgerond: 10']);
    // Emphasis loses its syntax.
    expect(doc.text).toContain('De pilot liep van 1 maart 2025 tot');
  });

  it('takes the front matter as given, and without it infers the title without "#" and the type evaluatie, not begroting', async () => {
    const doc = await read();
    expect(metadataOf(doc, 'x.md')).toEqual({ title: 'Evaluatie pilot Buurtbemiddeling Zandvliet 2025', gemeente: 'Zandvliet', docType: 'evaluatie', date: '2026-02-10' });
    const inferred = metadataOf(doc, 'x.md', false);
    expect(inferred.title).toBe('Evaluatie pilot Buurtbemiddeling');
    expect(inferred.docType).toBe('evaluatie');
  });
});

describe('plain text from PDF extraction (the heuristics the sample corpus needs)', async () => {
  const doc = await readDocument(text(extractedText), 'zandvliet-woninginbraak.txt');

  it('drops the repeated footer and page numbers, joins a hyphenated word, and reads OCR bullets and a tab table', () => {
    expect(doc.text).not.toContain('Zandvliet veilig | collegebericht');
    expect(doc.text).not.toMatch(/^\d$/m);
    expect(doc.text).toContain('meer dan in de omliggende gemeenten.');
    expect(paths(doc)).toEqual(['', '1. Aanleiding', '2. Maatregelen', '3. Planning']);
    expect(items(doc)).toEqual([
      { text: 'een campagne inbraakpreventie in het najaar', leadIn: 'Het college neemt de volgende maatregelen:' },
      { text: 'WhatsApp-buurtpreventie in alle wijken', leadIn: 'Het college neemt de volgende maatregelen:' },
    ]);
    expect(rows(doc)).toEqual(['Wijk: Oosthaven; Inbraken 2025: 31', 'Wijk: Centrum; Inbraken 2025: 22']);
  });

  it('infers title, gemeente, type and date', () => {
    expect(metadataOf(doc, 'zandvliet-woninginbraak.txt')).toEqual({ title: 'Aanpak woninginbraak 2026', gemeente: 'Zandvliet', docType: 'collegebericht', date: '2026-01-14' });
  });
});

describe('the five sample documents', () => {
  // The shipped sample knowledge: the extracted text with front matter giving what the README lists.
  const corpus = 'src/content/corpus';
  const golden: Record<string, { sections: number; tables: number; rows: number; gemeente: string | null; docType: string; date: string }> = {
    '000_55b5a0dbcbfe059d.txt': { sections: 5, tables: 0, rows: 0, gemeente: 'Twenterand', docType: 'raadsbrief', date: '2024-02-15' },
    '001_05e79deea0a07a60.txt': { sections: 16, tables: 0, rows: 0, gemeente: 'Twenterand', docType: 'notitie', date: '2024-02-15' },
    '002_69bca1277cfe66b3.txt': { sections: 31, tables: 12, rows: 50, gemeente: 'Hengelo', docType: 'programma-opdracht', date: '2023-02-24' },
    '003_56866e9a5fe21592.txt': { sections: 2, tables: 1, rows: 5, gemeente: 'Heemstede', docType: 'collegebericht', date: '2023-07-11' },
    '004_6d3d5435a9cbefc7.txt': { sections: 3, tables: 0, rows: 0, gemeente: null, docType: 'begroting', date: '2023-12-10' },
  };
  const read = (file: string) => readDocument(readFileSync(`${corpus}/${file}`), file);

  it.each(Object.entries(golden))('%s has the expected sections, tables, rows and metadata', async (file, expected) => {
    const doc = await read(file);
    const figures = structureFigures(doc);
    expect({ sections: figures.sections, tables: figures.tables, rows: figures.rows }).toEqual({ sections: expected.sections, tables: expected.tables, rows: expected.rows });
    expect(metadataOf(doc, file)).toMatchObject({ gemeente: expected.gemeente, docType: expected.docType, date: expected.date });
  });

  it('infers from the raw extracted text (no front matter) what the text itself says', async () => {
    const inferred = async (file: string) => metadataOf(await readDocument(readFileSync(`/work/shared/corpus/${file}`), file), file);
    expect(await inferred('000_55b5a0dbcbfe059d.txt')).toMatchObject({ title: 'Stand van zaken notitie Openbare Orde en Veiligheid 2023', gemeente: 'Twenterand', docType: 'raadsbrief' });
    expect(await inferred('001_05e79deea0a07a60.txt')).toMatchObject({ title: 'Stand van zaken notitie openbare orde en veiligheid — Terugblik 2023', gemeente: 'Twenterand', docType: 'notitie' });
    // A letter to the council ("Geachte raad") whose subject is in the letterhead's table.
    expect(await inferred('002_69bca1277cfe66b3.txt')).toMatchObject({ title: 'Themabijeenkomst programma veiligheid', gemeente: 'Hengelo', docType: 'raadsbrief', date: '2023-02-24' });
    expect(await inferred('003_56866e9a5fe21592.txt')).toMatchObject({ title: 'Planning Beleidsplan Integrale Veiligheid 2024-2027', docType: 'collegebericht', date: '2023-07-11' });
    expect(await inferred('004_6d3d5435a9cbefc7.txt')).toMatchObject({ title: 'Programma 8. Veilige omgeving', gemeente: null });
  });

  it('keeps the theme above each topic of the Twenterand note', async () => {
    const doc = await read('001_05e79deea0a07a60.txt');
    expect(paths(doc)).toContain('2. Ondermijning › Meld Misdaad Anoniem');
    expect(paths(doc)).toContain('1. Leefbaarheid en fysieke verloedering › Buurtbemiddeling');
    expect(doc.text).toContain('Op 1 juli 2022');
  });

  it('reads the Hengelo hours table with its headers and its dated timeline as rows', async () => {
    const doc = await read('002_69bca1277cfe66b3.txt');
    expect(rows(doc)).toContain('Onderdeel: Opstellen integraal veiligheidsbeleid 2024-2026; Urenschatting: 300');
    expect(rows(doc)).toContain('12 april 2023; Themabijeenkomst programma veiligheid met gemeenteraad');
    expect(rows(doc)).toContain('Onderwerp: Themabijeenkomst programma veiligheid; Zaaknummer: 3554310; Datum: 24 februari 2023');
  });

  it("gives the budget chapter's goals their lead-in and drops the export stamp", async () => {
    const doc = await read('004_6d3d5435a9cbefc7.txt');
    expect(items(doc)[0]).toEqual({ text: 'Een samenleving die weerbaar, veerkrachtig en zelfredzaam is.', leadIn: 'De algemene doelen voor de periode 2023-2026 zijn:' });
    expect(doc.text).not.toMatch(/gebouwd op/i);
  });
});

describe('the three development documents get the metadata their README lists', () => {
  const dir = '/work/shared/eval/documents';
  const expected: Record<string, { title: string; gemeente: string; docType: string; date: string }> = {
    'wolderveen-integraal-veiligheidsplan-2025-2028.docx': { title: 'Integraal Veiligheidsplan 2025-2028', gemeente: 'Wolderveen', docType: 'beleidsplan', date: '2024-12-12' },
    'marsdijk-stand-van-zaken-veiligheid-2025-h1.pdf': { title: 'Stand van zaken veiligheid – eerste halfjaar 2025', gemeente: 'Marsdijk', docType: 'notitie', date: '2025-09-09' },
    'wolderveen-collegebesluit-cameratoezicht-2026.md': { title: 'Collegebesluit cameratoezicht openbare ruimte 2026', gemeente: 'Wolderveen', docType: 'collegebesluit', date: '2025-12-09' },
  };

  it.each(Object.entries(expected))('%s', async (file, metadata) => {
    const doc = await readDocument(readFileSync(`${dir}/${file}`), file);
    expect(metadataOf(doc, basename(file))).toEqual(metadata);
  });

  it('reads the Marsdijk PDF without its page header and footer, with the key figures as rows', async () => {
    const doc = await readDocument(readFileSync(`${dir}/marsdijk-stand-van-zaken-veiligheid-2025-h1.pdf`), 'marsdijk.pdf');
    expect(doc.text).not.toMatch(/pagina \d van 4|Openbare Orde en Veiligheid$/m);
    expect(rows(doc)).toContain('Indicator: Woninginbraken; 1e halfjaar 2024: 51; 1e halfjaar 2025: 38; Verschil: -25%');
    expect(rows(doc)).toContain('Wanneer: oktober 2025; Wat: Basistraining nieuwe buurtbemiddelaars; startbijeenkomst Keurmerk Veilig Ondernemen');
    expect(paths(doc)).toContain('4. Veilige woon- en leefomgeving › Buurtbemiddeling');
  });

  it("reads the Wolderveen plan's budget table with its headers", async () => {
    const doc = await readDocument(readFileSync(`${dir}/wolderveen-integraal-veiligheidsplan-2025-2028.docx`), 'plan.docx');
    expect(rows(doc)).toContain('Onderdeel: Buurtbemiddeling; Budget per jaar: € 48.000');
    expect(doc.tables).toBe(2);
  });
});
