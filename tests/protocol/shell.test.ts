import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { installActivity, personas } from '../helpers/teams-activity.js';

describe('bot shell over /api/messages', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('answers "help" with the help card in Dutch', async () => {
    const replies = await bot.say('help');
    const card = firstCard(replies);
    expect(card?.version).toBe('1.5');
    expect(cardText(card)).toContain('Wat kan de Veiligheidsbot?');
  });

  it.each(['hulp', '?', 'Help!'])('treats "%s" as a request for help', async (text) => {
    expect(cardText(firstCard(await bot.say(text)))).toContain('Wat kan de Veiligheidsbot?');
  });

  it('answers in English when the client locale is English and the text gives no other hint', async () => {
    expect(cardText(firstCard(await bot.say('?', { locale: 'en-US', from: personas.stuurgroep })))).toContain('What can the Veiligheidsbot do?');
  });

  it('answers in English when asked in English, and keeps Dutch for a Dutch colleague whose Teams is in English', async () => {
    expect(cardText(firstCard(await bot.say('what can you do?', { locale: 'nl-NL', from: personas.loco })))).toContain('What can the Veiligheidsbot do?');
    // The conversation was held in Dutch: "help" says nothing about language, so it stays Dutch.
    await bot.say('Welke mijlpalen komen eraan?', { locale: 'en-US', from: personas.coordinator });
    expect(cardText(firstCard(await bot.say('help', { locale: 'en-US', from: personas.coordinator })))).toContain('Wat kan de Veiligheidsbot?');
  });

  it('gives "help" in the language of the Teams client when the conversation has no language yet', async () => {
    expect(cardText(firstCard(await bot.say('help', { locale: 'en-US', from: personas.burgemeester, conversationId: 'a:fresh-english-client' })))).toContain('What can the Veiligheidsbot do?');
  });

  it('welcomes on installation in a channel', async () => {
    const res = await bot.post(installActivity({ conversation: 'channel', serviceUrl: bot.connector.url }));
    expect(res.status).toBe(200);
    expect(cardText(firstCard(res.body.activities))).toContain('Welkom bij de Veiligheidsbot');
  });
});
