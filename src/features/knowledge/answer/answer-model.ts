import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../../config/project-root.js';
import type { AnalyzedQuestion } from './question.js';
import { FEATURE_NAMES, type FeatureWindow, GATE_FEATURE_NAMES, gateFeatures, windowFeatures } from './window-features.js';

/**
 * The offline answerer's learned part (data/answer-model.json, written by `npm run train:answerer` from the
 * development sets only): a logistic model that scores each candidate window as the answer, and a second
 * one that decides from the chosen window whether the documents answer at all.
 */
const logisticSchema = z.object({ names: z.array(z.string()), mean: z.array(z.number()), scale: z.array(z.number()), weights: z.array(z.number()), bias: z.number() });
const modelSchema = z.object({ trainedOn: z.array(z.string()), candidates: z.number().int().positive(), ruleThreshold: z.number(), window: logisticSchema, gate: logisticSchema });

export type Logistic = z.infer<typeof logisticSchema>;
export type AnswerModel = z.infer<typeof modelSchema>;

export const ANSWER_MODEL_FILE = 'src/features/knowledge/data/answer-model.json';

export function probability(m: Pick<Logistic, 'mean' | 'scale' | 'weights' | 'bias'>, x: readonly number[]): number {
  let s = m.bias;
  for (let d = 0; d < x.length; d += 1) s += m.weights[d]! * ((x[d]! - m.mean[d]!) / m.scale[d]!);
  return 1 / (1 + Math.exp(-s));
}

/** Reads and checks the model; its feature lists must be the ones this code computes (a stale file fails loudly). */
export function loadAnswerModel(file = fromRoot(ANSWER_MODEL_FILE)): AnswerModel {
  const model = modelSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(model.window.names, FEATURE_NAMES) || !same(model.gate.names, GATE_FEATURE_NAMES)) throw new Error(`${ANSWER_MODEL_FILE} was trained on other features: run npm run train:answerer`);
  return model;
}

/** Every weight zero, for the features this code computes: what windows are extracted with before a model file fits them (never answers with). */
export function untrainedModel(candidates: number): AnswerModel {
  const blank = (names: readonly string[]): Logistic => ({ names: [...names], mean: names.map(() => 0), scale: names.map(() => 1), weights: names.map(() => 0), bias: 0 });
  return { trainedOn: [], candidates, ruleThreshold: 1, window: blank(FEATURE_NAMES), gate: blank(GATE_FEATURE_NAMES) };
}

let shared: AnswerModel | undefined;
export function answerModel(): AnswerModel {
  shared ??= loadAnswerModel();
  return shared;
}

export interface ModelChoice<W> {
  /** The window most likely to answer, with its probability. */
  window: W;
  probability: number;
  /** The gate's probability that the chosen window answers the question (abstain below the threshold). */
  confidence: number;
  /** Every candidate's probability, in the order given. */
  probabilities: number[];
  /**
   * The rules would answer with the same window: the first window holding the asked kind of fact covers at
   * least the rules' share of the question. Two judges that agree answer even when the gate is unsure.
   */
  rulesAgree: boolean;
}

/** Of the candidate windows (best rule score first), the one the model finds most likely to answer, and how sure it is. */
export function chooseWindow<W extends FeatureWindow>(question: AnalyzedQuestion, windows: readonly W[], model: AnswerModel): ModelChoice<W> | undefined {
  const candidates = windows.slice(0, model.candidates);
  if (!candidates.length) return undefined;
  const features = windowFeatures(question, candidates);
  const probabilities = features.map((x) => probability(model.window, x));
  const { x, best } = gateFeatures(features, probabilities, model.ruleThreshold);
  const rulesChoice = candidates.findIndex((w) => w.cueMet && w.score >= model.ruleThreshold);
  return { window: candidates[best]!, probability: probabilities[best]!, confidence: probability(model.gate, x), probabilities, rulesAgree: rulesChoice === best };
}
