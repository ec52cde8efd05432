import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { intakeInput } from './fixtures.js';
import { visibleText } from './protocol-helpers.js';

const { adviseur, coordinator } = personas;

/** The case card posted in the coordinator's personal chat after an adviser refers a case. */
async function postedCaseCard(bot: TestBot): Promise<string> {
  const before = bot.connector.calls.length;
  await bot.act('mediation.submit', intakeInput(), { from: adviseur });
  await bot.settled();
  const post = bot.connector.calls.slice(before).find((c) => c.method === 'POST' && JSON.stringify(c.body).includes('BB-'));
  if (!post) throw new Error('no case card posted');
  const attachment = (post.body.attachments as { content: unknown }[] | undefined)?.[0];
  return visibleText(attachment?.content);
}

describe('the coordinator reads a new case in her own language', () => {
  let bot: TestBot;
  beforeAll(async () => {
    // No coordinator channel: new cases go to the coordinators' personal chats.
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('a coordinator whose Teams is English and who writes English gets the case card in English, a Dutch one in Dutch', async () => {
    await bot.say('show me the mediation statistics please', { from: coordinator, locale: 'en-US' });
    const english = await postedCaseCard(bot);
    expect(english).toMatch(/neighbourhood mediation|referral/i);
    expect(english).not.toMatch(/Aanmelding buurtbemiddeling|Nieuwe aanmelding/);

    await bot.say('laat de statistieken van buurtbemiddeling zien', { from: coordinator, locale: 'en-US' });
    const dutch = await postedCaseCard(bot);
    expect(dutch).toMatch(/buurtbemiddeling/i);
    expect(dutch).not.toMatch(/referral/i);
  });
});
