import { describe, expect, it } from 'vitest';
import { BatchedLookup } from '../../src/store/batched-lookup.js';

describe('lookups gathered into shared statements', () => {
  it('answers a lone lookup in one statement, and lookups that arrive while one runs together in the next', async () => {
    const statements: string[][] = [];
    let release!: () => void;
    const lookup = new BatchedLookup<string, number>(async (keys) => {
      statements.push(keys);
      if (statements.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return new Map(keys.map((k) => [k, k.length]));
    });
    const first = lookup.get(['aa']);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [lookup.get(['b']), lookup.get(['ccc', 'b']), lookup.get(['dddd'])];
    release();
    expect((await first).get('aa')).toBe(2);
    const [b, cb, d] = await Promise.all(later);
    expect([b?.get('b'), cb?.get('ccc'), cb?.get('b'), d?.get('dddd')]).toEqual([1, 3, 1, 4]);
    expect(statements).toEqual([['aa'], ['b', 'ccc', 'dddd']]);
  });

  it('fails every lookup of a failed statement, and runs the next ones afresh', async () => {
    let fail = true;
    const lookup = new BatchedLookup<string, boolean>(async (keys) => {
      if (fail) throw new Error('store down');
      return new Map(keys.map((k) => [k, true]));
    });
    const results = await Promise.allSettled([lookup.get(['x']), lookup.get(['y'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect((await lookup.get(['z'])).get('z')).toBe(true);
  });
});
