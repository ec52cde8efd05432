import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/cli/eval/eval-sets.js';
import { ANSWER_MODEL_FILE, loadAnswerModel } from '../../src/features/knowledge/answer/answer-model.js';
import { fromRoot } from '../../src/config/project-root.js';

/**
 * The offline answerer's learned model (data/answer-model.json, from `npm run train:answerer`): learned
 * from the development sets only, so that the held-out sets measure documents it never saw; and a file
 * that no longer fits the code is refused at start-up rather than scoring with shifted weights.
 */
describe('the answer model', () => {
  it('was trained on every development set and on no held-out set', () => {
    const model = loadAnswerModel();
    const sets = loadManifest();
    const heldOut = sets.filter((s) => s.part === 'held-out').map((s) => s.name);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(model.trainedOn.filter((name) => heldOut.includes(name))).toEqual([]);
    expect([...model.trainedOn].sort()).toEqual(
      sets
        .filter((s) => s.part === 'dev')
        .map((s) => s.name)
        .sort(),
    );
  });

  it('refuses a model file trained on other features, naming the command that retrains it', () => {
    const model = JSON.parse(readFileSync(fromRoot(ANSWER_MODEL_FILE), 'utf8'));
    model.window.names = [...model.window.names].reverse();
    const file = join(mkdtempSync(join(tmpdir(), 'answer-model-')), 'answer-model.json');
    writeFileSync(file, JSON.stringify(model));
    expect(() => loadAnswerModel(file)).toThrow(/npm run train:answerer/);
  });
});
