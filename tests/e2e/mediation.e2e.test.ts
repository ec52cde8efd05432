import { describe, expect, it } from 'vitest';
import { fill, fillIntake } from './intake-form.js';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';

/** The adviser asks for the intake card and fills it in as a colleague would. */
async function referDispute(adviser: PlaygroundChat): Promise<void> {
  await adviser.say('buurtbemiddeling aanmelden');
  const intake = await adviser.card(/Aanmelding buurtbemiddeling/);
  await fillIntake(intake);
  await intake.getByRole('button', { name: 'Aanmelden' }).click();
}

/**
 * An adviser refers a neighbour dispute with the intake card; the coordinator, in her own
 * Playground, gets the case card, opens the personal data and accepts the case.
 */
describe.skipIf(skipBrowserTests)('Agents Playground end to end: a buurtbemiddeling referral', () => {
  const session = usePlaygroundSession({ personas: [{ id: 'user-coordinator', personalChatId: 'a:personal-chat-fatima' }] });

  it('submits the intake as an adviser, confirms with a case number, and lets the coordinator accept it', async () => {
    const coordinator = await PlaygroundChat.open(session.browser, session.playgrounds[1]!);
    await coordinator.say('hoe gaat het met buurtbemiddeling?');
    await coordinator.card(/Buurtbemiddeling in cijfers/);

    const adviser = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await referDispute(adviser);
    const confirmation = await adviser.card(/Aanmelding ontvangen/);
    const caseNumber = (await confirmation.innerText()).match(/BB-\d{4}-\d{4}/)?.[0];
    expect(caseNumber).toBeTruthy();
    expect(await confirmation.innerText()).not.toContain('Karel Verhoeven');
    await adviser.screenshot('e2e-intake-adviser');

    // The coordinator's copy: the public view first (the Playground has no user-specific views), then her own after refreshing.
    const caseCard = await coordinator.card(new RegExp(`${caseNumber}`), 20_000);
    await caseCard.getByRole('button', { name: 'Vernieuwen' }).click();
    const personal = await coordinator.card(/Karel Verhoeven/);
    await personal.getByRole('button', { name: /Aannemen en vrijwilligers koppelen/ }).click();
    await fill(personal, /Vrijwilliger 1/, 'Henk');
    await fill(personal, /Vrijwilliger 2/, 'Ayse');
    await personal.getByRole('button', { name: 'Bevestigen' }).first().click();
    // Every copy is then updated in place with the public view; her refresh shows the new status.
    await expect.poll(async () => (await session.bot.db.query<{ status: string }>('SELECT status FROM mediation_cases'))[0]?.status, { timeout: 15_000 }).toBe('accepted');
    await coordinator.refreshUntil(new RegExp(`${caseNumber}`), 'Vernieuwen', /Aangenomen, vrijwilligers gekoppeld/);
    await coordinator.screenshot('e2e-intake-coordinator');

    const cases = await session.bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_cases');
    expect(cases[0]!.n).toBe(1);
  }, 150_000);

  it('a coordinator who writes in English gets the next case card in English', async () => {
    const coordinator = await PlaygroundChat.open(session.browser, session.playgrounds[1]!);
    await coordinator.say('how is neighbourhood mediation going?');
    await coordinator.card(/Neighbourhood mediation|mediation in figures/i);
    const adviser = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await referDispute(adviser);
    // The second referral of this session.
    const caseNumber = (await (await adviser.card(/Aanmelding ontvangen[\s\S]*BB-\d{4}-0002/)).innerText()).match(/BB-\d{4}-0002/)?.[0];
    expect(caseNumber).toBeTruthy();
    const caseCard = await coordinator.card(new RegExp(`${caseNumber}`), 20_000);
    await caseCard.getByRole('button', { name: 'Refresh' }).waitFor({ timeout: 10_000 });
    expect(await caseCard.innerText()).not.toContain('Vernieuwen');
  }, 150_000);
});
