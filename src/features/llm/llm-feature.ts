import type { Core } from '../feature-context.js';
import type { Feature } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { answerWithLlm } from './answer-with-llm.js';
import { recordFeedback } from './feedback.js';
import { llmSettings } from './llm-settings.js';
import { createChatModel } from './openai-client.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';

export type LlmAnswer = (turn: Turn, question: string) => Promise<void>;

/**
 * LLM answers to policy questions (when a service is configured) and the thumbs up/down feedback
 * on them. The feature holds the feedback invoke; the answering itself is handed to the knowledge
 * feature, which owns the one fallback route (`answer` is undefined when no LLM is configured).
 */
export type FollowUpRewriter = (turn: Turn, previous: string, followUp: string) => Promise<string | undefined>;

export function llmFeature(core: Core, kb: KnowledgeBase): Feature & { answer?: LlmAnswer; rewriteFollowUp?: FollowUpRewriter } {
  const settings = llmSettings(core.config);
  const model = settings ? createChatModel(settings) : undefined;
  const answer: LlmAnswer | undefined =
    settings && model
      ? (() => {
          const deps = { kb, db: core.db, model, settings, now: core.now };
          return (turn, question) => answerWithLlm(deps, turn, question);
        })()
      : undefined;
  const rewrite: FollowUpRewriter | undefined =
    settings && model
      ? async (turn, previous, followUp) => {
          const started = performance.now();
          const rewritten = await rewriteFollowUp(model, settings.timeoutMs, previous, followUp);
          turn.log.info({ rewritten: Boolean(rewritten), ms: Math.round(performance.now() - started) }, 'follow-up made standalone');
          return rewritten;
        }
      : undefined;
  if (settings) core.log.info({ provider: settings.provider.kind, model: settings.model, ratePerHour: settings.ratePerHour }, 'llm answers on');
  return {
    name: 'llm',
    routes: [
      {
        kind: 'invoke',
        name: 'message/submitAction',
        handle: async (turn) => {
          const saved = await recordFeedback(core.db, {
            value: turn.value,
            replyToId: turn.replyToId,
            conversationId: turn.conversation.id,
            tenantId: turn.tenantId,
            userId: turn.user.aadObjectId ?? turn.user.id,
            at: core.now(),
          });
          turn.log.info({ answerId: saved.answerId, reaction: saved.reaction }, 'llm answer rated');
          return { status: 200, body: {} };
        },
      },
    ],
    ...(answer ? { answer } : {}),
    ...(rewrite ? { rewriteFollowUp: rewrite } : {}),
  };
}
