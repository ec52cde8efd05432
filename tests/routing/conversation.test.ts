import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../helpers/teams-activity.js';
import { startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';

const cardOf = (replies: SentActivity[]) => replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content;
const textOf = (replies: SentActivity[]) => replies.map((r) => `${r.text ?? ''} ${JSON.stringify(cardOf([r]) ?? '')}`).join('\n');
const ABSTAIN = /staat niet in de documenten/;

/** The examples of issue 16, as colleagues type them, through the whole bot (router, classifier, handlers). */
describe("conversation: colleagues' own words reach the right capability", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { SAMPLE_KNOWLEDGE: 'true' } });
  }, 60_000);
  afterAll(async () => bot?.close());

  it.each([
    ['hoi', /Hallo Sanne/],
    ['Goedemorgen!', /Hallo Sanne/],
    ['bedankt!', /Graag gedaan/],
    ['Wat kun je allemaal?', /Wat kan de Veiligheidsbot/],
    ['wat zijn de komende mijlpalen', /Komende mijlpalen/],
    ['ik heb een burenconflict dat naar buurtbemiddeling moet', /Aanmelding buurtbemiddeling/],
  ])('"%s" gets the right reply, never "the documents do not say"', async (text, expected) => {
    const replies = await bot.say(text, { from: personas.adviseur });
    expect(textOf(replies)).toMatch(expected);
    expect(textOf(replies)).not.toMatch(ABSTAIN);
  });

  it('"heb ik nog iets goed te keuren?" shows the burgemeester what waits for approval', async () => {
    expect(textOf(await bot.say('heb ik nog iets goed te keuren?', { from: personas.burgemeester }))).toMatch(/Wacht op uw goedkeuring|goedkeuring/);
  });

  it.each([
    ['kun je de notitie van Heemstede samenvatten?', /Planning Beleidsplan Integrale Veiligheid/],
    ['samenvatting van de terugblik 2023', /Terugblik 2023/],
    ['vat het programma veiligheid van Hengelo samen', /Opdracht programma veiligheid/],
  ])('"%s" summarises the document meant', async (text, title) => {
    const replies = await bot.say(text, { from: personas.adviseur, conversationId: `a:summary-${text.length}` });
    expect(textOf(replies)).toMatch(title);
    expect(textOf(replies)).not.toMatch(/Ik ken geen document/);
  });

  it('"en in Hengelo?" after a question about Heemstede asks the same about Hengelo', async () => {
    const conversationId = 'a:follow-up-gemeente';
    await bot.say('Wat zijn de prioriteiten van Heemstede?', { from: personas.adviseur, conversationId });
    const replies = await bot.say('en in Hengelo?', { from: personas.adviseur, conversationId });
    expect(textOf(replies)).not.toMatch(/Stel uw vraag in woorden/);
    expect(textOf(replies)).toMatch(/Hengelo/);
  });

  it('"en in Hengelo?" after the milestones of Heemstede lists those of Hengelo', async () => {
    const conversationId = 'a:follow-up-milestones';
    await bot.say('mijlpalen heemstede', { from: personas.adviseur, conversationId });
    expect(textOf(await bot.say('en in Hengelo?', { from: personas.adviseur, conversationId }))).toMatch(/Komende mijlpalen van Hengelo/);
  });

  it('"help" from a colleague whose Teams is English gets the English help card', async () => {
    const replies = await bot.say('help', { from: personas.stuurgroep, locale: 'en-US', conversationId: 'a:english-client' });
    expect(textOf(replies)).toMatch(/What can the Veiligheidsbot do/);
  });

  it('"korter" after a summary makes it shorter', async () => {
    const conversationId = 'a:shorter';
    await bot.say('samenvatting van de terugblik 2023', { from: personas.adviseur, conversationId });
    const replies = await bot.say('korter', { from: personas.adviseur, conversationId });
    expect(textOf(replies)).toMatch(/Terugblik 2023/);
    expect(textOf(replies)).not.toMatch(/nothingToAdjust|geen samenvatting/i);
  });

  it('moves a milestone named with a typo to "volgende week dinsdag" (a real date parser)', async () => {
    const replies = await bot.say('verplaats mijlpaal Basis op orde ondermijningsaanpk naar volgende week dinsdag', { from: personas.adviseur, conversationId: 'a:move-typo' });
    expect(textOf(replies)).toMatch(/Basis op orde ondermijningsaanpak/);
    expect(textOf(replies)).not.toMatch(/niet gevonden|geen mijlpaal|datum/i);
  });

  it('"keur die maar goed" approves the request the burgemeester just saw', async () => {
    expect((await bot.act('approval.request', { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' }, { from: personas.adviseur })).status).toBe(200);
    const conversationId = 'a:mayor-keur';
    expect(textOf(await bot.say('heb ik nog iets goed te keuren?', { from: personas.burgemeester, conversationId }))).toMatch(/Uitvoeringsplan veiligheid 2027/);
    expect(textOf(await bot.say('keur die maar goed', { from: personas.burgemeester, conversationId }))).toMatch(/Goedgekeurd door Jan Hofstra/);
  });
});
