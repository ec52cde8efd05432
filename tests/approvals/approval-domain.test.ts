import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/config/project-root.js';
import { Organisation } from '../../src/organisation/organisation.js';
import { mayDecide, nextRequestStep, stepAllowed, type approvalStatuses } from '../../src/features/approvals/approval-state.js';
import { auditToCsv, type AuditRecord } from '../../src/features/approvals/audit-export.js';
import { parseDate, parsePeriod } from '../../src/features/approvals/dates.js';
import { parseAddCommand, splitNote } from '../../src/features/approvals/milestone-commands.js';
import { loadMilestoneFiles, matchMilestones, parseMilestoneFile } from '../../src/features/approvals/milestone-register.js';
import { personas, TENANT_ID, OTHER_TENANT_ID } from '../helpers/teams-activity.js';

const organisation = Organisation.fromFile(fromRoot('src/content/organisation.yaml'));

describe('approval state machine', () => {
  it('decides or cancels only an open request, resubmits only one sent back for changes, and leaves a closed one alone', () => {
    const steps = ['approve', 'reject', 'requestChanges', 'cancel', 'resubmit'] as const;
    const allowed = (status: (typeof approvalStatuses)[number]) => steps.filter((step) => stepAllowed(step, status));
    expect(allowed('requested')).toEqual(['approve', 'reject', 'requestChanges', 'cancel']);
    expect(allowed('changes_requested')).toEqual(['resubmit']);
    for (const closed of ['approved', 'rejected', 'cancelled'] as const) expect(allowed(closed), closed).toEqual([]);
  });

  it('a new request resubmits after changes, starts over after a rejection, and is refused while open or approved', () => {
    expect(nextRequestStep(undefined)).toBe('new');
    expect(nextRequestStep('changes_requested')).toBe('resubmit');
    expect(nextRequestStep('rejected')).toBe('new');
    expect(nextRequestStep('cancelled')).toBe('new');
    expect(nextRequestStep('requested')).toBe('already_open');
    expect(nextRequestStep('approved')).toBe('already_approved');
  });
});

describe('who may decide', () => {
  const check = (persona: { aadObjectId: string }, at: string, tenantId = TENANT_ID, gemeente = 'Hengelo') =>
    mayDecide(organisation, { tenantId, aadObjectId: persona.aadObjectId, approverRole: 'burgemeester', gemeente, at: new Date(at) });

  it('the burgemeester, for the tenant’s gemeenten only', () => {
    expect(check(personas.burgemeester, '2026-11-21T10:00:00Z')).toBe(true);
    expect(check(personas.burgemeester, '2026-11-21T10:00:00Z', TENANT_ID, 'Amsterdam')).toBe(false);
    expect(check(personas.burgemeester, '2026-11-21T10:00:00Z', OTHER_TENANT_ID)).toBe(false);
  });

  it('the loco-burgemeester within the delegation period (both ends included), not outside it', () => {
    expect(check(personas.loco, '2026-07-01T08:00:00Z')).toBe(true);
    expect(check(personas.loco, '2026-08-31T20:00:00Z')).toBe(true);
    expect(check(personas.loco, '2026-06-30T12:00:00Z')).toBe(false);
    expect(check(personas.loco, '2026-09-01T08:00:00Z')).toBe(false);
  });

  it('nobody else', () => {
    for (const p of [personas.adviseur, personas.coordinator, personas.stuurgroep]) expect(check(p, '2026-07-15T10:00:00Z')).toBe(false);
  });
});

