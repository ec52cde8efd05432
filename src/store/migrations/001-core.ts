import type { Migration } from './migration.js';

export const coreMigration: Migration = {
  id: 1,
  name: 'core',
  sql: `
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- botbuilder conversation and user state, with an eTag for optimistic concurrency
    CREATE TABLE bot_state (
      key text PRIMARY KEY,
      doc jsonb NOT NULL,
      etag text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- where the bot can post later (proactive messages); personal chats also carry the user
    CREATE TABLE conversation_refs (
      conversation_id text PRIMARY KEY,
      tenant_id text,
      conversation_type text NOT NULL,
      user_aad_object_id text,
      reference jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX conversation_refs_user ON conversation_refs (tenant_id, user_aad_object_id) WHERE conversation_type = 'personal';

    -- activities whose state change is done; Teams may deliver one twice
    CREATE TABLE processed_activities (
      activity_key text PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
