import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/test-app.js';

describe('policy Q&A over /api/messages', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { SAMPLE_KNOWLEDGE: 'true' } });
  });
  afterAll(async () => bot?.close());

  it('answers a policy question with one citation entity whose positions match the [n] markers', async () => {
    const [reply] = await bot.say('Wanneer heeft de raad van Twenterand ingestemd met de pilot buurtbemiddeling?');
    expect(reply?.text).toContain('26 september');
    const roots = (reply?.entities ?? []).filter((e) => e.type === 'https://schema.org/Message');
    expect(roots).toHaveLength(1);
    const root = roots[0];
    expect(root).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
    expect(root.citation.length).toBeGreaterThan(0);
    for (const claim of root.citation) {
      expect(claim['@type']).toBe('Claim');
      expect(reply?.text).toContain(`[${claim.position}]`);
      expect(claim.appearance['@type']).toBe('DigitalDocument');
      expect(claim.appearance.name).toMatch(/Twenterand$/);
      expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
      expect(claim.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
  });

  it('says plainly when the documents do not hold the answer, without citations', async () => {
    const [reply] = await bot.say('Wat is de hoofdstad van Frankrijk?');
    expect(reply?.text).toMatch(/staat niet in de documenten/);
    expect(reply?.entities ?? []).not.toContainEqual(expect.objectContaining({ type: 'https://schema.org/Message' }));
  });

  it('answers in English when asked in English', async () => {
    const [reply] = await bot.say('What are the current priorities of Twenterand?', { locale: 'en-US' });
    expect(reply?.text).toMatch(/Current priorities/);
    expect(reply?.text).toContain('Ondermijning');
  });

  it('survives hostile input', async () => {
    for (const text of ['🙂🙂🙂', 'x'.repeat(10_000), '<b onclick=alert(1)>hoi</b> [a](javascript:alert(1))']) {
      const replies = await bot.say(text);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies[0]?.text ?? '').not.toMatch(/javascript:|onclick/);
    }
  });
});