describe('milestone files', () => {
  it('the seed files of Hengelo, Heemstede and Twenterand are valid', () => {
    const files = loadMilestoneFiles(fromRoot('src/content/milestones'));
    expect(files.map((f) => f.gemeente).sort()).toEqual(['Heemstede', 'Hengelo', 'Twenterand']);
    const hengelo = files.find((f) => f.gemeente === 'Hengelo')!;
    expect(hengelo.milestones.find((m) => m.id === 'hengelo-programma-opdracht-2023')).toMatchObject({ plannedDate: '2023-02-21', zaaknummer: '3554310', approverRole: 'burgemeester' });
  });

  it('names the file and the field of a mistake', () => {
    const base = 'gemeente: Hengelo\nmilestones:\n  - id: x-plan\n    title: Plan\n    plannedDate: 2027-02-30\n    owner: Team\n';
    expect(() => parseMilestoneFile(base, 'hengelo.yaml')).toThrow(/hengelo\.yaml: milestones\.0\.plannedDate/);
    expect(() => parseMilestoneFile(base.replace('2027-02-30', '2027-02-28').replace('owner: Team\n', ''), 'h.yaml')).toThrow(/milestones\.0\.owner/);
    expect(() => parseMilestoneFile(base.replace('2027-02-30', '2027-02-28').replace('owner: Team', 'owner: Team\n    approverRole: koning'), 'h.yaml')).toThrow(/approverRole/);
    const twice = base.replace('2027-02-30', '2027-02-28') + '  - id: x-plan\n    title: Ander plan\n    plannedDate: 2027-03-01\n    owner: Team\n';
    expect(() => parseMilestoneFile(twice, 'h.yaml')).toThrow(/duplicate id x-plan/);
    expect(() => parseMilestoneFile('gemeente: [', 'h.yaml')).toThrow(/not valid YAML/);
  });

  it('matches a milestone by words of its title, and several when ambiguous', () => {
    const ms = [
      { id: 'hengelo-uitvoeringsplan-2027', title: 'Uitvoeringsplan veiligheid 2027', gemeente: 'Hengelo' },
      { id: 'heemstede-uitvoeringsplan-2027', title: 'Jaarlijks uitvoeringsplan veiligheid 2027', gemeente: 'Heemstede' },
      { id: 'hengelo-veiligheidsanalyse-2023', title: 'Veiligheidsanalyse', gemeente: 'Hengelo' },
    ];
    expect(matchMilestones(ms, 'uitvoeringsplan 2027')).toHaveLength(2);
    expect(matchMilestones(ms, 'het uitvoeringsplan van Hengelo')).toEqual([ms[0]]);
    expect(matchMilestones(ms, 'veiligheidsanalyse')).toEqual([ms[2]]);
    expect(matchMilestones(ms, 'hengelo-veiligheidsanalyse-2023')).toEqual([ms[2]]);
    expect(matchMilestones(ms, 'begroting')).toEqual([]);
  });
});

describe('what advisers type', () => {
  it('dates', () => {
    expect(parseDate('2027-03-15')).toBe('2027-03-15');
    expect(parseDate('15-3-2027')).toBe('2027-03-15');
    expect(parseDate('15 maart 2027')).toBe('2027-03-15');
    expect(parseDate('31-02-2027')).toBeUndefined();
    expect(parseDate('volgende week')).toBeUndefined();
  });

  it('periods for the audit export', () => {
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('november 2026')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(parsePeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(parsePeriod('2026-01-01 t/m 2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('1-1-2026 - 31-3-2026')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('2026-03-31 t/m 2026-01-01')).toBeUndefined();
    expect(parsePeriod('ooit')).toBeUndefined();
  });

  it('adding a milestone and a note', () => {
    expect(parseAddCommand('Hengelo: Evaluatie op de aanpak op 15 maart 2027', ['Twenterand', 'Hengelo'])).toEqual({ gemeente: 'Hengelo', title: 'Evaluatie op de aanpak', plannedDate: '2027-03-15' });
    expect(() => parseAddCommand('Evaluatie op 15-03-2027', ['Twenterand', 'Hengelo'])).toThrow(/milestone_gemeente_needed/);
    expect(parseAddCommand('Evaluatie op 15-03-2027', ['Hengelo']).gemeente).toBe('Hengelo');
    expect(splitNote('uitvoeringsplan hengelo, opmerking: graag snel')).toEqual({ query: 'uitvoeringsplan hengelo', note: 'graag snel' });
    expect(splitNote('uitvoeringsplan hengelo')).toEqual({ query: 'uitvoeringsplan hengelo' });
  });
});

describe('audit CSV', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    const record: AuditRecord = {
      at: '2026-11-21T10:00:00.000Z',
      gemeente: 'Hengelo',
      milestoneId: 'm',
      milestoneTitle: 'Plan, "nieuw"',
      requestId: 'r',
      action: 'approved',
      statusAfter: 'approved',
      actorName: 'Jan',
      actorAadObjectId: 'a',
      comment: '=HYPERLINK("x")',
      cardVersion: 1,
      documents: [{ title: 'Doc', source: 'd.txt' }],
    };
    const [header, line] = auditToCsv([record]).trim().split('\r\n');
    expect(header).toBe('at,gemeente,milestoneId,milestoneTitle,requestId,action,statusAfter,actorName,actorAadObjectId,comment,cardVersion,documents');
    expect(line).toContain('"Plan, ""nieuw"""');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('Doc | d.txt');
  });
});
