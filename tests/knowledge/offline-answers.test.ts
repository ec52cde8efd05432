import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import { sampleFiles } from '../../src/features/knowledge/sample-corpus.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * What the offline answerer quotes: the sentence that answers plus what it needs to be read on its
 * own. On the sample corpus and the development documents of two invented gemeenten
 * (tests/knowledge/eval/dev); the held-out documents are not used here.
 */
const devDir = fileURLToPath(new URL('./eval/dev/documents', import.meta.url));
let db: Db;
let kb: KnowledgeBase;

beforeAll(async () => {
  db = await openTestPglite();
  kb = new KnowledgeBase(db);
  for (const file of [...sampleFiles(), ...readdirSync(devDir).map((f) => join(devDir, f))]) await kb.ingest({ fileName: file, buffer: readFileSync(file) });
}, 120_000);
afterAll(async () => {
  await db.close();
});

const ask = (q: string, locale: 'nl' | 'en' = 'nl') => answerOffline(kb, q, locale);

describe('the offline answer holds the fact asked, with what it needs to stand alone', () => {
  it('quotes the newer document first and names an older one with another figure as older', async () => {
    const a = await ask('Hoeveel vrijwillige bemiddelaars heeft Essenbroek?');
    expect(a.abstained).toBe(false);
    const [newer, older] = a.text.split('\n\n');
    expect(newer).toContain('24 vrijwillige bemiddelaars');
    expect(newer).toContain('[1]');
    expect(older).toMatch(/oudere document .* van 14 november 2023/);
    expect(older).toContain('18 vrijwillige bemiddelaars');
    expect(a.citations.map((c) => c.appearance.keywords?.[0])).toEqual(['Essenbroek', 'Essenbroek']);
  });

  it('gives the list a lead-in introduces', async () => {
    const a = await ask('Welke prioriteiten heeft Essenbroek in het veiligheidsplan?');
    for (const theme of ['ondermijning', 'jeugd en veiligheid', 'woninginbraak en fietsendiefstal', 'zorg en veiligheid']) expect(a.text).toContain(theme);
    const themes = await ask("Wat zijn de thema's van het integraal veiligheidsbeleid van Twenterand?");
    for (const theme of ['Leefbaarheid en fysieke verloedering', 'Ondermijning', 'Zorg, jeugd en veiligheid', 'Crisisbeheersing']) expect(themes.text).toContain(theme);
  });

  it('gives a table row with its header cells', async () => {
    const a = await ask('Hoeveel woninginbraken waren er in Kroondal in 2024?');
    expect(a.text).toMatch(/Woninginbraken; 2023: 96; 2024: 81/);
  });

  it('takes the sentence before one that leans on it, and the next sentence when the answer is there', async () => {
    const a = await ask('hoeveel hennepkwekerijen zijn er gevonden op de hoeven');
    expect(a.text).toContain('Daarbij zijn twee illegale hennepkwekerijen ontdekt');
    expect(a.text).toContain('bedrijventerrein De Hoeven');
    const bdur = await ask('Met hoeveel gaat de BDUR omhoog tot 2026?');
    expect(bdur.text).toContain('83 miljoen in 2026');
  });

  it('names the document date when a date in the answer has no year', async () => {
    const a = await ask('Wanneer ontvangt de raad van Essenbroek de voortgangsrapportage?');
    expect(a.text).toContain('vóór 1 april');
    expect(a.text).toContain('(uit een document van 14 november 2023)');
  });

  it('answers the examples of the issue from the sentence that holds the fact', async () => {
    expect((await ask('Hoeveel huishoudens in Twenterand ontvingen de vragenlijst van de veiligheidsmonitor 2023?')).text).toContain('2400 adressen');
    expect((await ask('Welke controle deed Twenterand in oktober 2023?')).text).toContain('controle autobedrijven');
    expect((await ask('Wie leidt de stuurgroep buurtbemiddeling?')).text).toContain('onder leiding van burgemeester en portefeuillehouder dhr. Broekhuizen');
  });

  it('reads chat-typed and English questions', async () => {
    expect((await ask('hoevel fte heeft het team oov van essenbroek')).text).toContain('5,2 fte');
    expect((await ask('wat was het slagingspercentage van buurtbemidelling in kroondal')).text).toContain('66%');
    expect((await ask('How many Bibob checks did Essenbroek carry out in 2024?', 'en')).text).toContain('34 Bibob-toetsen');
  });

  it('abstains when the asked year, part of the year or thing is not in the documents', async () => {
    for (const q of [
      'Hoeveel bezoekers trok het Bramelfestival in 2023?',
      'Hoeveel woninginbraken waren er in Kroondal in 2022?',
      'Wie is de wijkagent van Bramel?',
      'Wanneer is de nieuwe sporthal in Essenbroek klaar?',
    ]) {
      const a = await ask(q);
      expect(a.abstained, `${q}: ${a.text}`).toBe(true);
      expect(a.citations).toEqual([]);
    }
  });
});
