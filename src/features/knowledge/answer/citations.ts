import type { KnowledgeDocument } from '../store/knowledge-store.js';

/** What a citation points at: a document and the passage text quoted from it. */
export interface CitationSource {
  document: Pick<KnowledgeDocument, 'title' | 'gemeente' | 'docType' | 'date'>;
  /** The quoted text; cut to 160 characters for the abstract. */
  excerpt: string;
  sectionTitle?: string;
}

export interface Claim {
  '@type': 'Claim';
  position: number;
  appearance: {
    '@type': 'DigitalDocument';
    name: string;
    abstract: string;
    keywords?: string[];
  };
}

export interface CitationEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType?: string[];
  citation: Claim[];
}

export const MAX_CITATIONS = 20;
const maxName = 80;
const maxAbstract = 160;
const maxKeyword = 28;

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max * 0.6 ? atWord : cut}…`;
}

/** "Title — Gemeente", shortening the title so the gemeente always shows within 80 characters. */
export function citationName(document: CitationSource['document']): string {
  const suffix = document.gemeente ? ` — ${document.gemeente}` : '';
  return `${truncate(document.title, maxName - suffix.length)}${suffix}`;
}

/**
 * Teams citations for sources numbered 1..n in the order given: position n matches the marker [n]
 * in the text. At most 20; name ≤ 80 characters (title and gemeente), abstract ≤ 160.
 * `keywords` carry the gemeente, document type and year (≤ 3 of ≤ 28 characters).
 */
export function buildCitations(sources: readonly CitationSource[]): Claim[] {
  return sources.slice(0, MAX_CITATIONS).map((source, i) => {
    const keywords = [source.document.gemeente, source.document.docType, source.document.date?.slice(0, 4)]
      .filter((k): k is string => Boolean(k))
      .map((k) => truncate(k, maxKeyword))
      .slice(0, 3);
    return {
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: citationName(source.document),
        abstract: truncate(source.excerpt, maxAbstract),
        ...(keywords.length ? { keywords } : {}),
      },
    };
  });
}

/** The one root entity a Teams message with citations carries. `aiGenerated` adds the AI label (LLM answers). */
export function citationEntity(claims: readonly Claim[], options: { aiGenerated?: boolean } = {}): CitationEntity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(options.aiGenerated ? { additionalType: ['AIGeneratedContent'] } : {}),
    citation: [...claims],
  };
}
