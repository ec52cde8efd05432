import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/config/project-root.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { actionActivity, personas } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fromRoot('src/app/server.ts')], {
    cwd: fromRoot(),
    env: { ...process.env, LOG_LEVEL: 'warn', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1', STEERING_SCHEDULE: 'off', ...env },
    stdio: 'ignore',
  });
}

async function waitForHealthy(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status)
      .catch(() => 0)) !== 200
  ) {
    if (Date.now() > deadline) throw new Error('bot not healthy in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * kill -9 in the middle of a burst of referrals: after a restart every referral exists once or not
 * at all, and every one whose HTTP answer confirmed a case number exists.
 */
describe('crash recovery (kill -9 during intake)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let connector: FakeConnector;
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await connector?.close();
    await database?.drop();
  });

  it('keeps every confirmed case exactly once, and no case twice', async () => {
    const env = { DATABASE_URL: database.url, PORT: String(port) };
    server = startServer(env);
    await waitForHealthy(port);

    const submits = Array.from({ length: 40 }, () => intakeInput());
    const confirmed: string[] = [];
    // Four users keep submitting, one referral after another; the eighth answer pulls the plug, so
    // the kill lands with submits in flight and others not sent yet. No timing involved.
    let answered = 0;
    let killAfterEighth!: () => void;
    const eighthAnswer = new Promise<void>((resolve) => (killAfterEighth = resolve));
    const queue = [...submits];
    const user = async () => {
      for (let data = queue.shift(); data; data = queue.shift()) {
        const activity = actionActivity('mediation.submit', data, { from: personas.adviseur, serviceUrl: connector.url });
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          const body = await res.text();
          if (res.status === 200 && /BB-\d{4}-\d{4}/.test(body)) confirmed.push(String(data.idempotencyKey));
          if (++answered === 8) killAfterEighth();
        } catch {
          // The connection died with the process (or was refused after it): the user was told
          // nothing, so either outcome is allowed.
        }
      }
    };
    const burst = Promise.all([user(), user(), user(), user()]);
    await Promise.race([eighthAnswer, burst]);
    server.kill('SIGKILL');
    await burst;
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed.length).toBeLessThan(submits.length);

    server = startServer(env);
    await waitForHealthy(port);
    const db = database.open();
    const rows = await db.query<{ idempotency_key: string; n: number }>('SELECT idempotency_key, count(*)::int AS n FROM mediation_cases GROUP BY idempotency_key');
    const stored = new Map(rows.map((r) => [r.idempotency_key, r.n]));
    for (const [, n] of stored) expect(n).toBe(1);
    for (const key of confirmed) expect(stored.get(key), `confirmed case ${key} is missing`).toBe(1);
    const numbers = await db.query<{ case_number: string }>('SELECT case_number FROM mediation_cases');
    expect(new Set(numbers.map((n) => n.case_number)).size).toBe(numbers.length);

    // The restarted bot goes on numbering without gaps or clashes.
    const after = intakeInput();
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(actionActivity('mediation.submit', after, { from: personas.adviseur, serviceUrl: connector.url })),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/BB-\d{4}-\d{4}/);
  }, 180_000);
});
