import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { startTestBotOn, type TestBot } from '../helpers/test-app.js';
import { intakeInput, personalValues } from '../mediation/fixtures.js';

/** A failing statement must leave code, SQLSTATE, constraint and table in the log, and none of the values. */
describe.each(['pglite', 'postgres'] as const)('a statement that fails with personal data in its values (%s)', (store) => {
  let bot: TestBot;
  let drop = async () => {};

  beforeAll(async () => {
    ({ bot, drop } = await startTestBotOn(store, { env: { STEERING_SCHEDULE: 'off' } }));
    // The store refuses this intake: PostgreSQL's error then quotes the failing row (detail) and
    // PGlite's the whole statement with its parameters written in (query).
    await bot.db.query(`ALTER TABLE mediation_personal_data ADD CONSTRAINT refuses_kleinjan CHECK (intake->>'partyAName' NOT LIKE '%Kleinjan%')`);
  });
  afterAll(async () => {
    await bot?.close();
    await drop();
  });

  it('a failed intake is logged with SQLSTATE, constraint and table, and without any value typed in', async () => {
    const res = await bot.act('mediation.submit', intakeInput());
    expect(res.status).toBe(500);
    const failed = bot.logs.filter((l) => (l.level as number) >= 50);
    expect(failed.length).toBeGreaterThan(0);
    const all = JSON.stringify(bot.logs);
    for (const value of personalValues) expect(all).not.toContain(value);
    expect(all).not.toMatch(/INSERT INTO|Failing row/i);
    const err = failed[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ sqlstate: '23514', constraint: 'refuses_kleinjan', table: 'mediation_personal_data' });
  });

  it('an error whose message quotes a value (invalid input syntax) is logged without it, directly or as a cause', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const error = await bot.db.query('SELECT $1::int AS n', ['Hendrika Kleinjan-Oosterveld']).catch((e: unknown) => e);
    log.error({ err: error }, 'direct');
    log.error({ err: new Error('wrapped', { cause: error }) }, 'as a cause');
    const text = lines.join('');
    expect(text).not.toContain('Kleinjan');
    expect(text).toContain('22P02');
  });
});
