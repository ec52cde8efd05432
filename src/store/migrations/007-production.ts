import type { Migration } from './migration.js';

/** Duplicate deliveries: an invoke's answer is kept so a redelivery gets the same answer without a second effect. */
export const productionMigration: Migration = {
  id: 7,
  name: 'production',
  sql: `
    ALTER TABLE processed_activities ADD COLUMN IF NOT EXISTS response jsonb;
    ALTER TABLE processed_activities ADD COLUMN IF NOT EXISTS done boolean NOT NULL DEFAULT false;
    CREATE INDEX IF NOT EXISTS processed_activities_created ON processed_activities (created_at);
  `,
};
