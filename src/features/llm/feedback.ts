import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { Db } from '../../store/db.js';
import { findAnswerByMessage, hashOf, saveFeedback } from './llm-store.js';

const feedbackTextSchema = z.object({ feedbackText: z.string().max(2000).optional() });

/** Teams' `message/submitAction` value for the thumbs up/down buttons; `feedback` is a JSON string. */
export const feedbackValueSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z
      .string()
      .max(10_000)
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw.trim() === '') return undefined;
        try {
          const parsed = feedbackTextSchema.safeParse(JSON.parse(raw));
          if (parsed.success) return parsed.data.feedbackText?.trim() || undefined;
        } catch {
          // Not JSON: reported below as a validation issue, like any other bad shape.
        }
        ctx.addIssue({ code: 'custom', message: 'feedback is not a JSON object with feedbackText' });
        return z.NEVER;
      }),
  }),
});

export interface FeedbackRequest {
  value: unknown;
  /** The rated message (the invoke's replyToId). */
  replyToId?: string;
  conversationId: string;
  tenantId?: string;
  userId: string;
  at: Date;
}

/** Stores a rating with the answer it rates; a bad payload or an unknown message stores nothing. */
export async function recordFeedback(db: Db, request: FeedbackRequest): Promise<{ feedbackId: number; answerId: number; reaction: 'like' | 'dislike' }> {
  const parsed = feedbackValueSchema.safeParse(request.value);
  if (!parsed.success) throw new AppError('llm_feedback_invalid', { status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') });
  if (!request.replyToId) throw new AppError('llm_feedback_invalid', { status: 400, detail: 'no replyToId' });
  const answer = await findAnswerByMessage(db, request.conversationId, request.replyToId);
  if (!answer) throw new AppError('llm_feedback_unknown_answer', { status: 404, detail: 'no stored answer for the rated message' });
  const { reaction, feedback } = parsed.data.actionValue;
  const feedbackId = await saveFeedback(db, { answerId: answer.id, userHash: hashOf(request.tenantId, request.userId), reaction, feedbackText: feedback, at: request.at });
  return { feedbackId, answerId: answer.id, reaction };
}
