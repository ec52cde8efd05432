import type { Core } from '../feature-context.js';
import type { Logger } from '../../logging/logger.js';
import { ChatModelError, checkGrounding, createChatModel, llmSettings, type ChatModel } from '../llm/index.js';
import { extractiveSummarizer, summarizeExtractive } from './extractive-summarizer.js';
import { wordCount } from '../../documents/index.js';
import { buildSummaryPrompt, parseModelSummary, summaryPassages, type ModelSummary, type SummaryPassage } from './summary-prompt.js';
import type { Summarizer, Summary, SummaryLine } from './summary-types.js';

export interface LlmSummarizerDeps {
  model: ChatModel;
  timeoutMs: number;
  log: Logger;
}

/** A model summary may run over the word budget by this much before it no longer fits the card. */
const OVER_BUDGET = 1.5;
const markers = /\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]/g;

type Checked = { ok: true; summary: Summary } | { ok: false; fallback: 'unavailable' | 'ungrounded'; reason: string };

function lineOf(text: string, defaultCitation: number): SummaryLine {
  const first = /\[(\d{1,3})/.exec(text);
  return { text: text.replace(markers, '').trim(), citation: first ? Number(first[1]) : defaultCitation };
}

/**
 * The model's summary, if it keeps to the passages: every section answered, every marker pointing at
 * a given passage, every fact grounded (the llm folder's guard), and short enough for one card.
 */
function checked(reply: ModelSummary, passages: readonly SummaryPassage[], extractive: Summary, words: number): Checked {
  const all = [...reply.sections.flatMap((s) => s.bullets), ...reply.outlook];
  if (reply.sections.some((s) => s.passage > passages.length)) return { ok: false, fallback: 'ungrounded', reason: 'section-out-of-range' };
  const covered = new Set(reply.sections.map((s) => s.passage));
  if (passages.some((p) => !covered.has(p.n))) return { ok: false, fallback: 'ungrounded', reason: 'section-missing' };
  const guard = checkGrounding(all.join('\n'), passages, { lexical: true });
  if (!guard.ok) return { ok: false, fallback: 'ungrounded', reason: guard.failure };
  const sections = passages.map((p) => ({
    title: p.sectionTitle,
    bullets: reply.sections.filter((s) => s.passage === p.n).flatMap((s) => s.bullets.map((b) => lineOf(b, p.n))),
  }));
  const outlook = reply.outlook.map((o) => lineOf(o, 0));
  const total =
    sections.reduce((n, s) => n + s.bullets.reduce((m, b) => m + wordCount(b.text), 0), 0) +
    outlook.reduce((n, o) => n + wordCount(o.text), 0) +
    extractive.figures.reduce((n, f) => n + wordCount(f.context), 0);
  if (total > words * OVER_BUDGET) return { ok: false, fallback: 'unavailable', reason: 'too-long' };
  // Key figures stay the offline ones: quoted as written, with the same citations.
  return { ok: true, summary: { title: extractive.title, sections, figures: extractive.figures, outlook, citations: extractive.citations, words: total, kind: 'ai' } };
}

/**
 * The abstractive summary: a language model rewrites the sections the offline summary cites, and
 * cites them the same way. Any failure, or text that leaves the passages, gives the offline summary
 * with a note saying so. Logs say why, never the text.
 */
export function llmSummarizer(deps: LlmSummarizerDeps): Summarizer {
  return {
    async summarize(document, options) {
      const extractive = summarizeExtractive(document, options);
      if (extractive.citations.length === 0) return extractive;
      const passages = summaryPassages(document, extractive);
      const started = Date.now();
      let raw: string;
      try {
        const result = await deps.model.complete({ messages: buildSummaryPrompt(document.title, passages, options.words), stream: false, signal: AbortSignal.timeout(deps.timeoutMs) });
        raw = result.text;
      } catch (error) {
        const failure = error instanceof ChatModelError ? error.failure : 'service';
        deps.log.warn({ failure, status: error instanceof ChatModelError ? error.status : undefined, ms: Date.now() - started }, 'ai summary unavailable: offline summary shown');
        return { ...extractive, fallback: 'unavailable' };
      }
      const parsed = parseModelSummary(raw);
      if (!parsed.ok) {
        deps.log.warn({ reason: 'not-a-summary', ms: Date.now() - started }, 'ai summary unavailable: offline summary shown');
        return { ...extractive, fallback: 'unavailable' };
      }
      const result = checked(parsed.value, passages, extractive, options.words);
      if (!result.ok) {
        deps.log.warn({ reason: result.reason, ms: Date.now() - started }, 'ai summary refused: offline summary shown');
        return { ...extractive, fallback: result.fallback };
      }
      deps.log.info({ sections: result.summary.sections.length, words: result.summary.words, model: deps.model.model, ms: Date.now() - started }, 'ai summary made');
      return result.summary;
    },
  };
}

/** The LLM summarizer when a service is configured (the same settings as the Q&A answers), else the offline one. */
export function summarizerFor(core: Core): Summarizer {
  const settings = llmSettings(core.config);
  if (!settings) return extractiveSummarizer;
  return llmSummarizer({ model: createChatModel(settings), timeoutMs: settings.timeoutMs, log: core.log });
}
