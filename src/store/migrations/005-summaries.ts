import type { Migration } from './migration.js';

export const summariesMigration: Migration = {
  id: 5,
  name: 'summaries and steering group',
  sql: `
    -- one steering group per programme per tenant; the address is where digests are posted
    CREATE TABLE steering_groups (
      tenant_id text NOT NULL,
      programme text NOT NULL,
      conversation_id text NOT NULL,
      address jsonb NOT NULL,
      registered_by text NOT NULL,
      registered_at timestamptz NOT NULL,
      last_update_at timestamptz,
      PRIMARY KEY (tenant_id, programme)
    );

    -- a scheduled slot is claimed by exactly one bot instance (INSERT ... ON CONFLICT DO NOTHING)
    CREATE TABLE scheduled_runs (
      job text NOT NULL,
      slot_at timestamptz NOT NULL,
      claimed_at timestamptz NOT NULL DEFAULT now(),
      outcome text,
      PRIMARY KEY (job, slot_at)
    );

    -- text of a file a user sent, kept only so "Toevoegen aan kennisbank" can ingest it later
    CREATE TABLE summary_uploads (
      id text PRIMARY KEY,
      tenant_id text,
      user_aad_object_id text,
      file_name text NOT NULL,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
