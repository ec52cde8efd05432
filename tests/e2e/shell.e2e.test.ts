import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { launchChromium, PlaygroundChat, skipBrowserTests, startPlayground, type Playground } from './playground.js';

describe.skipIf(skipBrowserTests)('Agents Playground end to end: the bot shell', () => {
  let bot: TestBot;
  let playground: Playground;
  let browser: Browser;

  beforeAll(async () => {
    bot = await startTestBot({ env: { SAMPLE_KNOWLEDGE: 'true' } });
    playground = await startPlayground(`${bot.url}/api/messages`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.close();
  });

  it('shows the welcome card, answers "help" with the help card, and answers a click on one of its buttons', async () => {
    const chat = await PlaygroundChat.open(browser, playground);
    await chat.card('Welkom bij de Veiligheidsbot');

    await chat.say('help');
    const help = await chat.card(/Wat kan de Veiligheidsbot/);
    // Every capability has its own button; the one for buurtbemiddeling opens the intake card.
    expect(await help.getByRole('button').count()).toBeGreaterThanOrEqual(4);
    await help.getByRole('button', { name: 'buurtbemiddeling aanmelden' }).click();
    await chat.card(/Aanmelding buurtbemiddeling/);
    await chat.screenshot('e2e-shell');
  }, 60_000);
});
