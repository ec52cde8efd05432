import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readDocument, resolveMetadata, structureFigures, type DocumentMetadata, type MetadataOrigin, type StructuredDocument } from '../../documents/index.js';
import type { Db } from '../../store/db.js';
import { loadGlossary } from './glossary.js';
import { buildPassages } from './passages.js';
import { deleteDocument, findDocument, insertDocument, stemWords, type KnowledgeDocument, type NewPassage, type StoredSentence } from './store/knowledge-store.js';
import { commonCompoundParts, compoundPartsOf } from './text/compounds.js';
import { tokenize } from './text/normalize.js';

/** Metadata given on the command line (`npm run ingest -- --gemeente X file`): wins over front matter, sidecar and inference. */
export type MetadataOverrides = Partial<Record<'title' | 'gemeente' | 'type' | 'date', string>>;

export interface IngestSource {
  fileName: string;
  buffer: Uint8Array;
  /** Metadata from a sidecar file (`<file>.yaml`); front-matter in the file itself wins. */
  sidecar?: Record<string, unknown>;
  overrides?: MetadataOverrides;
}

export interface IngestResult {
  status: 'added' | 'replaced' | 'unchanged';
  document: KnowledgeDocument;
  /** Metadata fields that were inferred from the text rather than given. */
  inferred: (keyof DocumentMetadata)[];
}

/** Dutch stems of words (null for stop words): the store's analysis, or a cache of it. */
export type StemLookup = (words: readonly string[]) => Promise<Map<string, string | null>>;

// Any fixed number; serialises ingests of several processes on one PostgreSQL database.
const ingestLockKey = 746_118;

export function contentHash(buffer: Uint8Array, sidecar?: Record<string, unknown>, overrides?: MetadataOverrides): string {
  const hash = createHash('sha256').update(buffer);
  if (sidecar) hash.update(JSON.stringify(sidecar));
  if (overrides && Object.keys(overrides).length) hash.update(JSON.stringify(overrides));
  return hash.digest('hex');
}

/** Metadata: the command line's corrections, then front matter or a sidecar, then what the text shows. */
function metadataOf(doc: StructuredDocument, source: IngestSource, fileName: string): { metadata: DocumentMetadata; inferred: (keyof DocumentMetadata)[]; origin: MetadataOrigin } {
  const given = doc.frontMatter ?? source.sidecar;
  const overrides = Object.fromEntries(Object.entries(source.overrides ?? {}).filter(([, v]) => v !== undefined));
  const explicit = given || Object.keys(overrides).length ? { ...given, ...overrides } : undefined;
  const origin: MetadataOrigin = Object.keys(overrides).length ? 'command-line' : doc.frontMatter ? 'front-matter' : source.sidecar ? 'sidecar' : 'inferred';
  return { ...resolveMetadata(explicit, doc.text, fileName, doc.titleHint, doc.furniture), origin };
}

/** The passages of a document with what retrieval needs: stems per sentence, the index text with compound parts. */
async function indexPassages(stemsOf: StemLookup, doc: StructuredDocument, title: string): Promise<NewPassage[]> {
  const drafts = buildPassages(doc.sections, title);
  const headingText = (p: (typeof drafts)[number]) => (p.headingPath.length ? p.headingPath.join(' ') : p.sectionTitle);
  const allTokens = drafts.flatMap((p) => [...tokenize(p.text), ...tokenize(headingText(p))]);
  const vocabulary = new Set([...commonCompoundParts(), ...loadGlossary().words, ...allTokens.filter((t) => t.length >= 4)]);
  const stems = await stemsOf([...new Set(allTokens)]);
  const lexemesOf = (text: string) => [
    ...new Set(
      tokenize(text)
        .map((t) => stems.get(t))
        .filter((s): s is string => Boolean(s)),
    ),
  ];
  return drafts.map((p) => {
    const tokens = tokenize(p.text);
    const sentences: StoredSentence[] = p.sentences.map((s) => ({
      text: s.text,
      lexemes: lexemesOf(s.text),
      ...(s.item ? { item: true } : {}),
      ...(s.kind !== 'paragraph' ? { kind: s.kind } : {}),
      ...(s.blockStart ? { blockStart: true } : {}),
    }));
    return {
      sectionIndex: p.sectionIndex,
      sectionTitle: p.sectionTitle,
      headingPath: p.headingPath,
      kind: p.kind,
      text: p.text,
      sentences,
      titleLexemes: lexemesOf(headingText(p)),
      titleText: headingText(p),
      indexText: [...tokens, ...compoundPartsOf(tokens, vocabulary)].join(' '),
      lexemes: [...new Set(sentences.flatMap((s) => s.lexemes))],
    };
  });
}

/**
 * Adds one file to the knowledge base, or replaces the document from the same file name;
 * a file whose content (and sidecar) is already stored is left alone, unless it was stored before
 * the document model (no structure): then it is read again. Errors name the file.
 */
export async function ingestDocument(db: Db, source: IngestSource, stemsOf: StemLookup = (words) => stemWords(db, words)): Promise<IngestResult> {
  const fileName = basename(source.fileName);
  const hash = contentHash(source.buffer, source.sidecar, source.overrides);
  const existing = await findDocument(db, { hash });
  if (existing?.structure) return { status: 'unchanged', document: existing, inferred: [] };

  const doc = await readDocument(source.buffer, fileName);
  const { metadata, inferred, origin } = metadataOf(doc, source, fileName);
  const passages = await indexPassages(stemsOf, doc, metadata.title);
  const figures = structureFigures(doc);
  const structure = { format: doc.format, ...figures, ...(doc.pages !== undefined ? { pages: doc.pages } : {}) };

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ingestLockKey]);
    // Another process may have stored it meanwhile.
    const again = await findDocument(tx, { hash });
    if (again?.structure) return { status: 'unchanged' as const, document: again, inferred: [] };
    // Stored before the document model: its passages lack headings and table rows.
    if (again) await deleteDocument(tx, again.id);
    const previous = again ?? (await findDocument(tx, { sourceFile: fileName }));
    if (previous && previous !== again) await deleteDocument(tx, previous.id);
    const document = await insertDocument(tx, { ...metadata, sourceFile: fileName, contentHash: hash, metadataOrigin: origin, charCount: doc.text.length, structure }, passages);
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
