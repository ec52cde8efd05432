import { randomUUID } from 'node:crypto';
import type { AnswerStream, OutgoingActivity, Turn } from '../routing/turn.js';
import { StreamPacer } from './stream-pacer.js';

// Teams allows one update per second; a margin keeps clock jitter on the connector's side safe.
export const STREAM_INTERVAL_MS = 1200;

// Teams refuses an informative update longer than this (403 ContentStreamNotAllowed).
const INFORMATIVE_MAX_CHARS = 1000;

type StreamType = 'informative' | 'streaming' | 'final';

function streamInfo(streamType: StreamType, streamId: string | undefined, streamSequence?: number): Record<string, unknown> {
  return { type: 'streaminfo', streamType, ...(streamId ? { streamId } : {}), ...(streamSequence !== undefined ? { streamSequence } : {}) };
}

type Send = Turn['send'];

/**
 * Teams' streaming protocol (personal chats only): an informative `typing` activity (sequence 1)
 * whose answer id becomes the streamId, paced `streaming` updates with the whole text so far, then
 * the final `message`. When no id comes back (expectReplies, or a channel that does not answer with
 * one) the incoming activity's id stands in, so the stream stays one.
 */
class TeamsStream implements AnswerStream {
  readonly live = true;
  private streamId: string | undefined;
  private sequence = 0;
  private readonly pacer: StreamPacer;

  constructor(
    private readonly send: Send,
    private readonly incomingId: string | undefined,
    log: Turn['log'],
    intervalMs: number,
  ) {
    this.pacer = new StreamPacer((text) => this.sendTyping('streaming', text), {
      intervalMs,
      onError: (error) => log.warn({ err: error }, 'stream update refused; the final message still goes'),
    });
  }

  private async sendTyping(streamType: 'informative' | 'streaming', text: string): Promise<void> {
    this.sequence += 1;
    const id = await this.send({ type: 'typing', text, entities: [streamInfo(streamType, this.streamId, this.sequence)] });
    this.streamId ??= id || this.incomingId || randomUUID();
  }

  async informative(text: string): Promise<void> {
    await this.sendTyping('informative', text.slice(0, INFORMATIVE_MAX_CHARS));
    // The informative update counts for the one-per-second rule.
    this.pacer.markSent();
  }

  update(textSoFar: string): void {
    this.pacer.push(textSoFar);
  }

  get updates(): number {
    return this.sequence;
  }

  async end(finalReply: OutgoingActivity): Promise<string | undefined> {
    await this.pacer.close();
    const wait = this.pacer.nextSendAt() - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return this.send({ ...finalReply, type: 'message', entities: [streamInfo('final', this.streamId), ...(finalReply.entities ?? [])] });
  }
}

/** Channels and group chats cannot show a stream: the reply goes as one message at the end. */
class OneMessage implements AnswerStream {
  readonly live = false;
  readonly updates = 0;
  constructor(private readonly send: Send) {}
  async informative(): Promise<void> {}
  update(): void {}
  end(finalReply: OutgoingActivity): Promise<string | undefined> {
    return this.send(finalReply);
  }
}

/** The stream a turn offers (`turn.stream()`): streamed in personal chats, one message elsewhere. */
export function teamsStream(turn: Pick<Turn, 'send' | 'activityId' | 'log' | 'conversation'>, intervalMs = STREAM_INTERVAL_MS): AnswerStream {
  const send: Send = (activity) => turn.send(activity);
  return turn.conversation.type === 'personal' ? new TeamsStream(send, turn.activityId, turn.log, intervalMs) : new OneMessage(send);
}
