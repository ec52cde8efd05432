import type { Migration } from './migration.js';

export const approvalsMigration: Migration = {
  id: 3,
  name: 'approvals',
  sql: `
    -- milestones added or moved in chat; the YAML per gemeente stays the seed, this table the overlay
    CREATE TABLE approval_milestones (
      gemeente text NOT NULL,
      milestone_id text NOT NULL,
      definition jsonb,
      planned_date date,
      updated_by_name text NOT NULL,
      updated_by_aad text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (gemeente, milestone_id)
    );

    CREATE TABLE approval_requests (
      id text PRIMARY KEY,
      tenant_id text NOT NULL,
      gemeente text NOT NULL,
      milestone_id text NOT NULL,
      milestone_title text NOT NULL,
      planned_date date NOT NULL,
      approver_role text NOT NULL,
      status text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'changes_requested', 'cancelled')),
      version integer NOT NULL DEFAULT 1,
      requester_aad text NOT NULL,
      requester_name text NOT NULL,
      requester_user_id text,
      note text,
      documents jsonb NOT NULL DEFAULT '[]'::jsonb,
      -- short summary of the linked documents with numbered sources, from the knowledge base
      summary text,
      conversation_id text NOT NULL,
      decided_by_name text,
      decided_by_aad text,
      decided_at timestamptz,
      decision_comment text,
      requested_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      reminded_at timestamptz
    );
    -- at most one open request per milestone, whatever the number of instances
    CREATE UNIQUE INDEX approval_requests_one_open ON approval_requests (gemeente, milestone_id) WHERE status = 'requested';
    CREATE INDEX approval_requests_open ON approval_requests (tenant_id, status, requested_at);

    -- every posted copy of an approval card, so a decision can update them all in place
    CREATE TABLE approval_card_copies (
      request_id text NOT NULL REFERENCES approval_requests (id),
      activity_id text NOT NULL,
      conversation_id text NOT NULL,
      address jsonb NOT NULL,
      audience text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (request_id, conversation_id, activity_id)
    );

    -- Teams user ids (MRIs) per Entra object id, for refresh.userIds
    CREATE TABLE approval_users (
      tenant_id text NOT NULL,
      aad_object_id text NOT NULL,
      user_id text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, aad_object_id)
    );

    -- the archive record (Archiefwet): append-only, enforced by the database itself
    CREATE TABLE approval_audit (
      id bigserial PRIMARY KEY,
      request_id text NOT NULL,
      tenant_id text NOT NULL,
      gemeente text NOT NULL,
      milestone_id text NOT NULL,
      milestone_title text NOT NULL,
      action text NOT NULL,
      status_after text NOT NULL,
      actor_name text NOT NULL,
      actor_aad text NOT NULL,
      at timestamptz NOT NULL,
      comment text,
      card_version integer NOT NULL,
      documents jsonb NOT NULL DEFAULT '[]'::jsonb
    );
    CREATE INDEX approval_audit_gemeente_at ON approval_audit (gemeente, at);

    CREATE FUNCTION approval_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'approval_audit is append-only';
    END;
    $$;
    CREATE TRIGGER approval_audit_no_update BEFORE UPDATE OR DELETE ON approval_audit
      FOR EACH ROW EXECUTE FUNCTION approval_audit_append_only();
    CREATE TRIGGER approval_audit_no_truncate BEFORE TRUNCATE ON approval_audit
      FOR EACH STATEMENT EXECUTE FUNCTION approval_audit_append_only();
  `,
};
