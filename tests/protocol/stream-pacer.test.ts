import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamPacer } from '../../src/teams/stream-pacer.js';

// Fake timers: the pacer's clock and waits are exact, and the tests take no real time.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('stream pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the newest full text at most once per interval and waits for each send', async () => {
    const start = Date.now();
    const sent: { text: string; at: number }[] = [];
    let inFlight = 0;
    let overlapped = false;
    const pacer = new StreamPacer(
      async (text) => {
        inFlight += 1;
        if (inFlight > 1) overlapped = true;
        sent.push({ text, at: Date.now() - start });
        await sleep(30);
        inFlight -= 1;
      },
      { intervalMs: 100 },
    );
    let text = '';
    for (let i = 0; i < 30; i += 1) {
      text += `w${i} `;
      pacer.push(text);
      await elapse(10);
    }
    await elapse(150);
    await pacer.close();
    expect(overlapped).toBe(false);
    // The first part at once, then one update per interval, however often the text grew in between.
    expect(sent.map((s) => s.at)).toEqual([0, 100, 200, 300]);
    // Each update holds the whole text so far, and the last one the full text.
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.text.startsWith(sent[i - 1]!.text)).toBe(true);
    expect(sent[0]!.text).toBe('w0 ');
    expect(sent.at(-1)!.text).toBe(text);
  });

  it('waits for a slow send before the next, even when the interval has passed', async () => {
    const start = Date.now();
    const sent: number[] = [];
    const pacer = new StreamPacer(
      async () => {
        sent.push(Date.now() - start);
        await sleep(250);
      },
      { intervalMs: 100 },
    );
    pacer.push('a');
    pacer.push('ab');
    await elapse(600);
    await pacer.close();
    expect(sent).toEqual([0, 250]);
  });

  it('stops updating after a refused send and sends nothing after close', async () => {
    const sent: string[] = [];
    const errors: unknown[] = [];
    const pacer = new StreamPacer(
      async (text) => {
        sent.push(text);
        throw new Error('403 ContentStreamNotAllowed');
      },
      { intervalMs: 10, onError: (e) => errors.push(e) },
    );
    pacer.push('a');
    await elapse(30);
    pacer.push('ab');
    await elapse(30);
    expect(sent).toEqual(['a']);
    expect(errors).toHaveLength(1);
    await pacer.close();
    pacer.push('abc');
    await elapse(20);
    expect(sent).toEqual(['a']);
  });
});
