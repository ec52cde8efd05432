import { cardMessage, escapeCardText, renderCard } from '../../cards/render-card.js';
import { AppError } from '../../errors/app-error.js';
import { readTextDocument } from '../../documents/index.js';
import { format } from '../../i18n/catalogue.js';
import type { Turn } from '../../routing/turn.js';
import { summaryMessage } from './summary-card.js';
import { summaryDocumentOf } from './summary-document.js';
import type { SummarySource } from './summary-source.js';
import type { Summarizer, SummaryDocument } from './summary-types.js';
import type { UploadStore } from './upload-store.js';

const MIN_WORDS = 80;
const MAX_WORDS = 600;

/** What "korter"/"uitgebreider" re-summarises: kept in the conversation state. */
type LastSummary = { kind: 'document'; id: string; words: number } | { kind: 'upload'; id: string; words: number };

export interface SummarizeDeps {
  summarizer: Summarizer;
  uploads: UploadStore;
  /** The knowledge base; without it only uploaded files can be summarised. */
  source?: SummarySource;
  /** Whether the card offers "Toevoegen aan kennisbank" for an upload. */
  canAddToKnowledge: boolean;
  /** The length of a first summary, in words. */
  defaultWords: number;
}

/**
 * Summaries as the user asks for them: of the latest status note, of a document named in words,
 * of an uploaded file, and again shorter or longer. Each shown summary is remembered in the
 * conversation, so "korter" knows what to shorten.
 */
export function summarizeForUser(deps: SummarizeDeps) {
  async function show(turn: Turn, document: SummaryDocument, last: LastSummary): Promise<void> {
    const summary = await deps.summarizer.summarize(document, { words: last.words });
    turn.state.conversation.lastSummary = last;
    await turn.send(summaryMessage(summary, turn.t, { uploadId: last.kind === 'upload' ? last.id : undefined, canAddToKnowledge: deps.canAddToKnowledge }));
  }

  async function stored(turn: Turn, id: string, words = deps.defaultWords): Promise<void> {
    if (!deps.source) throw new AppError('not_found', { status: 404, detail: 'knowledge source not connected' });
    const document = await deps.source.document(turn.tenantId, id);
    if (!document) throw new AppError('not_found', { status: 404, detail: 'document gone' });
    await show(turn, document, { kind: 'document', id, words });
  }

  async function upload(turn: Turn, id: string, words = deps.defaultWords): Promise<void> {
    const found = await deps.uploads.find(id, turn.tenantId, turn.user.aadObjectId);
    if (!found) {
      await turn.send(turn.t.summaries.uploadGone);
      return;
    }
    await show(turn, summaryDocumentOf(found.fileName, readTextDocument(found.text, 'md')), { kind: 'upload', id, words });
  }

  /** The knowledge source, or undefined after telling the user there is none. */
  async function sourceFor(turn: Turn): Promise<SummarySource | undefined> {
    if (!deps.source) await turn.send(turn.t.summaries.noKnowledge);
    return deps.source;
  }

  /** "Vat de laatste stand van zaken samen". */
  async function latest(turn: Turn): Promise<void> {
    const source = await sourceFor(turn);
    if (!source) return;
    await turn.send({ type: 'typing' });
    const note = await source.latestStatusNote(turn.tenantId);
    if (!note) {
      await turn.send(turn.t.summaries.noStatusNote);
      return;
    }
    await stored(turn, note.id);
  }

  /** "Samenvatting van <document>": the document meant, or a card with the nearest titles to choose from. */
  async function named(turn: Turn, query: string): Promise<void> {
    const source = await sourceFor(turn);
    if (!source) return;
    const found = await source.findByTitle(turn.tenantId, query);
    if (found.match) {
      await stored(turn, found.match.id);
      return;
    }
    const s = turn.t.summaries;
    const card = renderCard('summary-suggestions', {
      message: format(s.unknownDocument, { query: escapeCardText(query) }),
      hint: found.suggestions.length ? s.suggestions : s.noSuggestions,
      suggestions: found.suggestions.slice(0, 5).map((d) => ({ title: d.title, command: `samenvatting van ${d.title}` })),
    });
    await turn.send(cardMessage(card));
  }

  /** "Korter" / "uitgebreider": the last summary again, 0.6 or 1.6 times as long, within bounds. */
  async function adjust(turn: Turn, shorter: boolean): Promise<void> {
    const last = turn.state.conversation.lastSummary as LastSummary | undefined;
    if (!last) {
      await turn.send(turn.t.summaries.nothingToAdjust);
      return;
    }
    const words = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, last.words * (shorter ? 0.6 : 1.6))));
    if (last.kind === 'upload') await upload(turn, last.id, words);
    else await stored(turn, last.id, words);
  }

  return { latest, named, upload, adjust };
}
