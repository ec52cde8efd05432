import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import { answerCue, definesTerm } from '../../src/features/knowledge/answer/cues.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * The kind of answer a question asks for, whatever words it uses: a count however it is phrased,
 * a measure taken, a definition of the asked term, a reason under a heading that does not repeat
 * the subject, English phrases of several words. Two small invented documents (Hoornwijk, Dellemond),
 * written here; not eval material.
 */
const plan = `Gemeente Hoornwijk

# Veiligheidsplan Hoornwijk 2025-2028

Datum: 10 december 2024

## Jeugd

De gemeente zet twee buurtcoaches in op de pleinen. In 2027 evalueert de gemeente de inzet van de buurtcoaches. In de aanpak Op Pad deden in 2024 negen jongeren mee.

## Op Pad

Op Pad is een aanpak waarin jongeren samen met hun ouders afspraken maken over school en werk.

## Organisatie

De stuurgroep veiligheid bestaat uit de burgemeester en de teamchef politie. Buurtbemiddeling wordt ingekocht bij een stichting.

## Oplichting

In 2024 deden inwoners 140 aangiften van oplichting. De gemeente organiseert voorlichtingsavonden over oplichting in de bibliotheek.
`;
const report = `Gemeente Hoornwijk

# Voortgangsbrief veiligheid 2025

Datum: 20 mei 2026

## Jeugd

Sinds maart 2026 werken er drie buurtcoaches in plaats van twee.
`;
const letter = `Gemeente Dellemond

# Raadsbrief vuurwerkvrije zones

Datum: 2 november 2026

## Aanleiding

Tijdens de jaarwisseling liep de schade door vuurwerk op tot € 120.000 en raakten zes mensen gewond.

## Besluit

De burgemeester wijst twee vuurwerkvrije zones aan: het centrum en het stadspark.
`;

// Fourth round: a holder named right after "is", a meeting that recurs, a compound counted by its head,
// an amount asked with a verb, a why-question about priorities, how colleagues say what the documents write.
const programme = `Gemeente Tolbergen

# Jaarprogramma veiligheid 2026

Vastgesteld door het college van burgemeester en wethouders op 3 februari 2026

## Speerpunten

Het college werkt in 2026 aan twee speerpunten: woonoverlast en jeugdgroepen. Ondermijning is dit jaar geen apart speerpunt, omdat de aanpak al regionaal via het RIEC loopt.

## Woonoverlast

Per 1 maart is Anouk Verstraten, beleidsadviseur openbare orde, de trekker van de aanpak woonoverlast.

## Casusoverleg

Bewoners met zorgen over overlast kunnen terecht bij het wijkteam. Het casusoverleg woonoverlast komt elke derde woensdag van de maand bijeen.

## Drugsafval

In 2025 zijn in Tolbergen negen dumpingen van drugsafval gevonden. Sinds januari vergoedt de gemeente per dumping maximaal € 4.000 van de opruimkosten van agrariërs.

## Begrippen

Onder woonoverlast verstaan wij ernstige en herhaalde hinder vanuit een woning voor de directe omgeving. GRIP staat voor de gecoördineerde regionale incidentbestrijdingsprocedure.

## Evenementen

Het Dijkfestival komt in 2026 terug op het haventerrein.

## Branden

Op 3 maart woedde een grote brand in een loods aan de Kade, waarbij 12 woningen werden ontruimd.

## Jaarwisseling

Tijdens de jaarwisseling bedroeg de schade aan gemeentelijke eigendommen in totaal € 9.300.
`;

// A gemeente named in two words.
const note = `---
gemeente: Nieuw-Tolbergen
---
# Notitie ondermijning

Nieuw-Tolbergen heeft twee bedrijventerreinen en een groot buitengebied.

Ondermijning is de verwevenheid van de onderwereld met de bovenwereld.
`;

let db: Db;
let kb: KnowledgeBase;

beforeAll(async () => {
  db = await openTestPglite();
  kb = new KnowledgeBase(db);
  await kb.ingest({ fileName: 'hoornwijk-veiligheidsplan-2025-2028.md', buffer: Buffer.from(plan) });
  await kb.ingest({ fileName: 'hoornwijk-voortgangsbrief-veiligheid-2025.md', buffer: Buffer.from(report) });
  await kb.ingest({ fileName: 'dellemond-raadsbrief-vuurwerkvrije-zones.md', buffer: Buffer.from(letter) });
  await kb.ingest({ fileName: 'tolbergen-jaarprogramma-veiligheid-2026.md', buffer: Buffer.from(programme) });
  await kb.ingest({ fileName: 'nieuw-tolbergen-notitie-ondermijning.md', buffer: Buffer.from(note) });
}, 120_000);
afterAll(async () => {
  await db.close();
});

const ask = (q: string, locale: 'nl' | 'en' = 'nl') => answerOffline(kb, q, locale);

