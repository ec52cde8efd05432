import { describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.js';
import { en } from '../../src/i18n/en.js';
import { leadTimeText } from '../../src/features/mediation/lead-time-text.js';

describe('lead times read as a person would say them', () => {
  it('one case is "1 zaak", and zero days is "binnen een dag"', () => {
    expect(leadTimeText({ count: 1, medianDays: 0, averageDays: 0 }, nl.mediation)).toBe('1 zaak: binnen een dag');
    expect(leadTimeText({ count: 1, medianDays: 1, averageDays: 1 }, nl.mediation)).toBe('1 zaak: 1 dag');
  });
  it('several cases name median and average in days, with a Dutch decimal comma', () => {
    expect(leadTimeText({ count: 3, medianDays: 4, averageDays: 5.5 }, nl.mediation)).toBe('3 zaken: mediaan 4 dagen, gemiddeld 5,5 dagen');
    expect(leadTimeText({ count: 2, medianDays: 3, averageDays: 3 }, nl.mediation)).toBe('2 zaken: 3 dagen');
    expect(leadTimeText({ count: 0, medianDays: null, averageDays: null }, nl.mediation)).toBe(nl.mediation.statsNone);
    expect(leadTimeText({ count: 1, medianDays: 0, averageDays: 0 }, en.mediation)).toBe('1 case: within a day');
  });
});
