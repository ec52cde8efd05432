import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors/app-error.js';
import { fromRoot } from '../../src/config/project-root.js';
import { openPglite } from '../../src/store/pglite-db.js';

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/app/server.ts')], {
    cwd: fromRoot(),
    env: { ...process.env, LOG_LEVEL: 'info', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Polls /healthz until 200; returns the statuses seen on the way (0 = not listening yet). */
async function waitForHealthy(port: number, output: () => string, timeoutMs = 90_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  const seen: number[] = [];
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status)
      .catch(() => 0);
    if (seen.at(-1) !== status) seen.push(status);
    if (status === 200) return seen;
    if (Date.now() > deadline) throw new Error(`not healthy in time; saw ${seen.join(',')}; output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server lifecycle', () => {
  it('stops with one line naming the variable when the configuration is bad', async () => {
    const server = startServer({ PORT: 'seventy' });
    expect(await server.exited).toBe(2);
    expect(server.output()).toMatch(/Configuration error: PORT is invalid .*use a port number/);
  });

  it('reports 503 until ready, then 200; on SIGTERM closes the store and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vb-life-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
    const statuses = await waitForHealthy(port, server.output);
    // A new embedded store takes seconds to create: the probe must see "starting" first.
    expect(statuses).toContain(503);
    expect(statuses.at(-1)).toBe(200);
    expect(existsSync(join(dataDir, 'veiligheidsbot.lock'))).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('bot stopped');
    expect(existsSync(join(dataDir, 'veiligheidsbot.lock'))).toBe(false);
  }, 120_000);
});

describe('embedded store lock', () => {
  it('says plainly that a running bot holds the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vb-lock-'));
    mkdirSync(dataDir, { recursive: true });
    // A live process that is not us holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    writeFileSync(join(dataDir, 'veiligheidsbot.lock'), String(holder.pid));
    try {
      const error = await openPglite({ dataDir }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('store_in_use');
      expect(isAppError(error) && error.params.pid).toBe(holder.pid);
    } finally {
      holder.kill();
    }
  });
});
