import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Documents made for the golden tests, one per format, of the fictional gemeente Zandvliet: what a
 * user would ingest (a plan with Word tables, a council letter as a PDF with running headers and a
 * table in columns, an evaluation in Markdown, a text extracted from a PDF).
 */

function wordTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) => new TableRow({ tableHeader: r === 0, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: r === 0 })] })] })) }),
    ),
  });
}

export const budgetRows = [
  ['Thema', 'Budget 2026', 'Trekker'],
  ['Ondermijning', '€ 164.000', 'team OOV'],
  ['Jeugd en veiligheid', '€ 92.500', 'jongerenwerk Zandvliet'],
  ['Buurtbemiddeling', '€ 41.000', 'Stichting Kustwelzijn'],
];

export const planningRows = [
  ['Activiteit', 'Datum', 'Uren'],
  ['Integrale controle bedrijventerrein De Polder', '12 maart 2026', '40'],
  ['Voorlichting inbraakpreventie', '5 oktober 2026', '24'],
];

/** A yearly plan (.docx): a title, headings, two bulleted lists with their lead-ins and two Word tables. */
export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Gemeente Zandvliet', bold: true })] }),
          new Paragraph({ text: 'Uitvoeringsprogramma Veiligheid 2026', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Vastgesteld door het college op 20 januari 2026' }),
          new Paragraph({ text: '1. Inleiding', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Dit uitvoeringsprogramma werkt het Integraal Veiligheidsplan 2025-2028 uit voor 2026. Het college kiest drie thema's:" }),
          new Paragraph({ text: 'ondermijning, met de nadruk op het buitengebied;', bullet: { level: 0 } }),
          new Paragraph({ text: 'jeugd en veiligheid in de kernen Zandvliet en Oosthaven;', bullet: { level: 0 } }),
          new Paragraph({ text: 'buurtbemiddeling bij burenruzies.', bullet: { level: 0 } }),
          new Paragraph({ text: '2. Budget', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Tabel 1 geeft het budget per thema voor 2026.' }),
          wordTable(budgetRows),
          new Paragraph({ text: '3. Planning', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '3.1 Controles en voorlichting', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'De geplande activiteiten staan in tabel 2.' }),
          wordTable(planningRows),
          new Paragraph({ text: 'Na elke controle volgen twee stappen:' }),
          new Paragraph({ text: 'een terugkoppeling aan de lokale driehoek;', bullet: { level: 0 } }),
          new Paragraph({ text: 'een bericht aan de gemeenteraad.', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const pdfHeader = 'Gemeente Zandvliet – Raadsinformatiebrief';

/** A council letter (.pdf, 3 pages): header and footer on every page, a title over two lines, a hyphenated line end, bullets and a table laid out in columns. */
export async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages: PDFPage[] = [];
  let page: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage([595, 842]);
    pages.push(page);
    y = 760;
  };
  const line = (text: string, options: { size?: number; font?: PDFFont; x?: number; gap?: number } = {}) => {
    if (y < 90) newPage();
    page.drawText(text, { x: options.x ?? 72, y, size: options.size ?? 11, font: options.font ?? regular });
    y -= options.gap ?? 15;
  };
  const space = (n = 10) => (y -= n);
  newPage();
  line('Gemeente Zandvliet', { size: 15, font: bold, gap: 24 });
  line('Evaluatie cameratoezicht Stationsgebied en', { size: 18, font: bold, gap: 22 });
  line('Havenkwartier 2025', { size: 18, font: bold, gap: 30 });
  line('Datum: 3 februari 2026');
  line('Aan: de gemeenteraad van Zandvliet');
  space(14);
  line('1. Aanleiding', { size: 13, font: bold, gap: 20 });
  for (let i = 0; i < 3; i += 1) {
    line('Het college evalueert elk jaar het cameratoezicht in het Stationsgebied en het Havenkwartier,');
    line('zoals de gemeenteraad bij de invoering in 2023 heeft gevraagd. De burgemeester besluit daarna');
    line('over verlenging. In deze brief leest u de uitkomsten over 2025 en het besluit voor 2026.');
    space(8);
  }
  line('Bewoners melden dat zij zich in de avond veiliger voelen. De politie ziet minder overlast van de');
  line('hangjongeren op het station en noemt de samenwerking met de toezichthouders goed. Ook de veilig-');
  line('heid rond de fietsenstalling is verbeterd, al blijft fietsendiefstal een aandachtspunt.');
  space(14);
  line('2. Cijfers per gebied', { size: 13, font: bold, gap: 20 });
  line('De cijfers per gebied staan in de tabel hieronder.');
  space(6);
  const columns = [72, 250, 370, 470];
  const row = (cells: string[], font: PDFFont) => {
    if (y < 90) newPage();
    cells.forEach((c, i) => page.drawText(c, { x: columns[i]!, y, size: 10, font }));
    y -= 15;
  };
  row(['Gebied', "Camera's", 'Incidenten 2025', 'Aanhoudingen'], bold);
  row(['Stationsgebied', '8', '61', '14'], regular);
  row(['Havenkwartier', '6', '37', '9'], regular);
  row(['Fietsenstalling Noord', '2', '12', '3'], regular);
  space(14);
  for (let i = 0; i < 24; i += 1) {
    line('De beelden worden live bekeken door de politie in de meldkamer Kust. Opnames worden maximaal');
    line('28 dagen bewaard, tenzij ze nodig zijn voor de opsporing van een strafbaar feit.');
    space(8);
  }
  line('3. Besluit', { size: 13, font: bold, gap: 20 });
  line('De burgemeester verlengt het cameratoezicht tot en met 31 december 2026. Daarbij gelden de volgende');
  line('afspraken:');
  line('•', { gap: 0 });
  line("het Havenkwartier krijgt er twee camera's bij;", { x: 86 });
  line('•', { gap: 0 });
  line('de evaluatie over 2026 volgt in februari 2027.', { x: 86 });
  space(14);
  line('Burgemeester en wethouders van Zandvliet');
  pages.forEach((p, i) => {
    p.drawText(pdfHeader, { x: 72, y: 800, size: 9, font: regular });
    p.drawText(`Evaluatie cameratoezicht 2025 | pagina ${i + 1} van ${pages.length}`, { x: 72, y: 40, size: 9, font: regular });
  });
  return pdf.save();
}

/** An evaluation (.md) with front matter, a pipe table, a nested list and emphasis. */
export const markdownEvaluation = `---
title: Evaluatie pilot Buurtbemiddeling Zandvliet 2025
gemeente: Zandvliet
type: evaluatie
date: 2026-02-10
---
# Evaluatie pilot Buurtbemiddeling

De pilot liep van **1 maart 2025** tot en met 31 december 2025. De begroting van de pilot was € 41.000.

## Resultaten

De aanmeldingen kwamen van:

- Woonstichting Kustwonen
  - vooral uit Oosthaven
- politie
- inwoners zelf

| Kwartaal | Aanmeldingen | Afgerond |
|---|---:|---:|
| Q2 2025 | 9 | 6 |
| Q3 2025 | 14 | 10 |

## Conclusie

Het college zet buurtbemiddeling vanaf 2026 structureel voort.
`;

/** Text as PDF extraction leaves it (.txt): broken lines, a hyphenated word, page numbers, a repeated footer, OCR bullets and a tab table. */
export const extractedText = [
  'Gemeente Zandvliet',
  'Collegebericht',
  '',
  'Onderwerp: Aanpak woninginbraak 2026',
  'Datum: 14 januari 2026',
  '',
  '1. Aanleiding',
  '',
  'In 2025 zijn in Zandvliet 87 woninginbraken gepleegd, meer dan in de omliggende ge-',
  'meenten. Het college wil dat aantal in 2026 met een kwart terugbrengen.',
  '',
  'Zandvliet veilig | collegebericht',
  '1',
  '\f',
  '2. Maatregelen',
  '',
  'Het college neemt de volgende maatregelen:',
  '• een campagne inbraakpreventie in het najaar',
  'o WhatsApp-buurtpreventie in alle wijken',
  '',
  'Wijk\tInbraken 2025',
  'Oosthaven\t31',
  'Centrum\t22',
  '',
  'Zandvliet veilig | collegebericht',
  '2',
  '\f',
  '3. Planning',
  '',
  'De campagne start op 1 oktober 2026 en loopt tot en met 31 december 2026.',
  '',
  'Zandvliet veilig | collegebericht',
  '3',
].join('\n');
