import { randomUUID } from 'node:crypto';
import type { OutgoingActivity, Turn } from '../../routing/turn.js';
import { StreamPacer } from './stream-pacer.js';

// Teams allows one update per second; a margin keeps clock jitter on the connector's side safe.
export const STREAM_INTERVAL_MS = 1200;

type StreamType = 'informative' | 'streaming' | 'final';

function streamInfo(streamType: StreamType, streamId: string | undefined, streamSequence?: number): Record<string, unknown> {
  return { type: 'streaminfo', streamType, ...(streamId ? { streamId } : {}), ...(streamSequence !== undefined ? { streamSequence } : {}) };
}

/**
 * Teams' streaming protocol on a Turn (personal chats only): an informative `typing` activity
 * (sequence 1) whose answer id becomes the streamId, paced `streaming` updates with the whole text
 * so far, then the final `message`. When no id comes back (a test's expectReplies, or a channel
 * that does not answer with one) the incoming activity's id stands in, so the stream stays one.
 */
export class AnswerStream {
  private streamId: string | undefined;
  private sequence = 0;
  private readonly pacer: StreamPacer;

  constructor(
    private readonly turn: Turn,
    private readonly intervalMs = STREAM_INTERVAL_MS,
  ) {
    this.pacer = new StreamPacer((text) => this.sendTyping('streaming', text), {
      intervalMs,
      onError: (error) => turn.log.warn({ err: error }, 'stream update refused; the final message still goes'),
    });
  }

  private async sendTyping(streamType: 'informative' | 'streaming', text: string): Promise<void> {
    this.sequence += 1;
    const id = await this.turn.send({ type: 'typing', text, entities: [streamInfo(streamType, this.streamId, this.sequence)] });
    this.streamId ??= id || this.turn.activityId || randomUUID();
  }

  /** The informative update ("Ik zoek in de documenten…"); paces the first streaming update after it. */
  async start(informative: string): Promise<void> {
    await this.sendTyping('informative', informative.slice(0, 1000));
    // The informative update counts for the one-per-second rule.
    this.pacer.markSent();
  }

  update(textSoFar: string): void {
    this.pacer.push(textSoFar);
  }

  get updates(): number {
    return this.sequence;
  }

  /** Ends the stream with the final message (citations, AI label, feedback go here only); returns its id. */
  async finish(final: OutgoingActivity): Promise<string | undefined> {
    await this.pacer.close();
    const wait = this.pacer.nextSendAt() - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return this.turn.send({ ...final, type: 'message', entities: [streamInfo('final', this.streamId), ...(final.entities ?? [])] });
  }
}
