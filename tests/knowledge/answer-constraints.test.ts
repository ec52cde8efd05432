import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import { namesRoleHolder } from '../../src/features/knowledge/answer/cues.js';
import { infinitiveStem } from '../../src/features/knowledge/answer/question.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * When the offline answerer must answer and when it must not: the question's main term near the
 * answer, the holder of an asked role, verbs and English words as the documents write them.
 * Two small invented documents (Brakendam, Veldhoorn), written here; not eval material.
 */
const brakendam = `Gemeente Brakendam

# Raadsbrief cameratoezicht Veerplein

Datum: 3 maart 2026

## Aanleiding

In 2025 waren er op het Veerplein 41 vernielingen en een reeks straatroven.

## Besluit

De burgemeester wijst het Veerplein aan voor cameratoezicht. Het toezicht geldt van 1 april 2026 tot en met 31 maart 2028.

## Kosten

De aanleg kost eenmalig € 52.000. De jaarlijkse kosten voor beheer bedragen € 18.400.

## Uitvoering

De boa's van de gemeente handhaven het verbod op samenscholing op het plein. Na een jaar evalueert de burgemeester de inzet samen met de politie.
`;
const veldhoorn = `Gemeente Veldhoorn

# Veiligheidsplan 2026

Datum: 12 januari 2026

Portefeuillehouder openbare orde is burgemeester mr. A.J. Visser. Buurtbemiddeling wordt uitgevoerd door Stichting Goede Buren, met 12 vrijwilligers. Buurtbemiddeling kost Veldhoorn jaarlijks € 24.000.
`;

let db: Db;
let kb: KnowledgeBase;

beforeAll(async () => {
  db = await openTestPglite();
  kb = new KnowledgeBase(db);
  await kb.ingest({ fileName: 'brakendam-raadsbrief-cameratoezicht-veerplein.md', buffer: Buffer.from(brakendam) });
  await kb.ingest({ fileName: 'veldhoorn-veiligheidsplan-2026.md', buffer: Buffer.from(veldhoorn) });
}, 120_000);
afterAll(async () => {
  await db.close();
});

const ask = (q: string, locale: 'nl' | 'en' = 'nl') => answerOffline(kb, q, locale);

describe('the offline answer is about what was asked', () => {
  it('abstains when the answer sentence says the asked property of something else', async () => {
    const other = await ask('Wat kost buurtbemiddeling in Brakendam per jaar?');
    expect(other.abstained).toBe(true);
    const own = await ask('Wat kost het cameratoezicht op het Veerplein per jaar?');
    expect(own.abstained).toBe(false);
    expect(own.text).toContain('18.400');
  });

  it('answers "wie is de <rol>" only with a sentence naming who holds the role', async () => {
    expect((await ask('Wie is de burgemeester van Brakendam?')).abstained).toBe(true);
    const named = await ask('Wie is de burgemeester van Veldhoorn?');
    expect(named.text).toContain('Visser');
  });

  it('finds a conjugated verb by its infinitive, and an English word with a hyphen', async () => {
    expect((await ask('Wie handhaaft het samenscholingsverbod op het Veerplein?')).text).toContain('boa');
    expect((await ask('What are the one-off costs of the cameras on the Veerplein?', 'en')).text).toContain('52.000');
  });

  it('reads reasons under an "Aanleiding" heading and periods written "van … tot en met …"', async () => {
    expect((await ask('Waarom komt er cameratoezicht op het Veerplein?')).text).toContain('vernielingen');
    const period = await ask('Voor welke periode geldt het cameratoezicht op het Veerplein?');
    expect(period.text).toContain('1 april 2026');
    expect(period.text).toContain('31 maart 2028');
  });
});

describe('the rules behind it', () => {
  it('tells a sentence naming a role holder from one mentioning the role', () => {
    expect(namesRoleHolder('De burgemeester, mevrouw J. Koster, is portefeuillehouder.', 'burgemeester')).toBe(true);
    expect(namesRoleHolder('Ambtelijk opdrachtgever namens het CMT is de gemeentesecretaris.', 'opdrachtgever')).toBe(true);
    expect(namesRoleHolder('Na een jaar evalueert de burgemeester de inzet samen met de politie.', 'burgemeester')).toBe(false);
    expect(namesRoleHolder('De burgemeester van Oldenburg heeft besloten.', 'burgemeester')).toBe(false);
  });

  it('writes a present-tense verb as its infinitive stem', () => {
    expect(infinitiveStem('handhaaft')).toBe('handhav');
    expect(infinitiveStem('bewaart')).toBe('bewar');
    expect(infinitiveStem('leidt')).toBe('leid');
  });
});
