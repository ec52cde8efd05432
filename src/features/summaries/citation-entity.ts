import type { SummaryCitation } from './summary-types.js';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * The one root `Message` entity Teams needs to show `[n]` markers as citations (at most 20;
 * name ≤ 80 and abstract ≤ 160 characters). Same shape as the Q&A answers. `ai` adds the AI label.
 * Written here because the knowledge module does not export a citation builder yet.
 */
export function citationEntity(citations: readonly SummaryCitation[], options: { ai?: boolean } = {}): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(options.ai ? { additionalType: ['AIGeneratedContent'] } : {}),
    citation: citations.slice(0, 20).map((c) => ({
      '@type': 'Claim',
      position: c.position,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(`${c.documentTitle} – ${c.sectionTitle}`, 80),
        abstract: clip(c.passage, 160),
        ...(c.url ? { url: c.url } : {}),
      },
    })),
  };
}
