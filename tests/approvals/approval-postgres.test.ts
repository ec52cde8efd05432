import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, startTestBot, type TestBot } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { personas } from '../helpers/teams-activity.js';
import { auditActions, cardOf, NOW, openPersonalChat, requestFromCard, requests } from './approval-helpers.js';

describe('decided once on PostgreSQL, with two bot instances on one database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: TestBot;
  let second: TestBot;
  beforeAll(async () => {
    database = await createTestDatabase();
    first = await startTestBot({ db: database.open(), now: () => NOW });
    second = await startTestBot({ db: database.open(), now: () => NOW });
    await openPersonalChat(first, personas.burgemeester);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('two clicks at once on two instances give one decision and one audit row', async () => {
    const r = await requestFromCard(first);
    const data = { requestId: r.id, version: r.version };
    const clicks = await Promise.all([
      first.act('approval.approve', data, { from: personas.burgemeester }),
      second.act('approval.approve', data, { from: personas.burgemeester, conversation: 'groupChat' }),
      first.act('approval.reject', data, { from: personas.burgemeester, conversation: 'groupChat' }),
      second.act('approval.approve', data, { from: personas.burgemeester }),
    ]);
    const texts = clicks.map((c) => cardText(cardOf(c)));
    expect(texts.filter((t) => t.includes('Hierover was al besloten'))).toHaveLength(3);
    const decisions = (await auditActions(first, r.id)).filter((a) => a !== 'requested');
    expect(decisions).toHaveLength(1);
    const [row] = await requests(second);
    expect(row).toMatchObject({ status: decisions[0], version: 2, decided_by_name: personas.burgemeester.name });
  });

  it('the audit is append-only on PostgreSQL too', async () => {
    await expect(first.db.query('DELETE FROM approval_audit')).rejects.toThrow(/append-only/);
  });
});
