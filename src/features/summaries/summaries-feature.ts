import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { escapeCardText, renderCard, cardMessage } from '../../cards/render-card.js';
import { AppError } from '../../core/app-error.js';
import { format } from '../../i18n/catalogue.js';
import { defineAction, type Feature } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { summarizerFor } from './llm-summarizer.js';
import { readTextDocument } from '../../documents/index.js';
import { summaryMessage } from './summary-card.js';
import { summaryDocumentOf } from './summary-document.js';
import type { KnowledgeIngest, SummarySource } from './summary-source.js';
import type { Summarizer, SummaryDocument } from './summary-types.js';
import { downloadPolicy } from './download-policy.js';
import { downloadFile, extractUploadText, teamsFileOf } from './upload-reader.js';
import { UploadStore } from './upload-store.js';
import { summariesUtterances } from './summaries-utterances.js';

export const latestPattern = /^(?:vat|geef)\b.*\b(?:laatste|recentste|nieuwste|actuele)\s+stand\s+van\s+zaken\b.*$|^(?:samenvatting\s+van\s+de\s+)(?:laatste|recentste|nieuwste)\s+stand\s+van\s+zaken\s*[.?!]?$/i;
export const documentPattern = /^(?:geef\s+(?:me\s+|mij\s+)?(?:een\s+)?)?samenvatting\s+(?:van|over)\s+(?:het\s+document\s+|de\s+notitie\s+)?["“]?(.+?)["”]?\s*[.?!]?$/i;
export const adjustPattern = /^(korter|uitgebreider|langer|meer detail|shorter|longer|more detail)\s*(?:graag|please)?\s*[.!]?$/i;

const MIN_WORDS = 80;
const MAX_WORDS = 600;

/** What "korter"/"uitgebreider" re-summarises: kept in the conversation state. */
type LastSummary = { kind: 'document'; id: string; words: number } | { kind: 'upload'; id: string; words: number };

export interface SummariesFeatureOptions {
  /** The knowledge base; without it only uploaded files can be summarised. */
  source?: SummarySource;
  /** Adds an uploaded file to the knowledge base when the user clicks the button. */
  ingest?: KnowledgeIngest;
  /** By default the LLM summarizer when an LLM is configured, else the offline one. */
  summarizer?: Summarizer;
}

