import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';
import { actionActivity, personas } from '../helpers/teams-activity.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { intakeInput } from '../mediation/fixtures.js';
import { COORDINATOR_CHANNEL } from '../mediation/protocol-helpers.js';
import { auditActions, NOW, requestFromCard } from '../approvals/approval-helpers.js';
import { count } from './production-helpers.js';

/**
 * Two bot instances behind one load balancer, on one PostgreSQL database: nothing may depend on
 * which instance Teams happens to reach. (The steering digest sent once by two schedulers is
 * shown in tests/steering/steering-schedule.test.ts, reminders by two runners in
 * tests/approvals/approval-rules.test.ts.)
 */
describe('two bot instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestBot;
  let b: TestBot;
  let files: Server;
  let fileUrl = '';

  beforeAll(async () => {
    const note = readFileSync('/work/shared/corpus/001_05e79deea0a07a60.txt');
    files = createServer((_req, res) => res.end(note));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/notitie.txt`;
    database = await createTestDatabase();
    const env = { MEDIATION_COORDINATOR_CONVERSATION_ID: COORDINATOR_CHANNEL };
    // started together: the migration lock lets exactly one of them migrate
    [a, b] = await Promise.all([startTestBot({ db: database.open(), now: () => NOW, env }), startTestBot({ db: database.open(), now: () => NOW, env })]);
    await a.say('help', { from: personas.coordinator, conversation: 'channel' });
    await a.say('help', { from: personas.burgemeester });
    await b.say('help', { from: personas.adviseur });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
    await new Promise((resolve) => files?.close(resolve));
  });

  it('conversation state written on one instance is read on the other (summary on A, "korter" on B)', async () => {
    const words = (replies: SentActivity[]) => Number(cardText(firstCard(replies)).match(/Ongeveer (\d+) woorden/)?.[1]);
    const file = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'notitie.txt', content: { downloadUrl: fileUrl, uniqueId: 'notitie', fileType: 'txt' } };
    const summary = await a.say('', { from: personas.adviseur, attachments: [file] });
    const first = words(summary);
    expect(first).toBeGreaterThan(0);
    const shorter = await b.say('korter', { from: personas.adviseur });
    expect(words(shorter)).toBeLessThan(first);
  });

  it('the same submit reaching both instances at once creates one case', async () => {
    const activity = actionActivity('mediation.submit', intakeInput(), { serviceUrl: a.connector.url });
    const before = await count(a.db, 'mediation_cases');
    const [ra, rb] = await Promise.all([a.post(activity), b.post(activity)]);
    expect(await count(a.db, 'mediation_cases')).toBe(before + 1);
    const numbers = [ra, rb].map((r) => JSON.stringify(r.body).match(/BB-\d{4}-\d{4}/)?.[0]).filter(Boolean);
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(1);
  });

  it('one submit sent twice as two activities (a double click) to two instances creates one case', async () => {
    const data = intakeInput();
    const before = await count(a.db, 'mediation_cases');
    const [ra, rb] = await Promise.all([a.act('mediation.submit', data), b.act('mediation.submit', data)]);
    expect(await count(a.db, 'mediation_cases')).toBe(before + 1);
    const numbers = [ra, rb].map((r) => JSON.stringify(r.body).match(/BB-\d{4}-\d{4}/)?.[0]);
    expect(numbers[0]).toBeDefined();
    expect(numbers[0]).toBe(numbers[1]);
  });

  it('approve on A and reject on B at the same moment give one decision', async () => {
    const request = await requestFromCard(a);
    const data = { requestId: request.id, version: request.version };
    const [ra, rb] = await Promise.all([a.act('approval.approve', data, { from: personas.burgemeester }), b.act('approval.reject', { ...data, comment: 'Nee.' }, { from: personas.burgemeester })]);
    const decisions = (await auditActions(a, request.id)).filter((x) => x !== 'requested');
    expect(decisions).toHaveLength(1);
    const [row] = await a.db.query<{ status: string }>('SELECT status FROM approval_requests WHERE id = $1', [request.id]);
    expect(['approved', 'rejected']).toContain(row!.status);
    // both clickers see the one outcome, never two different ones
    const outcome = row!.status === 'approved' ? 'Goedgekeurd door' : 'Afgewezen door';
    for (const r of [ra, rb]) expect(r.status).toBeLessThan(500);
    expect([ra, rb].filter((r) => JSON.stringify(r.body).includes(outcome)).length).toBeGreaterThanOrEqual(1);
  });
});
