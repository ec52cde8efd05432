import { describe, expect, it } from 'vitest';
import { StreamPacer } from '../../src/features/llm/stream-pacer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stream pacer', () => {
  it('sends the newest full text at most once per interval and waits for each send', async () => {
    const sent: { text: string; at: number }[] = [];
    let inFlight = 0;
    let overlapped = false;
    const pacer = new StreamPacer(
      async (text) => {
        inFlight += 1;
        if (inFlight > 1) overlapped = true;
        sent.push({ text, at: Date.now() });
        await sleep(30);
        inFlight -= 1;
      },
      { intervalMs: 100 },
    );
    let text = '';
    for (let i = 0; i < 30; i += 1) {
      text += `w${i} `;
      pacer.push(text);
      await sleep(10);
    }
    await sleep(150);
    await pacer.close();
    expect(overlapped).toBe(false);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.length).toBeLessThan(30);
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(98);
    // Each update holds the whole text so far, and the last one the full text.
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.text.startsWith(sent[i - 1]!.text)).toBe(true);
    expect(sent[sent.length - 1]!.text).toBe(text);
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
    await sleep(30);
    pacer.push('ab');
    await sleep(30);
    expect(sent).toEqual(['a']);
    expect(errors).toHaveLength(1);
    await pacer.close();
    pacer.push('abc');
    await sleep(20);
    expect(sent).toEqual(['a']);
  });
});
