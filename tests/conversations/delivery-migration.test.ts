import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardDelivery } from '../../src/conversations/card-delivery.js';
import { UserDirectory } from '../../src/conversations/user-directory.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Messenger } from '../../src/routing/turn.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { oneDeliveryServiceMigration } from '../../src/store/migrations/011-one-delivery-service.js';
import { testStores } from '../helpers/test-stores.js';

const silent = createLogger('silent');
const before = migrations.filter((m) => m.id < oneDeliveryServiceMigration.id);

/** A store as the version before migration 11 left it: migrated up to 10. */
const stores = testStores(before);

const addressOf = (conversationId: string, user?: { id: string; aadObjectId: string }) =>
  JSON.stringify({
    conversationId,
    conversationType: user ? 'personal' : 'channel',
    tenantId: 't1',
    serviceUrl: 'http://127.0.0.1:1',
    raw: { conversation: { id: conversationId }, ...(user ? { user } : {}) },
  });

/** The rows the features kept in their own tables before migration 11. */
async function oldRows(db: Db): Promise<string> {
  await db.query(
    `INSERT INTO approval_requests (id, tenant_id, gemeente, milestone_id, milestone_title, planned_date, approver_role, status, requester_aad, requester_name, conversation_id, requested_at, updated_at)
     VALUES ('req-1', 't1', 'Hengelo', 'm1', 'Plan', '2027-01-01', 'burgemeester', 'requested', 'aad-adviseur', 'Sanne', '19:group', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
  );
  await db.query(
    `INSERT INTO approval_card_copies (request_id, activity_id, conversation_id, address, audience, created_at) VALUES
     ('req-1', 'act-group', '19:group', $1::jsonb, 'conversation', '2026-11-01T09:00:01Z'),
     ('req-1', 'act-personal', 'a:burgemeester', $2::jsonb, 'approver', '2026-11-01T09:00:02Z')`,
    [addressOf('19:group'), addressOf('a:burgemeester', { id: '29:burgemeester', aadObjectId: 'aad-burgemeester' })],
  );
  const [created] = await db.query<{ id: string }>(
    `INSERT INTO mediation_cases (tenant_id, case_number, idempotency_key, referrer_role, kinds, duration, urgency, created_at, updated_at)
     VALUES ('t1', 'BB-2026-0001', 'key-00000001', 'politie', ARRAY['geluid'], 'weken', 'normaal', now(), now()) RETURNING id::text`,
  );
  await db.query("INSERT INTO mediation_case_posts (case_id, conversation_id, address, activity_id) VALUES ($1, '19:coordinators', $2::jsonb, 'act-case')", [
    Number(created!.id),
    addressOf('19:coordinators'),
  ]);
  await db.query(
    `INSERT INTO approval_users (tenant_id, aad_object_id, user_id, updated_at) VALUES
     ('t1', 'aad-burgemeester', '29:burgemeester', '2026-11-01T09:00:00Z'),
     ('t1', 'aad-both', '29:both-old', '2026-10-01T09:00:00Z')`,
  );
  await db.query(
    `INSERT INTO mediation_user_ids (tenant_id, aad_object_id, user_id, updated_at) VALUES
     ('t1', 'aad-coordinator', '29:coordinator', '2026-11-01T09:00:00Z'),
     ('t1', 'aad-both', '29:both-new', '2026-11-02T09:00:00Z')`,
  );
  // Someone known only from their personal chat with the bot: their Teams id was in the SDK's reference.
  await db.query("INSERT INTO conversation_refs (conversation_id, tenant_id, conversation_type, user_aad_object_id, reference) VALUES ('a:loco', 't1', 'personal', 'aad-loco', $1::jsonb)", [
    addressOf('a:loco', { id: '29:loco', aadObjectId: 'aad-loco' }),
  ]);
  return created!.id;
}

describe.each(stores)('migration 11 moves the delivery rows into one service ($name)', (store) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let caseId = '';
  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    caseId = await oldRows(db);
    expect(await migrate(db, migrations, silent)).toEqual([oneDeliveryServiceMigration.id, ...migrations.filter((m) => m.id > oneDeliveryServiceMigration.id).map((m) => m.id)]);
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('moves every posted copy under its subject, so "update everywhere" still reaches them', async () => {
    const updated: string[] = [];
    const messenger: Messenger = {
      send: async () => ({}),
      update: async (to, activityId) => void updated.push(`${to.conversationId}/${activityId}`),
    };
    const cards = new CardDelivery(db, messenger, silent);
    expect((await cards.list('approval:req-1')).map((c) => [c.address.conversationId, c.activityId, c.audience])).toEqual([
      ['19:group', 'act-group', 'conversation'],
      ['a:burgemeester', 'act-personal', 'approver'],
    ]);
    expect(await cards.updateEverywhere(`mediation-case:${caseId}`, () => ({ text: 'bijgewerkt' }))).toMatchObject({ updated: 1 });
    expect(updated).toEqual(['19:coordinators/act-case']);
  });

  it('merges both user-id tables into the one directory (the newest id wins) and keeps a personal chat user id as a column', async () => {
    const users = new UserDirectory(db);
    const known = await users.teamsUserIds('t1', ['aad-burgemeester', 'aad-coordinator', 'aad-both', 'aad-loco', 'aad-nobody']);
    expect(Object.fromEntries(known)).toEqual({ 'aad-burgemeester': '29:burgemeester', 'aad-coordinator': '29:coordinator', 'aad-both': '29:both-new', 'aad-loco': '29:loco' });
  });

  it('drops the four old tables', async () => {
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('approval_card_copies', 'mediation_case_posts', 'approval_users', 'mediation_user_ids')",
    );
    expect(tables).toEqual([]);
  });
});
