import type { Logger } from '../logging/logger.js';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../routing/turn.js';

/** Teams' limits (learn.microsoft.com .../bots/how-to/rate-limit): 7 sends per second per conversation, 50 per second per app per tenant. */
export const TEAMS_PER_CONVERSATION_PER_SECOND = 7;
export const TEAMS_PER_APP_PER_SECOND = 50;

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface ReliableMessengerOptions {
  log: Logger;
  /** Called once when Teams says the conversation is gone or the bot was removed from it. */
  markInactive(conversationId: string): Promise<void>;
  perConversationPerSecond?: number;
  perAppPerSecond?: number;
  /** Tries in all, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected in tests: a clock in milliseconds, a sleep and a source of jitter. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The conversation no longer accepts posts from the bot: retrying cannot help. */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
  constructor(
    readonly conversationId: string,
    readonly status: number,
  ) {
    super(`conversation ${conversationId} is gone (HTTP ${status})`);
  }
}

interface HttpFailure {
  status?: number;
  retryAfterMs?: number;
  code: string;
  message: string;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h.get === 'function' ? h.get(name) : (h[name] ?? h[name.toLowerCase()]);
  return value === undefined || value === null ? undefined : String(value);
}

/** Reads status, Retry-After and the connector's error code from whatever the SDK threw (RestError and the like). */
export function httpFailureOf(error: unknown): HttpFailure {
  const e = (error ?? {}) as Record<string, any>;
  const status = [e.statusCode, e.status, e.response?.status, e.response?.statusCode].find((v) => typeof v === 'number') as number | undefined;
  const retryAfter = headerValue(e.response?.headers, 'retry-after') ?? headerValue(e.headers, 'retry-after');
  let retryAfterMs: number | undefined;
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(retryAfter) - Date.now()) || undefined;
  }
  let body: any = e.body ?? e.response?.parsedBody;
  if (body === undefined && typeof e.response?.bodyAsText === 'string') {
    try {
      body = JSON.parse(e.response.bodyAsText);
    } catch {
      body = undefined; // not JSON: the message below still carries the text
    }
  }
  const code = String(body?.error?.code ?? e.code ?? '');
  const message = String(body?.error?.message ?? e.message ?? '');
  return { status, retryAfterMs, code, message };
}

const goneHint =
  /ConversationNotFound|conversation not found|not (?:a )?(?:member|part) of the conversation|BotNotInConversationRoster|bot is not part of|BotDisabledByAdmin|conversation (?:does not exist|was deleted)/i;

/** 404 on a conversation, or 403 saying the bot is not in it (any more). */
export function isConversationGone(failure: HttpFailure): boolean {
  if (failure.status === 404) return true;
  return failure.status === 403 && goneHint.test(`${failure.code} ${failure.message}`);
}

/**
 * At most `limit` acquisitions per rolling second. Callers wait for a free slot (never dropped);
 * acquisitions are serialised, so concurrent senders cannot overshoot.
 */
export class RateWindow {
  private readonly times: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock();
        while (this.times.length > 0 && now - this.times[0]! >= 1000) this.times.shift();
        if (this.times.length < this.limit) {
          this.times.push(now);
          return;
        }
        await this.sleep(1000 - (now - this.times[0]!));
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  get idle(): boolean {
    return this.times.length === 0 || this.clock() - this.times[this.times.length - 1]! >= 1000;
  }
}

/**
 * Wraps a Messenger for proactive posts: keeps to Teams' rate limits, retries throttling and
 * transient failures with exponential backoff and jitter (honouring Retry-After), gives up after
 * `maxAttempts` with a log line, and marks a conversation that is gone inactive instead of retrying.
 */
export function createReliableMessenger(inner: Messenger, options: ReliableMessengerOptions): Messenger {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const app = new RateWindow(options.perAppPerSecond ?? TEAMS_PER_APP_PER_SECOND, clock, sleep);
  const perConversation = new Map<string, RateWindow>();

  function windowFor(conversationId: string): RateWindow {
    let found = perConversation.get(conversationId);
    if (!found) {
      // Forget idle conversations now and then so the map does not grow without bound.
      if (perConversation.size > 1000) for (const [id, w] of perConversation) if (w.idle) perConversation.delete(id);
      found = new RateWindow(options.perConversationPerSecond ?? TEAMS_PER_CONVERSATION_PER_SECOND, clock, sleep);
      perConversation.set(conversationId, found);
    }
    return found;
  }

  async function deliver<T>(address: ConversationAddress, operation: string, attempt: () => Promise<T>): Promise<T> {
    const conversationId = address.conversationId;
    for (let tries = 1; ; tries += 1) {
      await windowFor(conversationId).acquire();
      await app.acquire();
      try {
        return await attempt();
      } catch (error) {
        const failure = httpFailureOf(error);
        if (isConversationGone(failure)) {
          options.log.warn({ conversationId, status: failure.status, code: failure.code, operation }, 'conversation gone: marked inactive');
          await options.markInactive(conversationId);
          throw new ConversationGoneError(conversationId, failure.status ?? 0);
        }
        const retryable = failure.status !== undefined && RETRYABLE.has(failure.status);
        if (!retryable || tries >= maxAttempts) {
          options.log.error({ conversationId, status: failure.status, code: failure.code, tries, operation }, retryable ? 'proactive send gave up after retries' : 'proactive send failed');
          throw error;
        }
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (tries - 1));
        const jittered = backoff / 2 + random() * (backoff / 2);
        const delay = Math.min(maxDelayMs, Math.max(jittered, failure.retryAfterMs ?? 0));
        options.log.warn({ conversationId, status: failure.status, tries, delayMs: Math.round(delay), operation }, 'proactive send throttled or failed: retrying');
        await sleep(delay);
      }
    }
  }

  return {
    send: (address: ConversationAddress, activity: OutgoingActivity) => deliver(address, 'send', () => inner.send(address, activity)),
    update: (address: ConversationAddress, activityId: string, activity: OutgoingActivity) => deliver(address, 'update', () => inner.update(address, activityId, activity)),
    post: (address: ConversationAddress, activity: OutgoingActivity) => deliver(address, 'post', () => (inner.post ? inner.post(address, activity) : inner.send(address, activity))),
  };
}