export function summariesFeature(core: Core, options: SummariesFeatureOptions = {}): Feature {
  const summarizer = options.summarizer ?? summarizerFor(core);
  const uploads = new UploadStore(core.db);
  const downloads = downloadPolicy(core.config);
  const defaultWords = core.config.SUMMARY_WORDS;

  async function show(turn: Turn, document: SummaryDocument, last: LastSummary): Promise<void> {
    const summary = await summarizer.summarize(document, { words: last.words });
    turn.state.conversation.lastSummary = last;
    await turn.send(summaryMessage(summary, turn.t, { uploadId: last.kind === 'upload' ? last.id : undefined, canAddToKnowledge: Boolean(options.ingest) }));
  }

  function requireSource(): SummarySource {
    if (!options.source) throw new AppError('not_found', { status: 404, detail: 'knowledge source not connected' });
    return options.source;
  }

  async function summarizeStored(turn: Turn, id: string, words: number): Promise<void> {
    const document = await requireSource().document(turn.tenantId, id);
    if (!document) throw new AppError('not_found', { status: 404, detail: 'document gone' });
    await show(turn, document, { kind: 'document', id, words });
  }

  async function summarizeUpload(turn: Turn, id: string, words: number): Promise<void> {
    const upload = await uploads.find(id, turn.tenantId, turn.user.aadObjectId);
    if (!upload) {
      await turn.send(turn.t.summaries.uploadGone);
      return;
    }
    await show(turn, summaryDocumentOf(upload.fileName, readTextDocument(upload.text, 'md')), { kind: 'upload', id, words });
  }

  return {
    name: 'summaries',
    help: [
      {
        title: (t) => t.summaries.helpTitle,
        description: (t) => t.summaries.helpDescription,
        command: (t) => t.summaries.helpCommand,
      },
    ],
    routes: [
      {
        kind: 'message',
        name: 'summaries.upload',
        match: (_text, turn) => teamsFileOf(turn.attachments) !== undefined,
        async handle(turn) {
          if (turn.conversation.type !== 'personal') {
            await turn.send(turn.t.summaries.filesPersonalOnly);
            return;
          }
          const file = teamsFileOf(turn.attachments)!;
          // Downloading and parsing can take seconds: say so first.
          await turn.send({ type: 'typing' });
          await turn.send(turn.t.summaries.reading);
          const data = await downloadFile(file.downloadUrl, core.config.MAX_UPLOAD_BYTES, downloads);
          const text = await extractUploadText(file, data);
          const id = await uploads.save({ tenantId: turn.tenantId, userAadObjectId: turn.user.aadObjectId, fileName: file.name, text, at: core.now() });
          turn.log.info({ bytes: data.length, fileType: file.fileType }, 'uploaded file summarised');
          await summarizeUpload(turn, id, defaultWords);
        },
      },
      {
        kind: 'message',
        name: 'summaries.latest',
        match: latestPattern,
        utterances: summariesUtterances.latest,
        async handle(turn) {
          if (!options.source) {
            await turn.send(turn.t.summaries.noKnowledge);
            return;
          }
          await turn.send({ type: 'typing' });
          const latest = await options.source.latestStatusNote(turn.tenantId);
          if (!latest) {
            await turn.send(turn.t.summaries.noStatusNote);
            return;
          }
          await summarizeStored(turn, latest.id, defaultWords);
        },
      },
      {
        kind: 'message',
        name: 'summaries.document',
        match: documentPattern,
        utterances: summariesUtterances.document,
        async handle(turn, match) {
          if (!options.source) {
            await turn.send(turn.t.summaries.noKnowledge);
            return;
          }
          // In other words ("kun je de notitie van Heemstede samenvatten?") the whole text is the reference.
          const query = (match?.[1] ?? turn.text).trim();
          const found = await options.source.findByTitle(turn.tenantId, query);
          if (found.match) {
            await summarizeStored(turn, found.match.id, defaultWords);
            return;
          }
          const s = turn.t.summaries;
          await turn.send(
            cardMessage(
              renderCard('summary-suggestions', {
                message: format(s.unknownDocument, { query: escapeCardText(query) }),
                hint: found.suggestions.length ? s.suggestions : s.noSuggestions,
                suggestions: found.suggestions.slice(0, 5).map((d) => ({ title: d.title, command: `samenvatting van ${d.title}` })),
              }),
            ),
          );
        },
      },
      {
        kind: 'message',
        name: 'summaries.adjust',
        match: adjustPattern,
        utterances: summariesUtterances.adjust,
        // "korter", "te lang, in drie zinnen aub": a question about how long something lasts is not this.
        maxWords: 6,
        async handle(turn, match) {
          const last = turn.state.conversation.lastSummary as LastSummary | undefined;
          if (!last) {
            await turn.send(turn.t.summaries.nothingToAdjust);
            return;
          }
          const shorter = /^(korter|shorter)/i.test(match![1]!);
          const words = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, last.words * (shorter ? 0.6 : 1.6))));
          if (last.kind === 'upload') await summarizeUpload(turn, last.id, words);
          else await summarizeStored(turn, last.id, words);
        },
      },
      defineAction({
        verb: 'summaries.addToKnowledge',
        data: z.object({ uploadId: z.string().min(1).max(100) }),
        // What the knowledge base holds is what every colleague is answered from.
        guard: { roles: ['adviseur', 'beheerder'], roleError: 'knowledge_add_forbidden' },
        async handle(turn, data) {
          if (!options.ingest) throw new AppError('unknown_action', { detail: 'knowledge ingest not connected' });
          const upload = await uploads.find(data.uploadId, turn.tenantId, turn.user.aadObjectId);
          if (!upload) return { type: 'message', text: turn.t.summaries.uploadGone };
          await options.ingest.addDocument({ tenantId: turn.tenantId, title: upload.fileName, text: upload.text, addedBy: turn.user.aadObjectId ?? turn.user.id });
          turn.log.info('uploaded file added to the knowledge base');
          return { type: 'message', text: format(turn.t.summaries.addedToKnowledge, { title: upload.fileName }) };
        },
      }),
    ],
  };
}
