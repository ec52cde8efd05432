import { describe, expect, it } from 'vitest';
import { findMilestonesInText } from '../../src/features/approvals/milestone-reference.js';
import { parseAddRequest } from '../../src/features/approvals/milestone-commands.js';
import { resolveDocument } from '../../src/features/summaries/document-reference.js';
import { findDate } from '../../src/routing/find-date.js';

const documents = [
  { id: '1', title: 'Stand van zaken notitie Openbare Orde en Veiligheid 2023', gemeente: 'Twenterand', docType: 'raadsbrief', date: '2024-02-15' },
  { id: '2', title: 'Stand van zaken notitie openbare orde en veiligheid: Terugblik 2023', gemeente: 'Twenterand', docType: 'notitie', date: '2024-02-15' },
  { id: '3', title: 'Themabijeenkomst programma veiligheid / Opdracht programma veiligheid', gemeente: 'Hengelo', docType: 'programma-opdracht', date: '2023-02-24' },
  { id: '4', title: 'Planning Beleidsplan Integrale Veiligheid 2024-2027', gemeente: 'Heemstede', docType: 'collegebericht', date: '2023-07-11' },
  { id: '5', title: 'Programma 8. Veilige omgeving', gemeente: null, docType: 'begroting', date: '2023-12-10' },
];
const gemeenten = ['Twenterand', 'Hengelo', 'Heemstede'];

describe("slots in colleagues' words", () => {
  it.each([
    ['de notitie van Twenterand over 2023', '2'],
    ['de terugblik', '2'],
    ['het programma veiligheid van Hengelo', '3'],
    ['kun je de notitie van Heemstede samenvatten?', '4'],
    ['samenvatting over de planing van het beleidsplan', '4'],
    ['de begroting', '5'],
  ])('"%s" is document %s', (reference, id) => {
    expect(resolveDocument(documents, reference, gemeenten)?.id).toBe(id);
  });

  it('names no document when a gemeente or year rules them all out', () => {
    expect(resolveDocument(documents, 'de notitie van Hengelo over 2019', gemeenten)).toBeUndefined();
  });

  it('reads Dutch and English dates, a day without a year being the next one', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(findDate('mijlpaal toevoegen Hengelo: evaluatie op 3 maart', now)?.iso).toBe('2027-03-03');
    expect(findDate('verplaats de evaluatie naar volgende week dinsdag', now)?.iso).toBe('2026-12-08');
    expect(findDate('move it to 20 January 2026', now)?.iso).toBe('2026-01-20');
    expect(findDate('Veiligheidsbeeld 2026', now)).toBeUndefined();
  });

  it('reads a milestone to add from a free sentence', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(parseAddRequest('Voeg een nieuwe mijlpaal toe voor Hengelo: evaluatie Damoclesbeleid, 18 november 2027', gemeenten, now)).toEqual({
      gemeente: 'Hengelo',
      title: 'Evaluatie Damoclesbeleid',
      plannedDate: '2027-11-18',
    });
    expect(parseAddRequest("zet 'Veiligheidsmonitor presenteren' voor Heemstede op 3 maart in de planning", gemeenten, now)).toEqual({
      gemeente: 'Heemstede',
      title: 'Veiligheidsmonitor presenteren',
      plannedDate: '2027-03-03',
    });
  });

  it('finds milestones by their title words, with typos', () => {
    const milestones = [
      { id: 'tw-tussenevaluatie-camera', title: 'Tussenevaluatie cameratoezicht', gemeente: 'Twenterand' },
      { id: 'hs-vaststelling-ivp', title: 'Vaststelling Integraal Veiligheidsplan', gemeente: 'Heemstede' },
    ];
    expect(findMilestonesInText(milestones, 'uitstel: mijlpaal tussenevaluatie camera wordt later').map((m) => m.id)).toEqual(['tw-tussenevaluatie-camera']);
    expect(findMilestonesInText(milestones, 'kan de vaststeling van het veiligheidsplan verschoven worden').map((m) => m.id)).toEqual(['hs-vaststelling-ivp']);
    expect(findMilestonesInText(milestones, 'iets heel anders')).toEqual([]);
  });
});
