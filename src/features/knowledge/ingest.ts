import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../../store/db.js';
import { loadGlossary } from './glossary.js';
import { deleteDocument, findDocument, insertDocument, stemWords, type KnowledgeDocument, type NewPassage, type StoredSentence } from './store/knowledge-store.js';
import { commonCompoundParts, compoundPartsOf } from './text/compounds.js';
import { extractText } from './text/extract-text.js';
import { resolveMetadata, type DocumentMetadata, type MetadataOrigin } from './text/infer-metadata.js';
import { tokenize } from './text/normalize.js';
import { splitSections, splitSentences, tableRow, type Section } from './text/split-sections.js';

export interface IngestSource {
  fileName: string;
  buffer: Uint8Array;
  /** Metadata from a sidecar file (`<file>.yaml`); front-matter in the file itself wins. */
  sidecar?: Record<string, unknown>;
}

export interface IngestResult {
  status: 'added' | 'replaced' | 'unchanged';
  document: KnowledgeDocument;
  /** Metadata fields that were inferred from the text rather than given. */
  inferred: (keyof DocumentMetadata)[];
}

// Passages of a few paragraphs: small enough to cite, large enough to keep a list with its lead-in.
const passageTarget = 700;
const passageMax = 1100;
// Any fixed number; serialises ingests of several processes on one PostgreSQL database.
const ingestLockKey = 746_118;

interface DraftSentence {
  text: string;
  item: boolean;
}

function sentencesOf(paragraph: string): DraftSentence[] {
  if (paragraph.includes('\t')) return [{ text: tableRow(paragraph), item: true }];
  if (paragraph.startsWith('- ')) return [{ text: paragraph.slice(2).trim(), item: true }];
  return splitSentences(paragraph).map((text) => ({ text, item: false }));
}

function paragraphText(paragraph: string): string {
  return paragraph.includes('\t') ? tableRow(paragraph) : paragraph;
}

/** Groups a section's paragraphs into passages of about `passageTarget` characters, splitting long ones at sentences. */
export function buildPassages(sections: readonly Section[]): { sectionIndex: number; sectionTitle: string; text: string; sentences: DraftSentence[] }[] {
  const out: { sectionIndex: number; sectionTitle: string; text: string; sentences: DraftSentence[] }[] = [];
  sections.forEach((section, sectionIndex) => {
    let texts: string[] = [];
    let sentences: DraftSentence[] = [];
    let length = 0;
    const flush = () => {
      if (sentences.length) out.push({ sectionIndex, sectionTitle: section.title, text: texts.join('\n'), sentences });
      texts = [];
      sentences = [];
      length = 0;
    };
    for (const paragraph of section.paragraphs) {
      const own = sentencesOf(paragraph);
      const text = paragraphText(paragraph);
      const isItem = own.every((s) => s.item);
      // A list item stays with its lead-in; running text starts a new passage once the current one is full.
      if (length > 0 && !isItem && length + text.length > passageTarget) flush();
      if (text.length > passageMax) {
        for (const s of own) {
          if (length > 0 && length + s.text.length > passageTarget) flush();
          texts.push(s.text);
          sentences.push(s);
          length += s.text.length + 1;
        }
        continue;
      }
      if (length > 0 && length + text.length > passageMax) flush();
      texts.push(text);
      sentences.push(...own);
      length += text.length + 1;
    }
    flush();
  });
  return out;
}

export function contentHash(buffer: Uint8Array, sidecar?: Record<string, unknown>): string {
  const hash = createHash('sha256').update(buffer);
  if (sidecar) hash.update(JSON.stringify(sidecar));
  return hash.digest('hex');
}

/**
 * Adds one file to the knowledge base, or replaces the document from the same file name;
 * a file whose content (and sidecar) is already stored is left alone. Errors name the file.
 */
export async function ingestDocument(db: Db, source: IngestSource): Promise<IngestResult> {
  const fileName = basename(source.fileName);
  const hash = contentHash(source.buffer, source.sidecar);
  const existing = await findDocument(db, { hash });
  if (existing) return { status: 'unchanged', document: existing, inferred: [] };

  const extracted = await extractText(source.buffer, fileName);
  const explicit = extracted.frontMatter ?? source.sidecar;
  const origin: MetadataOrigin = extracted.frontMatter ? 'front-matter' : source.sidecar ? 'sidecar' : 'inferred';
  const { metadata, inferred } = resolveMetadata(explicit, extracted.rawText, fileName);
  const sections = splitSections(extracted.text, metadata.title);
  const drafts = buildPassages(sections);

  const allTokens = drafts.flatMap((p) => [...tokenize(p.text), ...tokenize(p.sectionTitle)]);
  const vocabulary = new Set([...commonCompoundParts(), ...loadGlossary().words, ...allTokens.filter((t) => t.length >= 4)]);
  const stems = await stemWords(db, [...new Set(allTokens)]);
  const lexemesOf = (text: string) => [...new Set(tokenize(text).map((t) => stems.get(t)).filter((s): s is string => Boolean(s)))];

  const passages: NewPassage[] = drafts.map((p) => {
    const tokens = tokenize(p.text);
    const sentences: StoredSentence[] = p.sentences.map((s) => ({ text: s.text, lexemes: lexemesOf(s.text), ...(s.item ? { item: true } : {}) }));
    return {
      sectionIndex: p.sectionIndex,
      sectionTitle: p.sectionTitle,
      text: p.text,
      sentences,
      titleLexemes: lexemesOf(p.sectionTitle),
      indexText: [...tokens, ...compoundPartsOf(tokens, vocabulary)].join(' '),
      lexemes: [...new Set(sentences.flatMap((s) => s.lexemes))],
    };
  });

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ingestLockKey]);
    // Another process may have stored it meanwhile.
    const again = await findDocument(tx, { hash });
    if (again) return { status: 'unchanged' as const, document: again, inferred: [] };
    const previous = await findDocument(tx, { sourceFile: fileName });
    if (previous) await deleteDocument(tx, previous.id);
    const id = await insertDocument(tx, { ...metadata, sourceFile: fileName, contentHash: hash, metadataOrigin: origin, charCount: extracted.text.length }, passages);
    const document = (await findDocument(tx, { id }))!;
    return { status: previous ? ('replaced' as const) : ('added' as const), document, inferred };
  });
}

export type BatchOutcome = { fileName: string; ok: true; result: IngestResult } | { fileName: string; ok: false; error: unknown };

/** Ingests several files; a failing file (corrupt, unsupported) is reported and the rest still go in. */
export async function ingestBatch(ingest: (source: IngestSource) => Promise<IngestResult>, sources: readonly IngestSource[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const source of sources) {
    try {
      outcomes.push({ fileName: source.fileName, ok: true, result: await ingest(source) });
    } catch (error) {
      outcomes.push({ fileName: source.fileName, ok: false, error });
    }
  }
  return outcomes;
}
