import type { Migration } from './migration.js';

/**
 * Buurtbemiddeling cases. Privacy by design: the anonymous facts (kind, source, urgency, status,
 * dates) live in mediation_cases and stay for statistics; everything that identifies a person lives
 * in mediation_personal_data and is deleted on request or after the retention period.
 */
export const mediationMigration: Migration = {
  id: 4,
  name: 'mediation',
  sql: `
    -- one row per tenant and year: the last case number handed out (locked by the UPDATE that takes the next)
    CREATE TABLE mediation_case_counters (
      tenant_id text NOT NULL,
      year int NOT NULL,
      last_number int NOT NULL,
      PRIMARY KEY (tenant_id, year)
    );

    CREATE TABLE mediation_cases (
      id bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      case_number text NOT NULL,
      -- the card's client-generated key: a submit delivered twice yields one case
      idempotency_key text NOT NULL,
      referrer_aad_object_id text,
      referrer_role text NOT NULL,
      kinds text[] NOT NULL,
      duration text NOT NULL,
      urgency text NOT NULL,
      status text NOT NULL DEFAULT 'new',
      outcome text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      accepted_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL,
      personal_data_erased_at timestamptz,
      UNIQUE (tenant_id, case_number),
      UNIQUE (tenant_id, idempotency_key)
    );
    CREATE INDEX mediation_cases_closed ON mediation_cases (closed_at) WHERE personal_data_erased_at IS NULL;

    CREATE TABLE mediation_personal_data (
      case_id bigint PRIMARY KEY REFERENCES mediation_cases (id) ON DELETE CASCADE,
      intake jsonb NOT NULL,
      volunteers jsonb,
      not_suitable_reason text,
      updated_at timestamptz NOT NULL
    );

    -- every coordinator action; UNIQUE (case_id, from_version) makes one effect per card version
    CREATE TABLE mediation_events (
      id bigserial PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
      tenant_id text NOT NULL,
      action text NOT NULL,
      actor_aad_object_id text NOT NULL,
      from_version int NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      outcome text,
      created_at timestamptz NOT NULL,
      UNIQUE (case_id, from_version)
    );
    -- who read a case's personal data, and why (view, export, erase)
    CREATE TABLE mediation_access_log (
      id bigserial PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
      tenant_id text NOT NULL,
      actor_aad_object_id text NOT NULL,
      purpose text NOT NULL,
      created_at timestamptz NOT NULL
    );

    -- where the coordinator card was posted, to update it in place
    CREATE TABLE mediation_case_posts (
      case_id bigint NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
      conversation_id text NOT NULL,
      address jsonb NOT NULL,
      activity_id text NOT NULL,
      PRIMARY KEY (case_id, conversation_id)
    );

    -- Teams user ids (MRIs) of people seen by the bot, for refresh.userIds
    CREATE TABLE mediation_user_ids (
      tenant_id text NOT NULL,
      aad_object_id text NOT NULL,
      user_id text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, aad_object_id)
    );
  `,
};
