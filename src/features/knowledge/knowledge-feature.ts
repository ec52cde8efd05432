import type { Core } from '../feature-context.js';
import type { Feature, Understood } from '../../routing/route.js';
import { knowledgeUtterances } from './knowledge-utterances.js';
import type { OutgoingActivity, Turn } from '../../routing/turn.js';
import { answerOffline, type OfflineAnswer } from './answer-offline.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadSampleCorpusIfEmpty } from './sample-corpus.js';

/** The Teams message for an answer: markdown text with [n] markers and the one citation entity. */
export function answerActivity(answer: OfflineAnswer): OutgoingActivity {
  return { type: 'message', text: answer.text, textFormat: 'markdown', ...(answer.entity ? { entities: [answer.entity as unknown as Record<string, unknown>] } : {}) };
}

/**
 * Policy Q&A: every message no other feature recognises is a question for the documents.
 * Installed last; it owns the fallback route.
 */
export interface KnowledgeOptions {
  /** Answers a question instead of the offline answerer (the LLM answerer, when one is configured). */
  answer?: (turn: Turn, question: string) => Promise<void>;
}

export function knowledgeFeature(core: Core, kb: KnowledgeBase, options: KnowledgeOptions = {}): Feature {
  return {
    name: 'knowledge',
    help: [
      {
        title: (t) => t.knowledge.helpTitle,
        description: (t) => t.knowledge.helpDescription,
        command: (t) => t.knowledge.helpCommand,
      },
    ],
    routes: [
      {
        kind: 'fallback',
        name: 'knowledge.answer',
        utterances: knowledgeUtterances,
        handle: async (turn: Turn, understood?: Understood) => {
          // A follow-up ("en in Hengelo?") arrives made standalone by the router.
          const question = understood?.slots.question ?? turn.text;
          if (options.answer) return options.answer(turn, question);
          const started = performance.now();
          const answer = await answerOffline(kb, question, turn.locale);
          turn.log.info({ kind: answer.kind, abstained: answer.abstained, citations: answer.citations.length, ms: Math.round(performance.now() - started) }, 'policy question answered');
          await turn.send(answerActivity(answer));
        },
      },
    ],
    async start() {
      if (core.config.SAMPLE_KNOWLEDGE) await loadSampleCorpusIfEmpty(kb, core.log);
    },
  };
}
