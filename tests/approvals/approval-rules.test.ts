import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { actionActivity, messageActivity, OTHER_TENANT_ID, personas } from '../helpers/teams-activity.js';
import { sendDueReminders } from '../../src/features/approvals/index.js';
import { auditActions, cardOf, errorOf, NOW, openPersonalChat, requestFromCard, requests, verbs } from './approval-helpers.js';

describe('approval rules over the Bot Framework protocol', () => {
  let bot: TestBot;
  let clock = NOW;
  beforeEach(async () => {
    clock = NOW;
    bot = await startTestBot({ now: () => clock });
    await openPersonalChat(bot, personas.burgemeester);
  });
  afterEach(async () => {
    await bot?.close();
  });

  it('two concurrent clicks yield exactly one decision and one audit row', async () => {
    const r = await requestFromCard(bot);
    const data = { requestId: r.id, version: r.version };
    const [a, b] = await Promise.all([
      bot.act('approval.approve', data, { from: personas.burgemeester }),
      bot.act('approval.approve', data, { from: personas.burgemeester, conversation: 'groupChat' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const texts = [cardText(cardOf(a)), cardText(cardOf(b))];
    expect(texts.filter((t) => t.includes('Hierover was al besloten'))).toHaveLength(1);
    expect(texts.every((t) => t.includes('Goedgekeurd door Jan Hofstra'))).toBe(true);
    expect(await auditActions(bot, r.id)).toEqual(['requested', 'approved']);
    expect((await requests(bot))[0]).toMatchObject({ status: 'approved', version: 2 });
  });

  it('a replayed invoke (the same activity delivered twice) makes no second decision', async () => {
    const r = await requestFromCard(bot);
    const activity = actionActivity('approval.reject', { requestId: r.id, version: r.version, comment: 'Nog niet.' }, { from: personas.burgemeester, serviceUrl: bot.connector.url });
    const first = await bot.post(activity);
    const replay = await bot.post(activity);
    expect(cardText(cardOf(first))).toContain('Afgewezen door Jan Hofstra');
    // the edge answers a redelivery with the first delivery's answer (src/teams/teams-bot.ts)
    expect(replay).toEqual(first);
    expect(await auditActions(bot, r.id)).toEqual(['requested', 'rejected']);
  });

  describe('bad input: a clear Dutch error on the card, nothing stored, audit unchanged', () => {
    let r: Awaited<ReturnType<typeof requestFromCard>>;
    beforeEach(async () => {
      r = await requestFromCard(bot);
    });

    const cases: [string, () => Promise<{ status: number; body: any }>, RegExp][] = [
      ['a forged verb', () => bot.act('approval.approveAll', { requestId: r.id, version: 1 }, { from: personas.burgemeester }), /niet \(meer\) herkend/],
      ['missing data', () => bot.act('approval.approve', { requestId: r.id }, { from: personas.burgemeester }), /niet \(meer\) herkend/],
      ['a mistyped version', () => bot.act('approval.approve', { requestId: r.id, version: '1' }, { from: personas.burgemeester }), /niet \(meer\) herkend/],
      ['an unknown request', () => bot.act('approval.approve', { requestId: randomUUID(), version: 1 }, { from: personas.burgemeester }), /bestaat niet \(meer\)/],
      ['a comment of 20,000 characters', () => bot.act('approval.approve', { requestId: r.id, version: 1, comment: 'x'.repeat(20_000) }, { from: personas.burgemeester }), /maximaal 2000 tekens/],
      ['a user of another tenant', () => bot.act('approval.approve', { requestId: r.id, version: 1 }, { from: personas.burgemeester, tenantId: OTHER_TENANT_ID }), /eigen organisatie/],
      ['changes asked without saying which', () => bot.act('approval.requestChanges', { requestId: r.id, version: 1 }, { from: personas.burgemeester }), /welke wijzigingen/],
      [
        'a withdrawal by someone else than the requester',
        () => bot.act('approval.cancel', { requestId: r.id, version: 1 }, { from: personas.burgemeester }),
        /Alleen wie de goedkeuring heeft aangevraagd/,
      ],
    ];
    it.each(cases)('%s', async (_name, send, message) => {
      const usersBefore = await bot.db.query('SELECT * FROM teams_users');
      const res = await send();
      expect(res.status).toBe(400 <= res.status && res.status < 500 ? res.status : 400);
      expect(errorOf(res)?.message).toMatch(message);
      expect(await requests(bot)).toMatchObject([{ status: 'requested', version: 1 }]);
      expect(await auditActions(bot)).toEqual(['requested']);
      expect(await bot.db.query('SELECT * FROM teams_users')).toEqual(usersBefore);
    });

    it('a closed request: the click shows the outcome and changes nothing', async () => {
      await bot.act('approval.cancel', { requestId: r.id, version: 1 }, { from: personas.adviseur });
      const res = await bot.act('approval.approve', { requestId: r.id, version: 1 }, { from: personas.burgemeester });
      expect(cardText(cardOf(res))).toMatch(/Hierover was al besloten[\s\S]*Ingetrokken door Sanne de Vries/);
      expect(await auditActions(bot)).toEqual(['requested', 'cancelled']);
    });
  });

  it('the audit table refuses UPDATE and DELETE', async () => {
    await requestFromCard(bot);
    await expect(bot.db.query("UPDATE approval_audit SET action = 'approved'")).rejects.toThrow(/append-only/);
    await expect(bot.db.query('DELETE FROM approval_audit')).rejects.toThrow(/append-only/);
    expect(await auditActions(bot)).toEqual(['requested']);
  });

  it('changes requested, then a new version: the old card cannot decide the new version', async () => {
    const r = await requestFromCard(bot);
    const asked = await bot.act('approval.requestChanges', { requestId: r.id, version: 1, comment: 'Graag de cijfers van 2026 toevoegen.' }, { from: personas.burgemeester });
    expect(cardText(cardOf(asked))).toContain('Wijzigingen gevraagd door Jan Hofstra');
    const again = await requestFromCard(bot);
    expect(again).toMatchObject({ id: r.id, status: 'requested', version: 3 });
    const old = await bot.act('approval.approve', { requestId: r.id, version: 1 }, { from: personas.burgemeester });
    expect(cardText(cardOf(old))).toContain('niet meer actueel');
    expect(verbs(cardOf(old))).toContain('approval.approve');
    const ok = await bot.act('approval.approve', { requestId: r.id, version: 3 }, { from: personas.burgemeester });
    expect(cardText(cardOf(ok))).toContain('Goedgekeurd door Jan Hofstra');
    expect(await auditActions(bot, r.id)).toEqual(['requested', 'changes_requested', 'resubmitted', 'approved']);
    const second = await bot.act('approval.request', { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' }, { from: personas.adviseur });
    expect(errorOf(second)?.message).toContain('al goedgekeurd');
  });

  it('the loco-burgemeester decides only within the delegation period', async () => {
    const r = await requestFromCard(bot);
    const outside = await bot.act('approval.approve', { requestId: r.id, version: 1 }, { from: personas.loco });
    expect(errorOf(outside)?.message).toMatch(/Alleen de goedkeurder/);
    clock = new Date('2026-08-10T09:00:00Z');
    const within = await bot.act('approval.approve', { requestId: r.id, version: 1 }, { from: personas.loco });
    expect(cardText(cardOf(within))).toContain('Goedgekeurd door Marieke Jansen');
    expect(await auditActions(bot, r.id)).toEqual(['requested', 'approved']);
  });

  it('only an adviser may ask for approval', async () => {
    const res = await bot.act('approval.request', { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' }, { from: personas.stuurgroep });
    expect(errorOf(res)?.message).toContain('adviseur');
    expect(await requests(bot)).toHaveLength(0);
  });

  it('a request by sentence posts the card in the conversation and keeps its id for updates', async () => {
    // normal delivery, as in Teams: the reply goes through the connector and gets an activity id
    const text = 'vraag goedkeuring voor uitvoeringsplan 2027 hengelo opmerking: graag voor het PHO';
    const res = await bot.post({ ...messageActivity(text, { conversation: 'groupChat', serviceUrl: bot.connector.url }), deliveryMode: 'normal' });
    expect(res.status).toBe(200);
    const [posted] = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2');
    expect(cardText((posted!.body.attachments as any[])[0].content)).toContain('Goedkeuring gevraagd: Uitvoeringsplan veiligheid 2027');
    const [r] = await requests(bot);
    await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-user-burgemeester');
    const copies = await bot.db.query<{ audience: string; activity_id: string }>('SELECT audience, activity_id FROM posted_cards WHERE subject = $1', [`approval:${r!.id}`]);
    expect(copies).toContainEqual({ audience: 'conversation', activity_id: posted!.body.id ?? expect.any(String) });
    await bot.act('approval.approve', { requestId: r!.id, version: 1 }, { from: personas.burgemeester });
    const [put] = await bot.connector.waitFor((c) => c.method === 'PUT' && c.conversationId === '19:groepsgesprek-oov@thread.v2');
    expect(cardText((put!.body.attachments as any[])[0].content)).toContain('Goedgekeurd door Jan Hofstra');
  });

  it('reminds the approver once after the configured days, also with two runners at once', async () => {
    const r = await requestFromCard(bot);
    await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-user-burgemeester');
    const deps = { ...bot.core, locale: 'nl' as const };
    expect(await sendDueReminders(deps, new Date(NOW.getTime() + 2 * 86_400_000), 3)).toBe(0);
    const later = new Date(NOW.getTime() + 4 * 86_400_000);
    const before = bot.connector.calls.filter((c) => c.conversationId === 'a:personal-user-burgemeester').length;
    const counts = await Promise.all([sendDueReminders(deps, later, 3), sendDueReminders(deps, later, 3)]);
    expect(counts.sort()).toEqual([0, 1]);
    const reminders = bot.connector.calls.filter((c) => c.conversationId === 'a:personal-user-burgemeester').slice(before);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body.text).toContain('wacht sinds 4 dagen op uw goedkeuring');
    expect(await auditActions(bot, r.id)).toEqual(['requested']);
  });

  it('an adviser adds and moves milestones in chat; others may not', async () => {
    const added = await bot.say('mijlpaal toevoegen Hengelo: Evaluatie veiligheidsbeleid op 15 maart 2027', { from: personas.adviseur });
    expect(added[0]!.text).toContain('Evaluatie veiligheidsbeleid');
    const moved = await bot.say('verplaats mijlpaal evaluatie veiligheidsbeleid naar 1-4-2027', { from: personas.adviseur });
    expect(moved[0]!.text).toContain('verplaatst naar 1 april 2027');
    const list = cardText(firstCard(await bot.say('welke mijlpalen komen eraan in Hengelo?')));
    expect(list).toContain('Evaluatie veiligheidsbeleid');
    expect(list).toContain('1 april 2027');
    const refused = await bot.say('verplaats mijlpaal evaluatie veiligheidsbeleid naar 1-5-2027', { from: personas.stuurgroep });
    expect(refused[0]!.text).toContain('adviseur');
    const bad = await bot.say('verplaats mijlpaal evaluatie veiligheidsbeleid naar 31-02-2027', { from: personas.adviseur });
    expect(bad[0]!.text).toContain('Die datum begrijp ik niet');
  });

  it('refuses the audit export to people without the role', async () => {
    const replies = await bot.say('exporteer audit Hengelo 2026', { from: personas.stuurgroep });
    expect(replies[0]!.text).toContain('adviseur');
    expect(replies[0]!.attachments ?? []).toHaveLength(0);
  });
});
