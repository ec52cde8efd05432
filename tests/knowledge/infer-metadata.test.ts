import { describe, expect, it } from 'vitest';
import { inferGemeente, inferTitle } from '../../src/documents/metadata.js';

describe('metadata inferred from the text', () => {
  it('takes the gemeente from a letterhead, and the title from the first line after it', () => {
    const text = "Gemeente Hengelo\nNotitie cameratoezicht uitgaansgebied 2026\n\nHet college besluit op 14 april 2026 over de camera's.";
    expect(inferGemeente(text)).toBe('Hengelo');
    expect(inferTitle(text, 'notitie.pdf')).toBe('Notitie cameratoezicht uitgaansgebied 2026');
  });

  it('counts "Gemeente X" and "gemeente X" alike, and needs more than one passing mention without a letterhead', () => {
    expect(inferGemeente('Rapportage\n\nDe gemeente Oss werkt samen met Gemeente Oss en de regio.')).toBe('Oss');
    expect(inferGemeente('Rapportage\n\nWij spraken met de gemeente Enschede over de aanpak.')).toBeNull();
  });

  it('does not take a sentence that starts with "Gemeente" for a letterhead', () => {
    expect(inferGemeente('Voortgang\nGemeente Almelo en Twenterand werken samen aan de aanpak.')).toBeNull();
  });
});
