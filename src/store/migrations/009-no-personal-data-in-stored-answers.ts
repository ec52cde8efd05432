import type { Migration } from './migration.js';

/**
 * Stored invoke answers (for duplicate deliveries) no longer hold personal data: an answer that may
 * show it is kept as a reference, and a redelivery shows the data as it is now. Answers stored before
 * this version by the buurtbemiddeling cards (the case card with names and addresses, a refused intake
 * with what was typed in) become such references too, so erasure reaches them.
 */
export const noPersonalDataInStoredAnswersMigration: Migration = {
  id: 9,
  name: 'no-personal-data-in-stored-answers',
  sql: `
    UPDATE processed_activities SET response = jsonb_build_object('status', response->'status', 'rerun', true)
    WHERE response IS NOT NULL AND NOT (response ? 'rerun') AND strpos(response::text, '"mediation.') > 0;
  `,
};
