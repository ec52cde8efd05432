import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { buildApp } from '../../app/build-app.js';
import { parseConfig } from '../../config/load-config.js';
import { answerOffline } from '../../features/knowledge/answer-offline.js';
import { fold } from '../../features/knowledge/text/normalize.js';
import type { Db } from '../../store/db.js';
import { openPglite } from '../../store/pglite-db.js';
import type { EvalItem, EvalSet } from './eval-sets.js';

export const RECALL_AT = [1, 3, 8] as const;

export interface QuestionResult {
  item: EvalItem;
  answerable: boolean;
  factsOk: boolean;
  citeOk: boolean;
  /** Answered right with the right citation, or (unanswerable) abstained. */
  correct: boolean;
  /** Per k of RECALL_AT: the k passages handed to the answerer hold every expected fact (answerable only). */
  recall: Record<number, boolean>;
  ms: number;
  text: string;
  /** Per threshold of RunOptions.thresholds: right (answered with facts and citation, or abstained). */
  sweep?: Record<string, boolean>;
}

export interface SetReport {
  set: EvalSet;
  results: QuestionResult[];
  failedDocuments: string[];
}

export interface RunOptions {
  /** Extra configuration (e.g. OPENAI_BASE_URL for the LLM path). */
  env?: Record<string, string>;
  onResult?: (result: QuestionResult) => void;
  /** A fresh store (default: an in-memory PGlite with the migrations run). */
  openDb?: () => Promise<Db>;
  /** Also judge the offline answer at each of these abstention thresholds (directly, not through the bot). */
  thresholds?: readonly number[];
}

interface Reply {
  text?: string;
  entities?: { type?: string; citation?: { position: number; appearance: { name: string; keywords?: string[] } }[] }[];
}

