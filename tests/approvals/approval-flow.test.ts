import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { auditActions, cardOf, errorOf, HENGELO_PLAN, NOW, openPersonalChat, requestFromCard, requests, verbs } from './approval-helpers.js';

describe('milestone approval in Teams', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now: () => NOW });
    await openPersonalChat(bot, personas.burgemeester);
    await openPersonalChat(bot, personas.adviseur);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('lists the upcoming milestones with a button to ask for approval', async () => {
    const card = firstCard(await bot.say('Welke mijlpalen komen eraan?', { conversation: 'groupChat' }));
    const text = cardText(card);
    expect(text).toContain('Uitvoeringsplan veiligheid 2027');
    expect(text).toContain('Jaarlijks uitvoeringsplan veiligheid 2027');
    expect(text).toContain('Goedkeuring aanvragen');
    expect(verbs(card)).toContain('approval.request');
  });

  it('lists one gemeente when it is named', async () => {
    const text = cardText(firstCard(await bot.say('Welke mijlpalen komen eraan in Heemstede?')));
    expect(text).toContain('Komende mijlpalen van Heemstede');
    expect(text).not.toContain('Hengelo');
  });

  it('asks to choose when a sentence matches more than one milestone', async () => {
    const card = firstCard(await bot.say('vraag goedkeuring voor uitvoeringsplan 2027', { conversation: 'groupChat' }));
    expect(cardText(card)).toContain('Welke mijlpaal bedoelt u?');
    expect(cardText(card)).toContain('Hengelo');
    expect(cardText(card)).toContain('Heemstede');
    expect(await requests(bot)).toHaveLength(0);
  });

  it('runs the whole flow: request, refresh per user, one decision, every copy updated, requester told, audit exported', async () => {
    const request = await requestFromCard(bot, HENGELO_PLAN, 'Graag voor het PHO.');
    expect(request.status).toBe('requested');
    // the approver hears about it in their personal chat, with the buttons
    const [notice] = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-user-burgemeester');
    const personalCard = (notice!.body.attachments as any[])[0].content;
    expect(verbs(personalCard)).toEqual(expect.arrayContaining(['approval.approve', 'approval.reject', 'approval.requestChanges']));
    // the group chat copy shows the status to everyone, and refreshes for the approver and the requester
    const groupPost = bot.connector.calls.find((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2')!;
    const groupCard = (groupPost.body.attachments as any[])[0].content;
    expect(verbs(groupCard)).not.toContain('approval.approve');
    expect(groupCard.refresh.action.verb).toBe('approval.refresh');
    expect(groupCard.refresh.userIds).toEqual(expect.arrayContaining([personas.burgemeester.id, personas.adviseur.id]));
    expect(cardText(groupCard)).toContain('Graag voor het PHO');

    const data = { requestId: request.id, version: request.version };
    const approverView = cardOf(await bot.act('approval.refresh', data, { from: personas.burgemeester, trigger: 'automatic' }));
    expect(verbs(approverView)).toEqual(expect.arrayContaining(['approval.approve', 'approval.reject', 'approval.requestChanges']));
    const requesterView = cardOf(await bot.act('approval.refresh', data, { from: personas.adviseur, trigger: 'automatic' }));
    expect(verbs(requesterView)).toContain('approval.cancel');
    expect(verbs(requesterView)).not.toContain('approval.approve');
    const otherView = cardOf(await bot.act('approval.refresh', data, { from: personas.stuurgroep }));
    expect(verbs(otherView)).not.toContain('approval.approve');
    expect(cardText(otherView)).toContain('Wacht op het besluit van de burgemeester');

    // a non-approver's click changes nothing
    const refused = await bot.act('approval.approve', data, { from: personas.stuurgroep, conversation: 'groupChat', replyToId: groupPost.activityId });
    expect(errorOf(refused)?.message).toMatch(/Alleen de goedkeurder van Hengelo/);
    expect((await requests(bot))[0]!.status).toBe('requested');
    expect(await auditActions(bot, request.id)).toEqual(['requested']);

    const approved = await bot.act('approval.approve', { ...data, comment: 'Akkoord.' }, { from: personas.burgemeester, conversation: 'groupChat', replyToId: groupPost.activityId });
    expect(approved.status).toBe(200);
    expect(cardText(cardOf(approved))).toMatch(/Goedgekeurd door Jan Hofstra \(burgemeester\) op 21 november 2026/);
    expect(verbs(cardOf(approved))).not.toContain('approval.approve');

    // every stored copy is updated in place with the outcome
    const puts = await bot.connector.waitFor((c) => c.method === 'PUT', 2);
    expect(puts.map((p) => p.conversationId).sort()).toEqual(['19:groepsgesprek-oov@thread.v2', 'a:personal-user-burgemeester']);
    for (const put of puts) {
      expect(cardText((put.body.attachments as any[])[0].content)).toContain('Goedgekeurd door Jan Hofstra');
      expect(verbs((put.body.attachments as any[])[0].content)).not.toContain('approval.approve');
    }
    expect(puts.map((p) => p.activityId)).toContain(groupPost.activityId);
    // the requester is told in their personal chat
    const [told] = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-user-adviseur');
    expect(told!.body.text).toMatch(/Uitvoeringsplan veiligheid 2027.*Goedgekeurd door Jan Hofstra.*Akkoord\./);

    // a later click on an old copy, or a replay, shows who decided and changes nothing
    const late = await bot.act('approval.reject', data, { from: personas.burgemeester });
    expect(cardText(cardOf(late))).toContain('Hierover was al besloten');
    expect(cardText(cardOf(late))).toContain('Goedgekeurd door Jan Hofstra');
    expect(await auditActions(bot, request.id)).toEqual(['requested', 'approved']);

    // the export holds exactly these steps
    const exported = await bot.say('exporteer audit Hengelo 2026', { from: personas.adviseur });
    const attachment = (exported[0]!.attachments ?? [])[0]!;
    expect(attachment.contentType).toBe('text/csv');
    const csv = Buffer.from(String((attachment as any).contentUrl).split(',')[1]!, 'base64').toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',requested,requested,Sanne de Vries');
    expect(lines[2]).toContain(',approved,approved,Jan Hofstra (burgemeester)');
    expect(lines[2]).toContain('Akkoord.');
    expect(exported[0]!.text).toContain('2 stappen');
  });

  it('lists what waits for the approver', async () => {
    await requestFromCard(bot, { gemeente: 'Heemstede', milestoneId: 'heemstede-uitvoeringsplan-2027' });
    const text = cardText(firstCard(await bot.say('Wat wacht op mijn goedkeuring?', { from: personas.burgemeester })));
    expect(text).toContain('Jaarlijks uitvoeringsplan veiligheid 2027');
    expect(text).not.toContain('Uitvoeringsplan veiligheid 2027\n');
    const none = cardText(firstCard(await bot.say('Wat wacht op mijn goedkeuring?', { from: personas.stuurgroep })));
    expect(none).toContain('Er wacht niets op uw goedkeuring.');
  });
});
