import { describe, expect, it } from 'vitest';
import { cleanText, headingLine, readTextDocument, splitSentences } from '../../src/documents/index.js';

describe('cleanText', () => {
  it('undoes hyphenation at line ends but keeps "leef- en woonomgeving"', () => {
    expect(cleanText('De gemeente werkt aan veilig-\nheid in de wijk.')).toBe('De gemeente werkt aan veiligheid in de wijk.');
    expect(cleanText('Aandacht voor de leef-\nen woonomgeving van inwoners.')).toContain('leef- en woonomgeving');
  });

  it('joins lines broken inside a sentence and keeps paragraphs apart', () => {
    const raw = 'Per 1 januari 2022 is de gemeente aangesloten bij Meld\nMisdaad Anoniem. Dat is een meldpunt.\n\nNieuwe alinea hier.';
    expect(cleanText(raw)).toBe('Per 1 januari 2022 is de gemeente aangesloten bij Meld Misdaad Anoniem. Dat is een meldpunt.\n\nNieuwe alinea hier.');
  });

  it('fixes OCR slips so dates and words survive', () => {
    expect(cleanText('Op1juli 2022 is de wet in werking getreden.')).toContain('Op 1 juli 2022');
    expect(cleanText('- Injuniis een controle geweest.')).toContain('In juni is een controle');
    expect(cleanText('- In maartis er een horecacontrole uitgevoerd.')).toContain('In maart is er');
    expect(cleanText('Er wordt een BIBOB coo6rdinator geworven.')).toContain('BIBOB coördinator');
    expect(cleanText('Zij zijn verantwoordelijk voor het codrdineren van taken.')).toContain('coördineren');
    expect(cleanText('De categorieén en het creéren van 0.a. iets.')).toContain('categorieën en het creëren van o.a. iets');
    expect(cleanText('12 apr 2023\tThemabijeenkomst')).toContain('12 april 2023');
  });

  it('drops page furniture: page numbers, repeated headers, export stamps', () => {
    const page = (n: number) => `Gemeente Voorbeeld - Jaarverslag\nTekst van pagina ${n} loopt door.\nPagina ${n} van 3`;
    const cleaned = cleanText([page(1), page(2), page(3)].join('\n\f\n') + '\nDeze pagina is gebouwd op 10/12/2023 11:31:30');
    expect(cleaned).not.toMatch(/Pagina \d van 3|Jaarverslag|gebouwd op/);
    expect(cleaned).toContain('Tekst van pagina 2 loopt door.');
  });

  it('turns OCR bullets ("o", "e", "•") into list items', () => {
    expect(cleanText('Links:\no Twente Veilig\ne IVZplatform\n• Data politie').split('\n')).toEqual(['Links:', '- Twente Veilig', '- IVZplatform', '- Data politie']);
  });
});

describe('plain text read into sections', () => {
  it('detects numbered headings, ALL CAPS labels and short title lines, and keeps the headings above as the path', () => {
    const doc = readTextDocument(
      'INLEIDING\nDit is de inleiding van het stuk.\n\n1. Leefbaarheid en fysieke verloedering\n\nBuurtbemiddeling\n\nDe raad heeft ingestemd met de pilot.\n\n2. Ondermijning\nDe aanpak wordt versterkt.\n\nBijlage 1: De vijf veiligheidsvelden\nVeilige woon- en leefomgeving is er een.',
      'txt',
    );
    expect(doc.sections.map((s) => headingLine(s.headingPath))).toEqual([
      'INLEIDING',
      '1. Leefbaarheid en fysieke verloedering › Buurtbemiddeling',
      '2. Ondermijning',
      'Bijlage 1: De vijf veiligheidsvelden',
    ]);
    expect(doc.sections[1]!.blocks.map((b) => b.text)).toEqual(['De raad heeft ingestemd met de pilot.']);
  });

  it('keeps an address block or subject line as content, not as headings', () => {
    const doc = readTextDocument('ONDERWERP\nStand van zaken notitie 2023\nKENNISNEMEN VAN\n- De notitie', 'txt');
    expect(doc.sections[0]).toMatchObject({ title: 'ONDERWERP', level: 1, blocks: [{ kind: 'paragraph', text: 'Stand van zaken notitie 2023' }] });
    expect(doc.sections[1]).toMatchObject({ title: 'KENNISNEMEN VAN', blocks: [{ kind: 'list', text: 'De notitie' }] });
  });

  it('splits sentences but not at abbreviations or initials', () => {
    expect(splitSentences('Onder leiding van dhr. Broekhuizen en mr. J.C.F. Broekhuizen. Er is o.a. een oefening. Klaar!')).toEqual([
      'Onder leiding van dhr. Broekhuizen en mr. J.C.F. Broekhuizen.',
      'Er is o.a. een oefening.',
      'Klaar!',
    ]);
  });
});
