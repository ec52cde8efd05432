import type { Migration } from './migration.js';

export const schedulerLeasesMigration: Migration = {
  id: 12,
  name: 'scheduler leases',
  sql: `
    -- one row per scheduled job (reminders, retention, steering digest): the slot that ran or is
    -- running, which instance holds it and until when; see src/scheduling/scheduler-leases.ts
    CREATE TABLE scheduler_leases (
      job text PRIMARY KEY,
      slot_at timestamptz NOT NULL,
      holder text NOT NULL,
      taken_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      finished_at timestamptz,
      outcome text
    );
  `,
};
