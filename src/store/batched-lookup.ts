/**
 * Gathers lookups by key into one statement. While a statement is running, new requests wait and
 * go together in the next one: under load many turns share a round trip, while a lone request
 * waits for nothing but the current tick (so the reads of one turn still share a statement).
 */
export class BatchedLookup<K, V> {
  private waiting: { keys: readonly K[]; resolve(found: Map<K, V>): void; reject(error: unknown): void }[] = [];
  private running = false;
  private scheduled = false;

  /** `run` gets distinct keys and returns what it found for them; keys it leaves out are not found. */
  constructor(private readonly run: (keys: K[]) => Promise<Map<K, V>>) {}

  get(keys: readonly K[]): Promise<Map<K, V>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ keys, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    process.nextTick(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    try {
      const found = await this.run([...new Set(batch.flatMap((b) => b.keys))]);
      for (const { resolve } of batch) resolve(found);
    } catch (error) {
      for (const { reject } of batch) reject(error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
