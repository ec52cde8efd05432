import { describe, expect, it } from 'vitest';
import { exportAudit, parsePeriod } from '../../src/features/approvals/index.js';
import { TENANT_ID } from '../helpers/teams-activity.js';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';

/**
 * The adviser asks for approval in one Playground; the burgemeester, in a second Playground of
 * the same tenant, gets the card in their personal chat and approves it.
 */
describe.skipIf(skipBrowserTests)('Agents Playground end to end: a milestone approval', () => {
  const session = usePlaygroundSession({ env: { SAMPLE_KNOWLEDGE: 'true' }, personas: [{ id: 'user-burgemeester', personalChatId: 'a:personal-chat-jan' }] });

  it('requests an approval as the adviser and approves it as the burgemeester; the audit holds exactly those steps', async () => {
    // The burgemeester has a personal chat with the bot, so the bot can notify them there.
    const mayor = await PlaygroundChat.open(session.browser, session.playgrounds[1]!);
    await mayor.card('Welkom bij de Veiligheidsbot');
    await mayor.say('Wat wacht op mijn goedkeuring?');
    await mayor.page
      .getByText(/goedkeuring/i)
      .nth(1)
      .waitFor({ timeout: 15_000 });

    const adviser = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await adviser.card('Welkom bij de Veiligheidsbot');
    await adviser.say('Welke mijlpalen komen eraan in Hengelo?');
    const list = await adviser.card(/Uitvoeringsplan veiligheid 2027/);
    const item = list.locator('.ac-container').filter({ hasText: 'Uitvoeringsplan veiligheid 2027' }).last();
    await item.getByRole('button').first().click();

    // The approval card appears in the adviser's chat and, with the buttons, in the burgemeester's.
    await adviser.card(/Goedkeuring gevraagd[^]*Uitvoeringsplan veiligheid 2027|Uitvoeringsplan veiligheid 2027[^]*burgemeester/);
    const request = await mayor.card(/Uitvoeringsplan veiligheid 2027/, 20_000);
    await request.getByRole('button', { name: 'Goedkeuren' }).click();
    await mayor.card(/Goedgekeurd door Jan Hofstra/);
    await mayor.screenshot('e2e-approval-burgemeester');

    const period = parsePeriod(String(new Date().getFullYear()));
    const audit = await exportAudit(session.bot.db, { tenantId: TENANT_ID, gemeente: 'Hengelo', period: period! }, 'csv');
    expect(audit.records.map((r) => [r.action, r.actorName])).toEqual([
      ['requested', 'Sanne de Vries (adviseur OOV)'],
      ['approved', 'Jan Hofstra (burgemeester)'],
    ]);
    expect(audit.content.split('\n').filter(Boolean)).toHaveLength(3); // header + two steps
  }, 120_000);
});
