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

describe('the title under a letterhead', () => {
  it('is not the sending unit nor a field line under the letterhead', () => {
    const text = 'Gemeente Tolbergen\nAfdeling Veiligheid en Handhaving\nDatum: 3 maart 2026\nPlan van aanpak woninginbraak 2026\n\nDit plan beschrijft de aanpak.';
    expect(inferTitle(text, 'plan.docx')).toBe('Plan van aanpak woninginbraak 2026');
    expect(inferTitle('Gemeente Tolbergen – Team Openbare Orde en Veiligheid\nJaarverslag veiligheid 2025\n\nIn 2025 daalde het aantal inbraken.', 'jaarverslag.pdf')).toBe(
      'Jaarverslag veiligheid 2025',
    );
    expect(inferGemeente('Gemeente Tolbergen – Team Openbare Orde en Veiligheid\nJaarverslag veiligheid 2025')).toBe('Tolbergen');
  });

  it('is not a table row whose first column is headed "Onderwerp", further on in the document', () => {
    const head = 'Gemeente Tolbergen\nKwartaalrapportage veiligheid Q1 2027\nDatum: 12 mei 2027\n\n1. Aanleiding\nDeze rapportage beschrijft het eerste kwartaal.';
    const body = Array.from({ length: 16 }, (_, i) => `Zin ${i + 1} over de cijfers van het kwartaal.`).join('\n');
    expect(inferTitle(`${head}\n${body}\nOnderwerp: Woninginbraken (incl. pogingen); Q1 2026: 31; Q1 2027: 24`, 'q1.txt')).toBe('Kwartaalrapportage veiligheid Q1 2027');
    // A subject field in the head of a letter is its title.
    expect(inferTitle('Gemeente Tolbergen\nAan de gemeenteraad\nOnderwerp: Sluiting drugspand Kerkstraat\n\nGeachte raad,', 'brief.txt')).toBe('Sluiting drugspand Kerkstraat');
  });
  it('is not a status line saying when or how the document was settled', () => {
    expect(
      inferTitle('Gemeente Tolbergen\nAfdeling OOV\nKenmerk: OOV/2025/0871\nVastgesteld door de gemeenteraad op 18 december 2025\n# Integraal Veiligheidsplan 2026-2029\n## 1. Inleiding', 'ivp.docx'),
    ).toBe('Integraal Veiligheidsplan 2026-2029');
    expect(inferTitle('Gemeente Tolbergen\nEvaluatierapport\nVersie 1.0, 14 september 2026\nOpgesteld door: L. Verbeek\n# Evaluatie pilot fietsdiefstal', 'evaluatie.txt')).toBe(
      'Evaluatie pilot fietsdiefstal',
    );
  });

  it('is not the first cell of a table headed "Onderwerp" in the first section, after the first heading', () => {
    const text =
      'Gemeente Tolbergen\nEvaluatierapport evenementenveiligheid Stadsfestival 2026\nDatum: 12 oktober 2026\n1. Inleiding\nHet festival trok veel bezoekers.\nOnderwerp: Bezoekers; Vrijdag: 19.500; Zaterdag: 24.000';
    expect(inferTitle(text, 'evaluatie.txt')).toBe('Evaluatierapport evenementenveiligheid Stadsfestival 2026');
  });
});
