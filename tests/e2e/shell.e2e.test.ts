import { describe, expect, it } from 'vitest';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';

describe.skipIf(skipBrowserTests)('Agents Playground end to end: the bot shell', () => {
  const session = usePlaygroundSession({ env: { SAMPLE_KNOWLEDGE: 'true' } });

  it('shows the welcome card, answers "help" with the help card, and answers a click on one of its buttons', async () => {
    const chat = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await chat.card('Welkom bij de Veiligheidsbot');

    // The Playground sends every message with locale en-US (hard-coded), and "help" says nothing about
    // the language: with no language in the conversation yet, the client's locale decides.
    await chat.say('help');
    const help = await chat.card(/What can the Veiligheidsbot do/);
    // Every capability has its own button; the one for buurtbemiddeling opens the intake card.
    expect(await help.getByRole('button').count()).toBeGreaterThanOrEqual(4);
    await help.getByRole('button', { name: 'buurtbemiddeling aanmelden' }).click();
    await chat.card(/Aanmelding buurtbemiddeling/);
    await chat.screenshot('e2e-shell');
  }, 60_000);
});
