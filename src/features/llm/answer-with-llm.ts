import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logging/logger.js';
import { headingLine } from '../../documents/index.js';
import { format } from '../../i18n/catalogue.js';
import type { AnswerStream, OutgoingActivity, Turn } from '../../routing/turn.js';
import type { Db } from '../../store/db.js';
import { abstention, answerActivity, answerOffline, buildCitations, citationEntity, type KnowledgeBase, type OfflineAnswer, type Passage } from '../knowledge/index.js';
import { parseModelAnswer, partialAnswer } from './answer-schema.js';
import { ChatModelError, type ChatModel, type ChatResult } from './chat-model.js';
import { checkGrounding, fold } from './grounding-guard.js';
import { hashOf, llmCallsSince, saveAnswer, type AnswerOutcome } from './llm-store.js';
import type { LlmSettings } from './llm-settings.js';
import { buildPrompt, type PromptPassage } from './prompt.js';

export interface LlmAnswerer {
  kb: KnowledgeBase;
  db: Db;
  model: ChatModel;
  settings: LlmSettings;
  now(): Date;
  /** Teams ends a stream after 2 minutes; the whole answer must be done well before. */
  deadlineMs?: number;
}

// The passages retrieval hands to the model: recall@8 is what `npm run eval` measures.
export const MAX_PASSAGES = 8;
const STREAM_DEADLINE_MS = 110_000;

/** The passages the model gets: the retrieved ones, plus any the offline answer quotes (first: newest document wins). */
async function passagesFor(kb: KnowledgeBase, question: string, offline: OfflineAnswer): Promise<Passage[]> {
  const retrieved = await kb.retrieve(question, { limit: MAX_PASSAGES });
  const chosen = offline.passages.filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  for (const p of retrieved) if (!chosen.some((c) => c.id === p.id)) chosen.push(p);
  return chosen.slice(0, MAX_PASSAGES + offline.passages.length);
}

/** The model sees where a passage stands in its document: the heading path, so a table row or a sub-section keeps its chapter. */
function promptPassages(passages: readonly Passage[]): PromptPassage[] {
  return passages.map((p, i) => ({
    n: i + 1,
    title: p.document.title,
    gemeente: p.document.gemeente,
    date: p.document.date,
    sectionTitle: headingLine(p.headingPath) || p.sectionTitle,
    text: p.text,
  }));
}

function excerptOf(p: Passage): string {
  const best = p.sentences
    .slice(p.best.from, p.best.to + 1)
    .map((s) => s.text)
    .join(' ');
  return best || p.text;
}

const feedbackLoop = { feedbackLoop: { type: 'default' } };

/** The offline answer with a short note on why it is shown instead of an AI answer. */
function offlineWithNote(offline: OfflineAnswer, note: string): OutgoingActivity {
  const base = answerActivity(offline);
  return { ...base, text: `${note}\n\n${base.text}`, channelData: feedbackLoop };
}

type Attempt =
  | { outcome: 'llm'; activity: OutgoingActivity; result: ChatResult }
  | { outcome: Exclude<AnswerOutcome, 'llm' | 'rate-limited'>; activity: OutgoingActivity; result?: ChatResult; reason: string };

async function attempt(deps: LlmAnswerer, turn: Turn, question: string, offline: OfflineAnswer, passages: Passage[], stream: AnswerStream, gemeente: string | null): Promise<Attempt> {
  const t = turn.t.llm;
  const controller = new AbortController();
  const abort = () => controller.abort();
  // LLM_TIMEOUT_MS bounds the wait for the service (and, streaming, for each next part); the
  // whole answer must in any case end before Teams drops the stream.
  let idle = setTimeout(abort, deps.settings.timeoutMs);
  const overall = setTimeout(abort, deps.deadlineMs ?? STREAM_DEADLINE_MS);
  const onText = (soFar: string) => {
    clearTimeout(idle);
    idle = setTimeout(abort, deps.settings.timeoutMs);
    stream.update(partialAnswer(soFar));
  };
  let result: ChatResult;
  try {
    result = await deps.model.complete({
      messages: buildPrompt(question, promptPassages(passages), turn.locale),
      stream: stream.live,
      signal: controller.signal,
      ...(stream.live ? { onText } : {}),
    });
  } catch (error) {
    const failure = error instanceof ChatModelError ? error.failure : 'service';
    turn.log.warn({ failure, status: error instanceof ChatModelError ? error.status : undefined, detail: error instanceof Error ? error.message : String(error) }, 'llm call failed; offline answer');
    return { outcome: 'fallback-error', activity: offlineWithNote(offline, t.fallbackNote), reason: failure };
  } finally {
    clearTimeout(idle);
    clearTimeout(overall);
  }
  const parsed = parseModelAnswer(result.text);
  if (!parsed.ok) {
    turn.log.warn({ reason: parsed.reason }, 'llm output rejected; offline answer');
    return { outcome: 'fallback-error', activity: offlineWithNote(offline, t.fallbackNote), result, reason: parsed.reason };
  }
  // The model read the passages and found no answer: that is the abstention, whatever the offline answerer made of them.
  if (!parsed.value.supported) return { outcome: 'abstained', activity: answerActivity(abstention(turn.locale, gemeente)), result, reason: 'unsupported' };
  const guard = checkGrounding(parsed.value.answer, passages, { lexical: turn.locale === 'nl' });
  if (!guard.ok) {
    turn.log.warn({ failure: guard.failure }, 'llm answer failed the grounding guard; offline answer');
    return { outcome: 'fallback-guard', activity: offlineWithNote(offline, t.guardNote), result, reason: guard.failure };
  }
  const used = guard.used.map((i) => passages[i]!);
  const citations = buildCitations(used.map((p) => ({ document: p.document, excerpt: excerptOf(p), sectionTitle: p.sectionTitle })));
  const activity: OutgoingActivity = {
    type: 'message',
    text: guard.text,
    textFormat: 'markdown',
    entities: [citationEntity(citations, { aiGenerated: true }) as unknown as Record<string, unknown>],
    channelData: feedbackLoop,
  };
  return { outcome: 'llm', activity, result };
}

