import { cardText } from '../../cards/card-text.js';
import { cardMessage, renderCard } from '../../cards/render-card.js';
import { format, type Catalogue } from '../../i18n/catalogue.js';
import type { OutgoingActivity } from '../../routing/turn.js';
import { buildCitations, citationEntity } from '../knowledge/index.js';
import type { Summary, SummaryCitation, SummaryLine } from './summary-types.js';

/** The knowledge module's citations (as the Q&A answers have them), named "document – section". Positions are 1..n in order, as buildCitations numbers them. */
const citationsOf = (citations: readonly SummaryCitation[]) =>
  buildCitations(citations.map((c) => ({ document: { title: `${c.documentTitle} – ${c.sectionTitle}`, gemeente: null, docType: '', date: null }, excerpt: c.passage })));

const marker = (n: number) => (n > 0 ? ` [${n}]` : '');
const bullet = (line: SummaryLine) => ({ text: `• ${cardText(line.text)}${marker(line.citation)}` });

/**
 * The summary as one message: the card, plus a short text line with the `[n]` markers that Teams
 * turns into citations (the card itself cannot carry them), and the citation entity.
 */
export function summaryMessage(summary: Summary, t: Catalogue, options: { uploadId?: string; canAddToKnowledge: boolean }): OutgoingActivity {
  const s = t.summaries;
  const card = renderCard('summary-card', {
    title: cardText(summary.title),
    label: summary.kind === 'ai' ? s.aiLabel : s.extractiveLabel,
    isAi: summary.kind === 'ai',
    note: summary.fallback === 'unavailable' ? s.aiUnavailable : summary.fallback === 'ungrounded' ? s.aiUngrounded : '',
    sections: summary.sections.map((section) => ({ title: cardText(section.title), bullets: section.bullets.map(bullet) })),
    hasFigures: summary.figures.length > 0,
    figuresTitle: s.figuresTitle,
    figures: summary.figures.map((f) => ({ figure: f.figure, context: `${cardText(f.context)}${marker(f.citation)}` })),
    hasOutlook: summary.outlook.length > 0,
    outlookTitle: s.outlookTitle,
    outlook: summary.outlook.map(bullet),
    footer: format(s.lengthFooter, { words: summary.words }),
    shorterButton: s.shorterButton,
    shorterCommand: s.shorterCommand,
    longerButton: s.longerButton,
    longerCommand: s.longerCommand,
    showAddToKnowledge: Boolean(options.uploadId && options.canAddToKnowledge),
    addButton: s.addToKnowledgeButton,
    uploadId: options.uploadId ?? '',
  });
  const markers = summary.citations.map((c) => `[${c.position}]`).join(' ');
  return cardMessage(card, {
    text: format(s.sources, { markers }),
    entities: summary.citations.length ? [citationEntity(citationsOf(summary.citations), { aiGenerated: summary.kind === 'ai' }) as unknown as Record<string, unknown>] : [],
    summary: summary.title,
  });
}
