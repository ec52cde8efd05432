import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromRoot } from '../config/project-root.js';

/**
 * `npm start`: the bot with the embedded store plus the Microsoft 365 Agents Playground, so a
 * newcomer chats with the bot at http://localhost:56150 without Azure or a tunnel.
 */
const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const require = createRequire(import.meta.url);
const playgroundCli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

const children: ChildProcess[] = [];
function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: fromRoot(), env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${name} stopped (${signal ?? code}); stopping the rest.`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
function shutdown(code: number): void {
  shuttingDown = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${botPort}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet; poll again
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The bot did not become ready within 150 s.');
}

run('bot', [fromRoot('dist/app/server.js')], { ...process.env, PORT: botPort });
await waitForHealth();
run('playground', [playgroundCli, 'start', '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--dt'], {
  ...process.env,
  TEAMSFX_TELEMETRY_DISABLED: 'true',
  // The Playground sends its own process locale with every activity; act as a Dutch colleague's Teams.
  LANG: process.env.PLAYGROUND_LANG ?? 'nl_NL.UTF-8',
  LC_ALL: process.env.PLAYGROUND_LANG ?? 'nl_NL.UTF-8',
});
console.log(`\nVeiligheidsbot is ready. Chat with it at http://localhost:${playgroundPort}\n`);
