import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { actionActivity, messageActivity, personas } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';
import { COORDINATOR_CHANNEL } from '../mediation/protocol-helpers.js';
import { auditActions, NOW, openPersonalChat, requestFromCard, requests } from '../approvals/approval-helpers.js';
import { count } from './production-helpers.js';

const GROUP = '19:groepsgesprek-oov@thread.v2';

/** Teams delivering one activity twice: same id, same conversation, same body. */
describe('the same activity delivered twice has one effect', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now: () => NOW, env: { MEDIATION_COORDINATOR_CONVERSATION_ID: COORDINATOR_CHANNEL } });
    await bot.say('help', { from: personas.coordinator, conversation: 'channel' });
    await openPersonalChat(bot, personas.burgemeester);
    await openPersonalChat(bot, personas.adviseur);
  });
  afterAll(async () => {
    await bot?.close();
  });

  const coordinatorPosts = () => bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL).length;

  it('an intake submit delivered twice creates one case and answers both with the same confirmation', async () => {
    const activity = actionActivity('mediation.submit', intakeInput(), { serviceUrl: bot.connector.url });
    const postsBefore = coordinatorPosts();
    const first = await bot.post(activity);
    const second = await bot.post(activity);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).toMatch(/BB-\d{4}-\d{4}/);
    expect(second).toEqual(first);
    expect(await count(bot.db, 'mediation_cases')).toBe(1);
    // Every turn and its deferred posts are done: the case card went out once, not once per delivery.
    await bot.settled();
    expect(coordinatorPosts()).toBe(postsBefore + 1);
    expect(bot.logs.some((l) => l.msg === 'duplicate delivery of an activity: not handled again')).toBe(true);
  });

  it('the same submit delivered twice at the same moment still creates one case', async () => {
    const activity = actionActivity('mediation.submit', intakeInput(), { serviceUrl: bot.connector.url });
    const before = await count(bot.db, 'mediation_cases');
    const [a, b] = await Promise.all([bot.post(activity), bot.post(activity)]);
    expect(await count(bot.db, 'mediation_cases')).toBe(before + 1);
    // the second either waited for the first answer or was told it is being handled: never a second case number
    const numbers = [a, b].map((r) => JSON.stringify(r.body).match(/BB-\d{4}-\d{4}/)?.[0]).filter(Boolean);
    expect(new Set(numbers).size).toBe(1);
    for (const r of [a, b]) if (r.status !== 200) expect(r.body.value.code).toBe('activity_in_progress');
  });

  it('an approval click delivered twice decides once and gets the same card back', async () => {
    const request = await requestFromCard(bot);
    const click = actionActivity('approval.approve', { requestId: request.id, version: request.version, comment: 'Akkoord.' }, { from: personas.burgemeester, serviceUrl: bot.connector.url });
    const first = await bot.post(click);
    const second = await bot.post(click);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(await auditActions(bot, request.id)).toEqual(['requested', 'approved']);
    const row = (await requests(bot)).find((r) => r.id === request.id)!;
    expect(row).toMatchObject({ status: 'approved', version: request.version + 1 });
    // the requester is told once
    await bot.settled();
    expect(bot.connector.calls.filter((c) => c.conversationId === 'a:personal-user-adviseur' && /Goedgekeurd/.test(String(c.body.text)))).toHaveLength(1);
  });

  it('"vraag goedkeuring voor …" delivered twice asks once, and the second delivery gets no reply', async () => {
    const activity = messageActivity('vraag goedkeuring voor uitvoeringsplan 2027 heemstede', { conversation: 'groupChat', serviceUrl: bot.connector.url });
    const before = await count(bot.db, 'approval_requests');
    const groupPostsBefore = bot.connector.calls.filter((c) => c.conversationId === GROUP && c.method === 'POST').length;
    const first = await bot.post(activity);
    expect(first.status).toBe(200);
    expect(await count(bot.db, 'approval_requests')).toBe(before + 1);
    const second = await bot.post(activity);
    expect(second.status).toBe(200);
    expect(second.body?.activities ?? []).toEqual([]);
    expect(await count(bot.db, 'approval_requests')).toBe(before + 1);
    expect(await count(bot.db, 'approval_audit', "action = 'requested'")).toBe(before + 1);
    await bot.settled();
    const groupPosts = bot.connector.calls.filter((c) => c.conversationId === GROUP && c.method === 'POST').length - groupPostsBefore;
    const firstReplies = (first.body?.activities ?? []).length;
    // one card for the conversation, whether it came back in the answer or through the connector
    expect(groupPosts + firstReplies).toBe(1);
  });

  it('"mijlpaal toevoegen …" delivered twice adds one milestone', async () => {
    const activity = messageActivity('mijlpaal toevoegen Hengelo: Evaluatie cameratoezicht op 15 maart 2027', { from: personas.adviseur, serviceUrl: bot.connector.url });
    const first = await bot.post(activity);
    expect(first.body.activities[0].text).toContain('Evaluatie cameratoezicht');
    const second = await bot.post(activity);
    expect(second.status).toBe(200);
    expect(second.body?.activities ?? []).toEqual([]);
    expect(await count(bot.db, 'approval_milestones', "definition::text ILIKE '%cameratoezicht%'")).toBe(1);
  });

  it('the same activity id in another conversation is a different activity', async () => {
    const id = 'shared-activity-id';
    const a = await bot.post(messageActivity('help', { id, serviceUrl: bot.connector.url }));
    const b = await bot.post(messageActivity('help', { id, from: personas.burgemeester, serviceUrl: bot.connector.url }));
    // both are answered with the help card: neither was taken for a duplicate of the other
    for (const answer of [a, b]) expect(answer.body.activities.map((r: any) => r.attachments?.[0]?.contentType)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('logs a duplicate without the message text', () => {
    const lines = bot.logs.filter((l) => l.msg === 'duplicate delivery of an activity: not handled again');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(JSON.stringify(l)).not.toMatch(/cameratoezicht|uitvoeringsplan/);
  });
});
