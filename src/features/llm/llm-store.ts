import { createHash } from 'node:crypto';
import type { Sql } from '../../store/db.js';
import type { TokenUsage } from './chat-model.js';

/** How an answer of the LLM path ended: written by the model, an abstention because the model found no answer in the passages, or the offline answer and why. */
export type AnswerOutcome = 'llm' | 'abstained' | 'fallback-error' | 'fallback-guard' | 'rate-limited';

export interface StoredAnswerInput {
  activityId: string;
  conversationId: string;
  tenantId?: string;
  userHash: string;
  questionHash: string;
  outcome: AnswerOutcome;
  llmCalled: boolean;
  model?: string;
  usage?: TokenUsage;
  /** The passages given to the model, as {passageId, documentId, title}. */
  passages: { passageId: number; documentId: number; title: string }[];
  answerText: string;
  at: Date;
}

export interface FeedbackInput {
  answerId: number;
  userHash: string;
  reaction: 'like' | 'dislike';
  feedbackText?: string;
  at: Date;
}

/** A short, stable, one-way id: enough to count per user or question, useless to read them back. */
export function hashOf(...parts: (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

export async function saveAnswer(db: Sql, a: StoredAnswerInput): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO llm_answers (activity_id, conversation_id, tenant_id, user_hash, question_hash, outcome, llm_called, model,
       prompt_tokens, completion_tokens, total_tokens, passages, answer_text, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14) RETURNING id`,
    [
      a.activityId,
      a.conversationId,
      a.tenantId ?? null,
      a.userHash,
      a.questionHash,
      a.outcome,
      a.llmCalled,
      a.model ?? null,
      a.usage?.promptTokens ?? null,
      a.usage?.completionTokens ?? null,
      a.usage?.totalTokens ?? null,
      JSON.stringify(a.passages),
      a.answerText,
      a.at,
    ],
  );
  return rows[0]!.id;
}

/** LLM calls this user made since `since` (the rate limit counts calls, whatever their outcome). */
export async function llmCallsSince(db: Sql, userHash: string, since: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM llm_answers WHERE user_hash = $1 AND llm_called AND created_at > $2`, [userHash, since]);
  return rows[0]?.n ?? 0;
}

export async function findAnswerByMessage(db: Sql, conversationId: string, activityId: string): Promise<{ id: number } | undefined> {
  const rows = await db.query<{ id: number }>(`SELECT id FROM llm_answers WHERE conversation_id = $1 AND activity_id = $2 ORDER BY id DESC LIMIT 1`, [conversationId, activityId]);
  return rows[0];
}

export async function saveFeedback(db: Sql, f: FeedbackInput): Promise<number> {
  const rows = await db.query<{ id: number }>(`INSERT INTO llm_feedback (answer_id, user_hash, reaction, feedback_text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    f.answerId,
    f.userHash,
    f.reaction,
    f.feedbackText ?? null,
    f.at,
  ]);
  return rows[0]!.id;
}
