import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digestCard } from '../../src/features/steering/digest-card.js';
import { buildDigest } from '../../src/features/steering/digest.js';
import { readTextDocument } from '../../src/documents/index.js';
import { summaryDocumentOf } from '../../src/features/summaries/summary-document.js';
import { catalogue } from '../../src/i18n/catalogue.js';
import { cardText } from '../helpers/test-app.js';

const query = { tenantId: 't', programme: 'buurtbemiddeling', from: new Date('2026-02-02T08:00:00Z'), to: new Date('2026-03-02T08:00:00Z') };

describe('steering digest', () => {
  it('shows milestones, approvals, mediation figures and new status notes from its sources', async () => {
    const note = summaryDocumentOf('Stand van zaken Terugblik 2023', readTextDocument(readFileSync('/work/shared/corpus/001_05e79deea0a07a60.txt', 'utf8'), 'txt'));
    const digest = await buildDigest(
      {
        milestones: async () => ({ reached: [{ title: 'Samenwerkingscontract getekend', date: '2026-02-07', gemeente: 'Twenterand' }], coming: [{ title: 'Eerste meldingen', date: '2026-05-01' }] }),
        pendingApprovals: async () => [{ title: 'Jaarplan Veiligheid 2026', since: '2026-02-20' }],
        mediationStats: async () => [{ label: 'Aantal aanmeldingen', value: '4' }],
        newStatusNotes: async () => [note],
      },
      query,
    );
    const text = cardText(digestCard(digest, catalogue('nl'), { locale: 'nl', timeZone: 'Europe/Amsterdam', footer: 'Automatische update volgens de planning.' }));
    expect(text).toContain('Update stuurgroep buurtbemiddeling');
    expect(text).toContain('Over de periode 2 februari 2026 tot en met 2 maart 2026');
    expect(text).toContain('7 februari 2026: Samenwerkingscontract getekend (Twenterand)');
    expect(text).toContain('1 mei 2026: Eerste meldingen');
    expect(text).toContain('Jaarplan Veiligheid 2026, aangevraagd op 20 februari 2026');
    expect(text).toContain('Aantal aanmeldingen');
    expect(text).toContain('Stand van zaken Terugblik 2023');
  });

  it('says "Geen." for an empty part, and leaves out the mediation figures for another programme', async () => {
    const empty = { milestones: async () => ({ reached: [], coming: [] }), pendingApprovals: async () => [], newStatusNotes: async () => [] };
    const digest = await buildDigest({ ...empty, mediationStats: async () => undefined }, { ...query, programme: 'cameratoezicht' });
    const text = cardText(digestCard(digest, catalogue('nl'), { locale: 'nl', timeZone: 'Europe/Amsterdam', footer: 'x' }));
    expect(text).toContain('Mijlpalen bereikt');
    expect(text).toContain('Wacht op goedkeuring');
    expect(text.match(/Geen\./g)).toHaveLength(4);
    expect(text).not.toContain('Buurtbemiddeling in cijfers');
  });
});
