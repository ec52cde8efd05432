import { describe, expect, it } from 'vitest';
import { personas } from '../helpers/teams-activity.js';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';

/**
 * Issue 16's examples as colleagues type them, in the Agents Playground: the adviser (Dutch Teams),
 * the burgemeester, and a steering-group member whose Teams is in English.
 */
describe.skipIf(skipBrowserTests)("Agents Playground end to end: colleagues' own words", () => {
  const session = usePlaygroundSession({
    env: { SAMPLE_KNOWLEDGE: 'true' },
    personas: [
      { id: 'user-burgemeester', personalChatId: 'a:personal-chat-jan-conversation' },
      { id: 'user-stuurgroep-1', personalChatId: 'a:personal-chat-pieter-english', lang: 'en_US.UTF-8' },
    ],
  });

  /** How many of the bot's messages or cards show this text now. */
  const shown = (chat: PlaygroundChat, text: RegExp) => chat.page.getByText(text).count();

  it('small talk, milestones, intake, summaries by reference and follow-ups reach the right capability', async () => {
    const chat = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await chat.card('Welkom bij de Veiligheidsbot');

    await chat.say('hoi');
    await chat.text(/Hallo Sanne! Waarmee kan ik u helpen/);
    // The log panel and the chat list show replies too: count before and after.
    const greeted = await shown(chat, /Hallo Sanne! Waarmee kan ik u helpen/);
    await chat.say('Goedemorgen!');
    await expect.poll(() => shown(chat, /Hallo Sanne! Waarmee kan ik u helpen/), { timeout: 15_000 }).toBeGreaterThan(greeted);
    await chat.say('bedankt!');
    await chat.text(/Graag gedaan/);
    await chat.say('Wat kun je allemaal?');
    await chat.card(/Wat kan de Veiligheidsbot\?/);

    await chat.say('wat zijn de komende mijlpalen');
    await chat.card(/Komende mijlpalen/);
    await chat.say('ik heb een burenconflict dat naar buurtbemiddeling moet');
    await chat.card(/Aanmelding buurtbemiddeling/);

    // A title that ends in "Terugblik 2023": the Playground accepts the summary (at most 10 citations).
    await chat.say('samenvatting van de terugblik 2023');
    await chat.card(/Terugblik 2023[\s\S]*Doorkijk/);
    await chat.say('kun je de notitie van Heemstede samenvatten?');
    await chat.card(/Planning Beleidsplan Integrale Veiligheid/);
    const summaries = () =>
      chat.page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Planning Beleidsplan Integrale Veiligheid/ })
        .count();
    const before = await summaries();
    await chat.say('korter');
    await expect.poll(summaries, { timeout: 20_000 }).toBeGreaterThan(before);

    await chat.say('Wat zijn de prioriteiten van Heemstede?');
    await chat.text(/Heemstede/);
    const hengelo = await shown(chat, /Hengelo/);
    await chat.say('en in Hengelo?');
    await expect.poll(() => shown(chat, /Hengelo/), { timeout: 20_000 }).toBeGreaterThan(hengelo + 1);
    expect(await shown(chat, /Stel uw vraag in woorden|staat niet in de documenten|do not say/)).toBe(0);
    await chat.screenshot('e2e-conversation-adviser');
  }, 180_000);

  it('the burgemeester asks what waits for approval and says "keur die maar goed"', async () => {
    const request = await session.bot.act('approval.request', { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' }, { from: personas.adviseur });
    expect(request.status).toBe(200);
    const mayor = await PlaygroundChat.open(session.browser, session.playgrounds[1]!);
    await mayor.card('Welkom bij de Veiligheidsbot');
    await mayor.say('heb ik nog iets goed te keuren?');
    await mayor.card(/Wacht op uw goedkeuring[^]*Uitvoeringsplan veiligheid 2027/);
    await mayor.say('keur die maar goed');
    await mayor.card(/Goedgekeurd door Jan Hofstra/, 20_000);
    await mayor.screenshot('e2e-conversation-burgemeester');
  }, 120_000);

  it('a colleague whose Teams is in English gets the English help card and an English answer quoting the Dutch documents', async () => {
    const member = await PlaygroundChat.open(session.browser, session.playgrounds[2]!, 'en-US');
    await member.say('help');
    await member.card(/What can the Veiligheidsbot do\?/);
    await member.say('Who owns the cameras at Vroomshoop railway station?');
    await member.text(/According to[^]*NS Stations/);
    await member.text(/quoted from the Dutch documents/);
    await member.screenshot('e2e-conversation-english');
  }, 120_000);
});