describe('the offline answer holds the kind of fact asked', () => {
  it('answers a hoeveel-question with the newest sentence that counts the thing, whatever its verb', async () => {
    const answer = await ask('Hoeveel buurtcoaches zet Hoornwijk in?');
    expect(answer.abstained).toBe(false);
    expect(answer.text.split('\n\n')[0]).toContain('drie buurtcoaches');
  });

  it('answers "wat doet … tegen …" with a measure, not with a figure about the problem', async () => {
    const answer = await ask('Wat doet Hoornwijk tegen oplichting?');
    expect(answer.text).toContain('voorlichtingsavonden');
  });

  it('defines only the asked term: a sentence with "is een" or "bestaat uit" about something else is no definition', async () => {
    expect((await ask('Wat is buurtbemiddeling?')).abstained).toBe(true);
    // "Wat is het budget?" asks for a property, not for a definition of "budget".
    expect(answerCue('Wat is het budget?')).not.toBe('definition');
    expect(answerCue('Wat is buurtbemiddeling?')).toBe('definition');
    const defined = await ask('Wat houdt de aanpak Op Pad in?');
    expect(defined.text).toContain('afspraken maken');
  });

  it('reads "welke" with a noun of time or a verb of paying as the kind it asks, not as a list', () => {
    expect(answerCue('Op welke tijden is carbidschieten toegestaan?')).toBe('time');
    expect(answerCue('Op welke dagen werd het festival gehouden?')).toBe('date');
    expect(answerCue('On which days is the market open?')).toBe('date');
    expect(answerCue('wat betaalt de gemeente jaarlijks aan het zorg- en veiligheidshuis')).toBe('money');
    expect(answerCue('What score did visitors give the shuttle buses?')).toBe('number');
    // "Wat bedoelt … met …", "Wat valt er onder …" ask for a definition, and "Met X bedoelen we …", "Onder X valt …" give one.
    expect(answerCue('Wat bedoelt de gemeente precies met ondermijning?')).toBe('definition');
    expect(answerCue('Wat valt er allemaal onder drugsoverlast?')).toBe('definition');
    expect(definesTerm('Met een quickscan bedoelen we een gesprek van anderhalf uur op de bedrijfslocatie.', ['quickscan'])).toBe(true);
    expect(definesTerm('Onder drugsoverlast valt alle hinder die bewoners ervaren van de handel in drugs.', ['drugsoverlast'])).toBe(true);
    // A plural noun of anything else is still a list.
    expect(answerCue('Op welke doelgroepen richt het veiligheidshuis zich?')).toBe('list');
  });

  it('asks about the term, not about the gemeente of several words nor the verb of a definition question', async () => {
    const { analysis } = await kb.analyze('Wat verstaat Nieuw-Tolbergen onder ondermijning?');
    expect(analysis.gemeente).toBe('Nieuw-Tolbergen');
    expect(analysis.cue).toBe('definition');
    expect(analysis.concepts.map((c) => c.word)).toEqual(['ondermijning']);
    expect(answerCue('Wat houdt een babbeltruc in, volgens de gemeente Nieuw-Tolbergen?')).toBe('definition');
    expect((await ask('Wat verstaat Nieuw-Tolbergen onder ondermijning?')).text).toContain('verwevenheid');
  });

  it('finds the reason under "Aanleiding" when only the title names the subject', async () => {
    expect((await ask('Waarom komen er vuurwerkvrije zones in Dellemond?')).text).toContain('schade door vuurwerk');
  });

  it('reads an English phrase of several words as one Dutch word', async () => {
    expect((await ask('What was the fireworks damage in Dellemond at New Year\u2019s Eve?', 'en')).text).toContain('120.000');
  });

  it('names the holder of a role said as "is <name>, <what they do>, de <role>"', async () => {
    expect((await ask('wie is trekker aanpak woonoverlast in tolbergen')).text).toContain('Anouk Verstraten');
  });

  it('answers when a meeting is asked with the day it recurs', async () => {
    expect((await ask('Wanneer vergadert het casusoverleg woonoverlast in Tolbergen?')).text).toContain('derde woensdag');
  });

  it('counts a compound by its head, and reads "hoeveel <verb>" as asking for an amount', async () => {
    expect((await ask('hoeveel drugsdumpingen had tolbergen in 2025')).text).toContain('negen dumpingen');
    expect((await ask('Hoeveel vergoedt Tolbergen maximaal per dumping aan boeren?')).text).toContain('4.000');
  });

  it('answers a why-question about priorities with the reason, not with the priorities overview', async () => {
    const answer = await ask('Waarom is ondermijning dit jaar geen apart speerpunt in Tolbergen?');
    expect(answer.kind).toBe('answer');
    expect(answer.text).toContain('regionaal via het RIEC');
  });

  it('reads how colleagues say it as the documents write it ("goedgekeurd" for "vastgesteld")', async () => {
    expect((await ask('Wanneer is het jaarprogramma veiligheid van Tolbergen door het college goedgekeurd?')).text).toContain('3 februari 2026');
  });

  it('reads "wat verstaat … onder …" and "staat voor" as asking and giving a definition, and never quotes the letterhead', async () => {
    const answer = await ask('Wat verstaat de gemeente Tolbergen onder woonoverlast?');
    expect(answer.text).toContain('herhaalde hinder');
    expect(answer.text).not.toContain('Gemeente Tolbergen');
    expect((await ask('wat betekent grip in tolbergen')).text).toContain('incidentbestrijdingsprocedure');
    // The documents count drugsafval but do not define it: no definition to give.
    expect((await ask('Wat verstaat Tolbergen onder drugsafval?')).abstained).toBe(true);
  });

  it('does not take the year a question names as the date it asks for, nor any number as the size it asks for', async () => {
    expect((await ask('Op welke data wordt het Dijkfestival in 2026 in Tolbergen gehouden?')).abstained).toBe(true);
    expect((await ask('Hoe hoog was de schade door de brand aan de Kade in Tolbergen?')).abstained).toBe(true);
    expect((await ask('Hoe groot was de schade aan gemeentelijke eigendommen in Tolbergen tijdens de jaarwisseling?')).text).toContain('9.300');
  });
});
