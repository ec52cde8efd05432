import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { defineAction, type Feature } from '../../routing/route.js';
import { summarizerFor } from './llm-summarizer.js';
import type { KnowledgeIngest, SummarySource } from './summary-source.js';
import type { Summarizer } from './summary-types.js';
import { summarizeForUser } from './summarize-for-user.js';
import { teamsFileOf } from './upload-reader.js';
import type { UploadStore } from './upload-store.js';
import { uploadedFiles } from './uploaded-files.js';
import { summariesUtterances } from './summaries-utterances.js';

export const latestPattern =
  /^(?:vat|geef)\b.*\b(?:laatste|recentste|nieuwste|actuele)\s+stand\s+van\s+zaken\b.*$|^(?:samenvatting\s+van\s+de\s+)(?:laatste|recentste|nieuwste)\s+stand\s+van\s+zaken\s*[.?!]?$/i;
export const documentPattern = /^(?:geef\s+(?:me\s+|mij\s+)?(?:een\s+)?)?samenvatting\s+(?:van|over)\s+(?:het\s+document\s+|de\s+notitie\s+)?["“]?(.+?)["”]?\s*[.?!]?$/i;
export const adjustPattern = /^(korter|uitgebreider|langer|meer detail|shorter|longer|more detail)\s*(?:graag|please)?\s*[.!]?$/i;

export interface SummariesFeatureOptions {
  /** Uploaded files, kept for "korter" and "Toevoegen aan kennisbank"; built once in the composition root. */
  uploads: UploadStore;
  /** The knowledge base; without it only uploaded files can be summarised. */
  source?: SummarySource;
  /** Adds an uploaded file to the knowledge base when the user clicks the button. */
  ingest?: KnowledgeIngest;
  /** By default the LLM summarizer when an LLM is configured, else the offline one. */
  summarizer?: Summarizer;
}

/** Summaries of status notes, named documents and uploaded files; the use cases are in summarize-for-user.ts and uploaded-files.ts. */
export function summariesFeature(core: Core, options: SummariesFeatureOptions): Feature {
  const files = uploadedFiles({ core, uploads: options.uploads, ingest: options.ingest });
  const summarize = summarizeForUser({
    summarizer: options.summarizer ?? summarizerFor(core),
    uploads: options.uploads,
    source: options.source,
    canAddToKnowledge: files.canAddToKnowledge,
    defaultWords: core.config.SUMMARY_WORDS,
  });

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
          // Downloading and parsing can take seconds: say so first.
          await turn.send({ type: 'typing' });
          await turn.send(turn.t.summaries.reading);
          const id = await files.receive(turn, teamsFileOf(turn.attachments)!);
          await summarize.upload(turn, id);
        },
      },
      {
        kind: 'message',
        name: 'summaries.latest',
        match: latestPattern,
        utterances: summariesUtterances.latest,
        handle: (turn) => summarize.latest(turn),
      },
      {
        kind: 'message',
        name: 'summaries.document',
        match: documentPattern,
        utterances: summariesUtterances.document,
        // In other words ("kun je de notitie van Heemstede samenvatten?") the whole text is the reference.
        handle: (turn, match) => summarize.named(turn, (match?.[1] ?? turn.text).trim()),
      },
      {
        kind: 'message',
        name: 'summaries.adjust',
        match: adjustPattern,
        utterances: summariesUtterances.adjust,
        // "korter", "te lang, in drie zinnen aub": a question about how long something lasts is not this.
        maxWords: 6,
        handle: (turn, match) => summarize.adjust(turn, /^(korter|shorter)/i.test(match![1]!)),
      },
      defineAction({
        verb: 'summaries.addToKnowledge',
        data: z.object({ uploadId: z.string().min(1).max(100) }),
        // What the knowledge base holds is what every colleague is answered from.
        guard: { roles: ['adviseur', 'beheerder'], roleError: 'knowledge_add_forbidden' },
        handle: async (turn, data) => ({ type: 'message', text: await files.addToKnowledge(turn, data.uploadId) }),
      }),
    ],
  };
}
