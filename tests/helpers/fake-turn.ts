import { createLogger } from '../../src/logging/logger.js';
import { catalogue } from '../../src/i18n/catalogue.js';
import type { OutgoingActivity, Turn } from '../../src/routing/turn.js';

export interface FakeTurn extends Turn {
  /** What the handler sent, in order (a plain string as `{ text }`). */
  readonly sent: OutgoingActivity[];
  /** What a stream showed before its end (informative and updates), in order; the end goes to `sent`. */
  readonly streamed: string[];
  /** Work the handler deferred, by name; `settled()` runs it. */
  readonly deferred: { name: string; work: () => Promise<void> }[];
  /** Runs the deferred work (and any it defers in turn), as the app does after answering. */
  settled(): Promise<void>;
}

/** A Turn without Teams or the app, for handlers and the router: a Dutch personal chat unless overridden. */
export function fakeTurn(overrides: Partial<Turn> = {}): FakeTurn {
  const sent: OutgoingActivity[] = [];
  const deferred: FakeTurn['deferred'] = [];
  const streamed: string[] = [];
  const turn: FakeTurn = {
    activityType: 'message',
    text: '',
    value: undefined,
    locale: 'nl',
    t: catalogue(overrides.locale ?? 'nl'),
    user: { id: 'u', name: 'U' },
    conversation: { id: 'c', type: 'personal' },
    address: { conversationId: 'c', conversationType: 'personal', serviceUrl: 'http://x', raw: {} },
    attachments: [],
    channelData: {},
    log: createLogger('silent'),
    state: { conversation: {}, user: {} },
    async send(activity) {
      sent.push(typeof activity === 'string' ? { text: activity } : activity);
      return `sent-${sent.length}`;
    },
    async update() {},
    // Live in personal chats, as in Teams; every update is kept (no pacing), the end is a plain send.
    stream() {
      const live = turn.conversation.type === 'personal';
      const show = async (text: string) => {
        if (live) streamed.push(text);
      };
      return {
        live,
        get updates() {
          return streamed.length;
        },
        informative: show,
        update: (text) => void show(text),
        end: (finalReply) => turn.send(finalReply),
      };
    },
    defer(name, work) {
      deferred.push({ name, work });
    },
    ...overrides,
    sent,
    streamed,
    deferred,
    async settled() {
      while (deferred.length > 0) await deferred.shift()!.work();
    },
  };
  return turn;
}
