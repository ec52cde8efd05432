/**
 * Paces streaming updates: Teams accepts at most one per second and wants each call finished
 * before the next. `push` keeps only the newest full text; it is sent when the interval since the
 * last send has passed and no send is in flight. A failed send (the user pressed stop, or 429)
 * ends the updates; the final message still goes.
 */
export interface PacerOptions {
  intervalMs: number;
  onError?: (error: unknown) => void;
}

export class StreamPacer {
  private pending: string | undefined;
  private lastText: string | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  sent = 0;

  constructor(
    private readonly send: (text: string) => Promise<void>,
    private readonly options: PacerOptions,
  ) {}

  push(text: string): void {
    if (this.stopped || !text) return;
    this.pending = text;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.inFlight || this.timer || this.pending === undefined || this.pending === this.lastText) return;
    const wait = this.lastSentAt + this.options.intervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
      return;
    }
    const text = this.pending;
    this.lastText = text;
    this.lastSentAt = Date.now();
    this.sent += 1;
    this.inFlight = this.send(text)
      .catch((error: unknown) => {
        this.stopped = true;
        this.options.onError?.(error);
      })
      .finally(() => {
        this.inFlight = undefined;
        this.schedule();
      });
  }

  /** Counts a send made outside the pacer (the informative update) for the interval. */
  markSent(): void {
    this.lastSentAt = Date.now();
  }

  /** Stops sending and waits for a send in flight, so the final message comes after the last update. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** When the final message may go: at least one interval after the last update. */
  nextSendAt(): number {
    return this.lastSentAt + this.options.intervalMs;
  }
}
