import type { Migration } from './migration.js';

/**
 * LLM answers and the feedback on them. An answer is kept with the Teams message id it was sent as,
 * so a thumbs up or down (which names only that id) finds it. No question text and no user id in
 * clear: hashes are enough for the rate limit and for counting repeated questions.
 */
export const llmMigration: Migration = {
  id: 6,
  name: 'llm',
  sql: `
    CREATE TABLE llm_answers (
      id serial PRIMARY KEY,
      activity_id text NOT NULL,
      conversation_id text NOT NULL,
      tenant_id text,
      user_hash text NOT NULL,
      question_hash text NOT NULL,
      outcome text NOT NULL,
      llm_called boolean NOT NULL,
      model text,
      prompt_tokens integer,
      completion_tokens integer,
      total_tokens integer,
      passages jsonb NOT NULL DEFAULT '[]'::jsonb,
      answer_text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX llm_answers_message ON llm_answers (conversation_id, activity_id);
    CREATE INDEX llm_answers_user_time ON llm_answers (user_hash, created_at) WHERE llm_called;

    CREATE TABLE llm_feedback (
      id serial PRIMARY KEY,
      answer_id integer NOT NULL REFERENCES llm_answers (id) ON DELETE CASCADE,
      user_hash text NOT NULL,
      reaction text NOT NULL CHECK (reaction IN ('like', 'dislike')),
      feedback_text text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX llm_feedback_answer ON llm_feedback (answer_id);
  `,
};
