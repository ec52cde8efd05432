import type { Migration } from './migration.js';

/**
 * One delivery service (issue 18): the posted copies of every card in one table keyed by a
 * subject ('approval:<id>', 'mediation-case:<id>'), and one user directory of Teams user ids.
 * Moves the rows of the four tables the features kept each for themselves, then drops those.
 * The Teams user id of a personal chat becomes a column of conversation_refs, so nobody outside
 * src/teams/ has to read the SDK's reference to find it.
 */
export const oneDeliveryServiceMigration: Migration = {
  id: 11,
  name: 'one delivery service',
  sql: `
    -- every posted copy of a card, so "update this card everywhere" finds them all
    CREATE TABLE posted_cards (
      subject text NOT NULL,
      conversation_id text NOT NULL,
      activity_id text NOT NULL,
      address jsonb NOT NULL,
      -- who sees this copy: 'conversation' (everyone there) or a role's own view, e.g. 'approver'
      audience text NOT NULL DEFAULT 'conversation',
      posted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subject, conversation_id, activity_id)
    );
    INSERT INTO posted_cards (subject, conversation_id, activity_id, address, audience, posted_at)
      SELECT 'approval:' || request_id, conversation_id, activity_id, address, audience, created_at FROM approval_card_copies
      ON CONFLICT DO NOTHING;
    INSERT INTO posted_cards (subject, conversation_id, activity_id, address, audience)
      SELECT 'mediation-case:' || case_id::text, conversation_id, activity_id, address, 'conversation' FROM mediation_case_posts
      ON CONFLICT DO NOTHING;

    -- Teams user ids (MRIs) per Entra object id, for refresh.userIds; the newest of the two old tables wins
    CREATE TABLE teams_users (
      tenant_id text NOT NULL,
      aad_object_id text NOT NULL,
      user_id text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, aad_object_id)
    );
    INSERT INTO teams_users (tenant_id, aad_object_id, user_id, updated_at)
      SELECT DISTINCT ON (tenant_id, aad_object_id) tenant_id, aad_object_id, user_id, updated_at
      FROM (
        SELECT tenant_id, aad_object_id, user_id, updated_at FROM approval_users
        UNION ALL
        SELECT tenant_id, aad_object_id, user_id, updated_at FROM mediation_user_ids
      ) known
      ORDER BY tenant_id, aad_object_id, updated_at DESC;

    ALTER TABLE conversation_refs ADD COLUMN user_id text;
    UPDATE conversation_refs SET user_id = reference->'raw'->'user'->>'id'
      WHERE conversation_type = 'personal' AND user_aad_object_id IS NOT NULL;

    DROP TABLE approval_card_copies;
    DROP TABLE mediation_case_posts;
    DROP TABLE approval_users;
    DROP TABLE mediation_user_ids;
  `,
};
