import { describe, expect, it } from 'vitest';
import { splitIntake, validateIntake } from '../../src/features/mediation/intake-schema.js';
import { intakeInput } from './fixtures.js';

describe('intake validation (server side, whatever the card checked)', () => {
  it('accepts a complete referral and normalises the postcode and the kinds', () => {
    const result = validateIntake(intakeInput({ kinds: 'geluid,erfgrens,geluid' }));
    expect(result.kind).toBe('valid');
    if (result.kind !== 'valid') return;
    expect(result.intake.partyAPostcode).toBe('7671 PQ');
    expect(result.intake.kinds).toEqual(['geluid', 'erfgrens']);
    expect(result.intake.partyBPostcode).toBeUndefined();
  });

  it('accepts a JSON client sending arrays and booleans', () => {
    expect(validateIntake(intakeInput({ kinds: ['pesten'], consent: true, violence: false })).kind).toBe('valid');
  });

  it.each([
    ['partyAPostcode', '12345', 'postcode'],
    ['partyAPostcode', '0123 AB', 'postcode'],
    ['partyBPostcode', 'ABCD 12', 'postcode'],
    ['partyAContact', 'bel me', 'contact'],
    ['referrerContact', '', 'required'],
    ['partyAName', '   ', 'required'],
    ['kinds', '', 'required'],
    ['kinds', 'geluid,vuurwerk', 'invalidChoice'],
    ['referrerRole', 'brandweer', 'invalidChoice'],
    ['duration', '', 'required'],
    ['description', 'x'.repeat(20_000), 'tooLong'],
    ['tried', 'y'.repeat(2001), 'tooLong'],
    ['consent', 'false', 'consent'],
    ['consent', undefined, 'consent'],
  ])('refuses %s = %j with %s at that field only', (field, value, code) => {
    const result = validateIntake(intakeInput({ [field]: value }));
    expect(result).toEqual({ kind: 'invalid', fieldErrors: { [field]: code } });
  });

  it('reports every failing field at once', () => {
    const result = validateIntake(intakeInput({ partyAPostcode: '12345', consent: 'false', description: '' }));
    expect(result.kind === 'invalid' && Object.keys(result.fieldErrors).sort()).toEqual(['consent', 'description', 'partyAPostcode']);
  });

  it('treats violence or threat as decisive, even on an incomplete form', () => {
    expect(validateIntake({ violence: 'true' })).toEqual({ kind: 'violence' });
  });

  it('keeps script and markdown as plain text', () => {
    const description = '<script>alert(1)</script> **vet** [link](http://x)';
    const result = validateIntake(intakeInput({ description }));
    expect(result.kind === 'valid' && result.intake.description).toBe(description);
  });

  it('splits personal data from the anonymous facts', () => {
    const result = validateIntake(intakeInput());
    if (result.kind !== 'valid') throw new Error('expected valid');
    const { facts, personal } = splitIntake(result.intake);
    expect(facts).toEqual({ referrerRole: 'politie', kinds: ['geluid', 'erfgrens'], duration: 'een-tot-zes-maanden', urgency: 'normaal' });
    expect(JSON.stringify(facts)).not.toMatch(/Kleinjan|Vriezenveen|7671/);
    expect(personal.partyAName).toBe('Hendrika Kleinjan-Oosterveld');
  });
});
