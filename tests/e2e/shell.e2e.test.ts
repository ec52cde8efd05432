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
    const help = await chat.card(/Wat kan de Veiligheidsbot|What can the Veiligheidsbot/);
    const buttons = help.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(0);

    const cardsBefore = await chat.page.locator('.ac-adaptiveCard').count();
    const messagesBefore = await chat.page.getByText(/./).count();
    await buttons.first().click();
    // The bot answers the button's command: a new card or message appears after the help card.
    await expect
      .poll(async () => (await chat.page.locator('.ac-adaptiveCard').count()) > cardsBefore || (await chat.page.getByText(/./).count()) > messagesBefore + 2, { timeout: 15_000 })
      .toBe(true);
    await chat.screenshot('e2e-shell');
  }, 60_000);
});