/** Case, accents and runs of white space do not matter when looking for an expected fact. */
export function normalizeForMatch(text: string): string {
  return fold(text)
    .replace(/\\([\\`*_[\]<>])/g, '$1')
    .replace(/\s+/g, ' ');
}

export function factsMet(expect: readonly (readonly string[])[], text: string): boolean {
  const haystack = normalizeForMatch(text);
  return expect.every((group) => group.some((alt) => haystack.includes(normalizeForMatch(alt))));
}

/** A document's metadata sidecar (`x.pdf.yaml` or `x.yaml`), when it has one. */
export function sidecarFor(file: string): Record<string, unknown> | undefined {
  for (const candidate of [`${file}.yaml`, file.replace(/\.[^.]+$/, '.yaml')]) {
    if (candidate !== file && existsSync(candidate)) return parseYaml(readFileSync(candidate, 'utf8')) as Record<string, unknown>;
  }
  return undefined;
}

/**
 * Runs one question set on a fresh in-memory store holding only its documents: every question
 * goes through the real /api/messages endpoint of an in-process bot, each from a user of its own
 * (so the per-user rate limits measure nothing here), in a group chat (one reply, no stream).
 */
export async function runEvalSet(set: EvalSet, options: RunOptions = {}): Promise<SetReport> {
  const db = options.openDb ? await options.openDb() : await openPglite();
  const config = parseConfig({ LOG_LEVEL: 'silent', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1', ...options.env });
  const app = buildApp({ config, db });
  const results: QuestionResult[] = [];
  const failedDocuments: string[] = [];
  try {
    const { url } = await app.listen(0, '127.0.0.1');
    await app.ready;
    const kb = app.shared()!.knowledge;
    for (const file of set.documents) {
      try {
        const sidecar = sidecarFor(file);
        await kb.ingest({ fileName: file, buffer: readFileSync(file), ...(sidecar ? { sidecar } : {}) });
      } catch {
        failedDocuments.push(file);
      }
    }
    for (const [n, item] of set.items.entries()) {
      const user = `00000000-0000-0000-0000-${String(n + 1).padStart(12, '0')}`;
      const activity = {
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        locale: item.locale ?? 'nl-NL',
        from: { id: `eval-user-${n}`, name: 'Eval', aadObjectId: user },
        recipient: { id: '28:eval-bot', name: 'Veiligheidsbot' },
        conversation: { id: `19:eval-${n}@thread.v2`, conversationType: 'groupChat', tenantId: 'eval-tenant', isGroup: true },
        channelData: { tenant: { id: 'eval-tenant' } },
        text: item.q,
      };
      const started = performance.now();
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const ms = performance.now() - started;
      const body = (await res.json().catch(() => ({}))) as { activities?: Reply[] };
      const replies = (body.activities ?? []).filter((r) => !('type' in r) || (r as { type?: string }).type === 'message');
      const text = replies.map((r) => r.text ?? '').join('\n');
      const citations = replies.flatMap((r) => r.entities ?? []).flatMap((e) => (e.type === 'https://schema.org/Message' ? (e.citation ?? []) : []));
      const answerable = !item.abstain;
      let factsOk = false;
      let citeOk = false;
      const recall: Record<number, boolean> = {};
      if (answerable) {
        const expect = item.expect ?? [];
        factsOk = factsMet(expect, text);
        citeOk =
          citations.length > 0 &&
          citations.every((c) => !item.cite || (c.appearance.keywords ?? []).includes(item.cite) || c.appearance.name.endsWith(item.cite)) &&
          citations.every((c) => text.includes(`[${c.position}]`));
        const passages = await kb.retrieve(item.q, { limit: Math.max(...RECALL_AT) });
        for (const k of RECALL_AT) {
          const top = passages.slice(0, k).filter((p) => !item.cite || p.document.gemeente === item.cite);
          recall[k] = factsMet(expect, top.map((p) => p.text).join('\n'));
        }
      }
      const result: QuestionResult = { item, answerable, factsOk, citeOk, correct: answerable ? factsOk && citeOk : citations.length === 0, recall, ms, text };
      if (options.thresholds?.length) {
        result.sweep = {};
        for (const threshold of options.thresholds) {
          const offline = await answerOffline(kb, item.q, 'nl', { threshold });
          const named = offline.citations.map((c) => c.appearance);
          result.sweep[String(threshold)] = answerable
            ? factsMet(item.expect ?? [], offline.text) && named.length > 0 && named.every((c) => !item.cite || (c.keywords ?? []).includes(item.cite) || c.name.endsWith(item.cite))
            : named.length === 0;
        }
      }
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await app.close();
    await db.close();
  }
  return { set, results, failedDocuments };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export interface SetSummary {
  answerable: number;
  answeredRight: number;
  unanswerable: number;
  abstainedRight: number;
  recall: Record<number, number>;
  byTag: Record<string, { n: number; right: number }>;
  p50: number;
  p95: number;
}

export function summarize(report: SetReport): SetSummary {
  const answerable = report.results.filter((r) => r.answerable);
  const unanswerable = report.results.filter((r) => !r.answerable);
  const recall: Record<number, number> = {};
  for (const k of RECALL_AT) recall[k] = answerable.filter((r) => r.recall[k]).length;
  const byTag: SetSummary['byTag'] = {};
  for (const r of answerable)
    for (const tag of r.item.tags ?? []) {
      const entry = (byTag[tag] ??= { n: 0, right: 0 });
      entry.n += 1;
      if (r.correct) entry.right += 1;
    }
  const times = report.results.map((r) => r.ms);
  return {
    answerable: answerable.length,
    answeredRight: answerable.filter((r) => r.correct).length,
    unanswerable: unanswerable.length,
    abstainedRight: unanswerable.filter((r) => r.correct).length,
    recall,
    byTag,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

export function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
}

/** The figures of one set as printed lines. */
export function reportLines(report: SetReport): string[] {
  const s = summarize(report);
  const lines = [
    `== ${report.set.name} (${report.set.part}) — ${report.set.items.length} questions, ${report.set.documents.length} documents${report.failedDocuments.length ? `, NOT ingested: ${report.failedDocuments.join(', ')}` : ''}`,
    `   recall@1 ${pct(s.recall[1]!, s.answerable)} · recall@3 ${pct(s.recall[3]!, s.answerable)} · recall@8 ${pct(s.recall[8]!, s.answerable)}`,
    `   answered right (facts + citation): ${pct(s.answeredRight, s.answerable)}`,
    `   abstained right:                   ${pct(s.abstainedRight, s.unanswerable)}`,
  ];
  const tags = Object.entries(s.byTag).sort(([a], [b]) => a.localeCompare(b));
  if (tags.length) lines.push(`   by tag: ${tags.map(([tag, t]) => `${tag} ${pct(t.right, t.n)}`).join(' · ')}`);
  lines.push(`   latency per question (sequential): p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms`);
  return lines;
}

/** Per threshold: answered right of the answerable questions, abstained right of the others. */
export function sweepLines(reports: readonly SetReport[]): string[] {
  const thresholds = [...new Set(reports.flatMap((r) => r.results.flatMap((q) => Object.keys(q.sweep ?? {}))))].sort();
  if (!thresholds.length) return [];
  const lines = ['threshold  ' + reports.map((r) => r.set.name.padEnd(28)).join('') + 'all'];
  for (const t of thresholds) {
    let a = 0,
      an = 0,
      u = 0,
      un = 0;
    const cells = reports.map((r) => {
      const answerable = r.results.filter((q) => q.answerable);
      const unanswerable = r.results.filter((q) => !q.answerable);
      const ar = answerable.filter((q) => q.sweep?.[t]).length;
      const ur = unanswerable.filter((q) => q.sweep?.[t]).length;
      a += ar;
      an += answerable.length;
      u += ur;
      un += unanswerable.length;
      return `${ar}/${answerable.length} · ${ur}/${unanswerable.length}`.padEnd(28);
    });
    lines.push(`${t.padEnd(11)}${cells.join('')}${pct(a, an)} answered · ${pct(u, un)} abstained`);
  }
  return lines;
}
