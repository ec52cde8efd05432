import { describe, expect, it } from 'vitest';
import { checkGrounding, factUnits, normalizeMarkers } from '../../src/features/llm/grounding-guard.js';

const passages = [
  { text: "De gemeente Hengelo zet in 2024 extra in op cameratoezicht in het centrum. Er komen 12 nieuwe camera's bij het station." },
  { text: 'Ondermijning blijft een prioriteit; het RIEC ondersteunt de gemeente bij bestuurlijke aanpak van criminele panden.' },
];
const nl = { lexical: true };

describe('grounding guard', () => {
  it('accepts an answer whose every fact cites a given passage, renumbering markers in order of use', () => {
    const result = checkGrounding('Ondermijning blijft een prioriteit van de gemeente [2]. Hengelo zet in 2024 extra in op cameratoezicht in het centrum [1].', passages, nl);
    expect(result).toEqual({ ok: true, text: 'Ondermijning blijft een prioriteit van de gemeente [1]. Hengelo zet in 2024 extra in op cameratoezicht in het centrum [2].', used: [1, 0] });
  });

  it('rejects a marker that points to no passage', () => {
    expect(checkGrounding('Hengelo zet in op cameratoezicht in het centrum [3].', passages, nl)).toMatchObject({ ok: false, failure: 'marker-out-of-range' });
    expect(checkGrounding('Hengelo zet in op cameratoezicht in het centrum [0].', passages, nl)).toMatchObject({ ok: false, failure: 'marker-out-of-range' });
  });

  it('rejects an answer without markers, and a factual sentence without one', () => {
    expect(checkGrounding('Hengelo zet extra in op cameratoezicht in het centrum.', passages, nl)).toMatchObject({ ok: false, failure: 'no-markers' });
    const uncited = checkGrounding('Hengelo zet extra in op cameratoezicht [1]. Daarnaast krijgt elke wijk een eigen wijkagent erbij.', passages, nl);
    expect(uncited).toMatchObject({ ok: false, failure: 'uncited-sentence', sentence: 'Daarnaast krijgt elke wijk een eigen wijkagent erbij.' });
  });

  it('allows lead-ins, short labels and "the documents do not say" without a marker', () => {
    const text = 'Kort gezegd:\n- Hengelo zet in 2024 extra in op cameratoezicht in het centrum [1]\n- Ondermijning blijft een prioriteit [2]\nOver de kosten zeggen de documenten niets.';
    expect(checkGrounding(text, passages, nl).ok).toBe(true);
  });

  it('rejects a cited sentence whose words or numbers are not in the cited passage (lexical check)', () => {
    expect(checkGrounding("Er komen 40 nieuwe camera's bij het station [1].", passages, nl)).toMatchObject({ ok: false, failure: 'unsupported-sentence' });
    expect(checkGrounding('Burgemeester Jansen heeft persoonlijke gegevens van bewoners verstrekt aan journalisten [1].', passages, nl)).toMatchObject({ ok: false, failure: 'unsupported-sentence' });
    // English answers translate the Dutch passages: only numbers are compared then.
    expect(checkGrounding('Hengelo adds 12 cameras near the station [1].', passages, { lexical: false }).ok).toBe(true);
    expect(checkGrounding('Hengelo adds 40 cameras near the station [1].', passages, { lexical: false })).toMatchObject({ ok: false, failure: 'unsupported-sentence' });
  });

  it('rejects links and HTML that are not in the passages', () => {
    expect(checkGrounding('Hengelo zet in op cameratoezicht in het centrum, zie https://evil.example/x [1].', passages, nl)).toMatchObject({ ok: false, failure: 'foreign-link' });
    expect(checkGrounding('Hengelo zet in op cameratoezicht ![x](https://evil.example/p.png) [1].', passages, nl)).toMatchObject({ ok: false, failure: 'foreign-link' });
  });

  it('normalises marker lists and attaches a marker after the full stop to its sentence', () => {
    expect(normalizeMarkers('Zo is het [1, 2].')).toBe('Zo is het [1][2].');
    expect(factUnits('Eerste zin over cameratoezicht. [1] Tweede zin over ondermijning. [2]')).toEqual(['Eerste zin over cameratoezicht. [1]', 'Tweede zin over ondermijning. [2]']);
  });
});
