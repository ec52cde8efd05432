import type { Logger } from '../../logging/logger.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { LinkedDocument, Milestone } from './milestone-schema.js';

const MAX_SUMMARY = 600;

/**
 * The milestone's documents as the knowledge base holds them now (content hash as version, for the
 * audit). Best effort: without the documents in the knowledge base the request simply carries the
 * references from the YAML.
 */
export async function documentVersions(kb: KnowledgeBase, milestone: Milestone, log: Logger): Promise<LinkedDocument[]> {
  try {
    const known = await kb.listDocuments();
    return milestone.documents.map((d) => {
      const found = d.source ? known.find((k) => k.sourceFile === d.source || k.sourceFile.endsWith(`/${d.source}`)) : undefined;
      return found ? { ...d, version: found.contentHash.slice(0, 16), ingestedAt: found.ingestedAt.toISOString() } : d;
    });
  } catch (error) {
    log.warn({ err: error, milestone: milestone.id }, 'knowledge base unavailable for document versions');
    return milestone.documents;
  }
}

/** Retrieval: slower than a card invoke may take, so card clicks run it deferred. */
export async function summarize(kb: KnowledgeBase, milestone: Milestone, log: Logger): Promise<string | undefined> {
  try {
    const sources = new Set(milestone.documents.map((d) => d.source).filter(Boolean));
    // Running text only: a row of a planning table ("12 / 19 december 2023 — Vaststelling …") read
    // on its own suggests a date for this milestone that the document gives for another one.
    const running = (p: { sentences: readonly { item?: boolean }[]; best: { from: number; to: number } }) => p.sentences.slice(p.best.from, p.best.to + 1).some((s) => !s.item);
    const passages = (await kb.retrieve(`${milestone.title} ${milestone.description}`.slice(0, 500), { gemeente: milestone.gemeente, limit: 6 }))
      .filter((p) => (sources.size === 0 || sources.has(p.document.sourceFile)) && running(p))
      .slice(0, 2);
    // One reference per document part; a section named like its document is named once.
    const refs: string[] = [];
    const parts = passages.map((p) => {
      const sentence = p.sentences
        .slice(p.best.from, p.best.to + 1)
        .filter((s) => !s.item)
        .map((s) => s.text)
        .join(' ');
      const section = p.sectionTitle && !p.sectionTitle.toLowerCase().includes(p.document.title.toLowerCase()) ? `, ${p.sectionTitle}` : '';
      const ref = `${p.document.title}${section}`;
      const n = refs.includes(ref) ? refs.indexOf(ref) + 1 : refs.push(ref);
      return `${sentence.length > MAX_SUMMARY / 2 ? `${sentence.slice(0, MAX_SUMMARY / 2 - 1)}…` : sentence} [${n}]`;
    });
    refs.forEach((r, i) => (refs[i] = `[${i + 1}] ${r}`));
    return parts.length > 0 ? `${parts.join(' ')}\n\n${refs.join('\n')}` : undefined;
  } catch (error) {
    log.warn({ err: error, milestone: milestone.id }, 'knowledge base unavailable for the approval summary');
    return undefined;
  }
}
