import { describe, expect, it } from 'vitest';
import { actionActivity, messageActivity } from '../helpers/teams-activity.js';
import { firstCard } from '../helpers/test-app.js';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';
import { action } from '../mediation/protocol-helpers.js';

const CHANNEL = '19:stuurgroep-buurtbemiddeling@thread.tacv2';

/**
 * The bot posts an update into the Playground's steering-group channel on its own initiative
 * (continueConversationAsync through the connector the Playground serves). The commands go to the
 * bot as the Playground would send them (in a channel Teams only delivers @mentions, which the
 * Playground's composer does not let a script insert reliably); the post is checked in the page.
 */
describe.skipIf(skipBrowserTests)('Agents Playground end to end: an update to the steering group', () => {
  const session = usePlaygroundSession({ env: { SAMPLE_KNOWLEDGE: 'true' } });

  it('posts the digest proactively into the registered channel of the Playground', async () => {
    const { bot, browser, playgrounds } = session;
    const playground = playgrounds[0]!;
    const chat = await PlaygroundChat.open(browser, playground);
    await chat.page.getByText('Stuurgroep buurtbemiddeling').first().click();
    const serviceUrl = `${playground.url}/_connector`;
    const inChannel = { conversation: 'channel' as const, conversationId: CHANNEL, serviceUrl };

    const registered = await bot.post(messageActivity('registreer dit kanaal als stuurgroep buurtbemiddeling', inChannel));
    expect(registered.status).toBe(200);
    const preview = await bot.post(messageActivity('stuur een update naar de stuurgroep buurtbemiddeling', inChannel));
    const send = action(firstCard(preview.body.activities), 'steering.send');
    expect(send).toBeDefined();
    const clicked = await bot.post(actionActivity('steering.send', send!.data, inChannel));
    expect(clicked.status).toBe(200);

    const digest = await chat.card(/Update stuurgroep buurtbemiddeling/, 20_000);
    // What the steering group reads: milestones ahead, the pilot's figures, and no personal data.
    const text = await digest.innerText();
    expect(text).toMatch(/Komende mijlpalen/);
    expect(text).toMatch(/Uitvoeringsplan veiligheid 2027/);
    expect(text).toMatch(/Buurtbemiddeling in cijfers/);
    await chat.screenshot('e2e-steering-channel');
  }, 90_000);
});
