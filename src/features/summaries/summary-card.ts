import { cardMessage, escapeMarkdown, renderCard } from '../../cards/render-card.js';
import { format, type Catalogue } from '../../i18n/catalogue.js';
import type { OutgoingActivity } from '../../routing/turn.js';
import { citationEntity } from './citation-entity.js';
import type { Summary, SummaryLine } from './summary-types.js';

const marker = (n: number) => (n > 0 ? ` [${n}]` : '');
const bullet = (line: SummaryLine) => ({ text: `• ${escapeMarkdown(line.text)}${marker(line.citation)}` });

/**
 * The summary as one message: the card, plus a short text line with the `[n]` markers that Teams
 * turns into citations (the card itself cannot carry them), and the citation entity.
 */
export function summaryMessage(summary: Summary, t: Catalogue, options: { uploadId?: string; canAddToKnowledge: boolean }): OutgoingActivity {
  const s = t.summaries;
  const card = renderCard('summary-card', {
    title: escapeMarkdown(summary.title),
    label: summary.kind === 'ai' ? s.aiLabel : s.extractiveLabel,
    sections: summary.sections.map((section) => ({ title: escapeMarkdown(section.title), bullets: section.bullets.map(bullet) })),
    hasFigures: summary.figures.length > 0,
    figuresTitle: s.figuresTitle,
    figures: summary.figures.map((f) => ({ figure: f.figure, context: `${escapeMarkdown(f.context)}${marker(f.citation)}` })),
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
    entities: summary.citations.length ? [citationEntity(summary.citations, { ai: summary.kind === 'ai' })] : [],
    summary: summary.title,
  });
}