function logAnswer(log: Logger, entry: Record<string, unknown>): void {
  // Token usage per answer, for cost; the question only as a hash.
  log.info(entry, 'llm answer');
}

/**
 * A policy question answered by the LLM from the retrieved passages. Whenever retrieval finds
 * candidates the model gets them (with heading path, gemeente and date); its `supported` and the
 * grounding guard decide whether it answers. The offline answer is only the fallback: when the
 * model fails, the user is over the hourly limit, or the guard refuses what the model wrote.
 * Where the conversation shows a stream (`turn.stream().live`) the answer is seen growing; elsewhere it is one message.
 */
export async function answerWithLlm(deps: LlmAnswerer, turn: Turn, question: string): Promise<void> {
  const started = performance.now();
  const offline = await answerOffline(deps.kb, question, turn.locale);
  const questionHash = hashOf(fold(question.trim()).replace(/\s+/g, ' '));
  // Glossary, priorities overviews and refusals (no question, too long) stay offline: nothing for a model to phrase.
  const passages = offline.kind === 'answer' || offline.kind === 'abstain' ? await passagesFor(deps.kb, question, offline) : [];
  if (passages.length === 0) {
    turn.log.info({ kind: offline.kind, abstained: offline.abstained, questionHash, llm: false }, 'policy question answered');
    await turn.send(answerActivity(offline));
    return;
  }
  const gemeente = (await deps.kb.analyze(question)).analysis.gemeente;
  const userHash = hashOf(turn.tenantId, turn.user.aadObjectId ?? turn.user.id);
  const store = (outcome: AnswerOutcome, activityId: string | undefined, text: string, extra: { llmCalled: boolean; result?: ChatResult; passages?: Passage[] }) =>
    saveAnswer(deps.db, {
      activityId: activityId || `local-${randomUUID()}`,
      conversationId: turn.conversation.id,
      tenantId: turn.tenantId,
      userHash,
      questionHash,
      outcome,
      llmCalled: extra.llmCalled,
      model: extra.llmCalled ? deps.model.model : undefined,
      usage: extra.result?.usage,
      passages: (extra.passages ?? []).map((p) => ({ passageId: p.id, documentId: p.document.id, title: p.document.title })),
      answerText: text,
      at: deps.now(),
    });

  const since = new Date(deps.now().getTime() - 3_600_000);
  if ((await llmCallsSince(deps.db, userHash, since)) >= deps.settings.ratePerHour) {
    const activity = offlineWithNote(offline, turn.t.llm.rateLimitedNote);
    const id = await turn.send(activity);
    await store('rate-limited', id, activity.text ?? '', { llmCalled: false });
    logAnswer(turn.log, { outcome: 'rate-limited', questionHash, llm: false, ms: Math.round(performance.now() - started) });
    return;
  }

  // Where the conversation can show it (Teams: personal chats), the answer is seen growing.
  const stream = turn.stream();
  await stream.informative(format(turn.t.llm.searching));
  const result = await attempt(deps, turn, question, offline, passages, stream, gemeente);
  const id = await stream.end(result.activity);
  await store(result.outcome, id, result.activity.text ?? '', { llmCalled: true, result: result.result, passages });
  const usage = result.result?.usage;
  logAnswer(turn.log, {
    outcome: result.outcome,
    ...(result.outcome !== 'llm' ? { reason: result.reason } : {}),
    questionHash,
    llm: true,
    model: deps.model.model,
    promptTokens: usage?.promptTokens,
    completionTokens: usage?.completionTokens,
    totalTokens: usage?.totalTokens,
    passages: passages.length,
    streamed: stream.live,
    updates: stream.live ? stream.updates : undefined,
    ms: Math.round(performance.now() - started),
  });
}
