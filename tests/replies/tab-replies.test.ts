import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/test-app.js';

/** What the dashboard tab receives from the real modules, read as a person reads it. */
describe('the dashboard tab reads right', () => {
  let bot: TestBot;
  const get = async (path: string) => (await fetch(`${bot.url}/api/tab/${path}`)).json();
  beforeAll(async () => {
    bot = await startTestBot({ listen: true, env: { SAMPLE_KNOWLEDGE: 'true', STEERING_SCHEDULE: 'off' }, now: () => new Date('2026-12-01T10:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
  });

  it('priorities are whole sentences with source labels not in capitals', async () => {
    const body = await get('priorities');
    expect(body.items.length).toBeGreaterThan(0);
    for (const p of body.items) {
      expect(p.title, p.title).not.toMatch(/…$/);
      // A lead-in ends with a colon when its list follows as the summary.
      expect(p.title, p.title).toMatch(p.summary ? /:$/ : /[.!?]$/);
      if (p.summary) expect(p.summary, p.summary).toMatch(/[.!?]$/);
      for (const s of p.sources) for (const part of s.title.split(' – ').slice(1)) expect(part, s.title).not.toMatch(/^[\p{Lu}\s\d.]{4,}$/u);
    }
  });

  it('every search snippet contains the word searched for, and a result says where it stands', async () => {
    for (const [q, words] of [
      ['cameratoezicht', ['cameratoezicht', 'camera', 'toezicht']],
      ['buurtbemiddeling', ['buurtbemiddeling']],
      ['ondermijning', ['ondermijning']],
    ] as const) {
      const body = await get(`search?q=${encodeURIComponent(q)}`);
      expect(body.items.length, q).toBeGreaterThan(0);
      for (const hit of body.items) {
        const shown = (hit.snippet || hit.title).toLowerCase();
        expect(
          words.some((w) => shown.includes(w)),
          `${q}: ${shown}`,
        ).toBe(true);
      }
      expect(
        body.items.some((h: any) => h.section && h.about),
        q,
      ).toBe(true);
    }
  });
});
