import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A server the benchmark started as a child process; `stop()` ends it (SIGTERM, then SIGKILL). */
export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on the health path. */
  readyMs: number;
  /** Resident memory of the child in MB (VmRSS from /proc). */
  rssMb(): number | undefined;
  /** CPU time (user + system) the child has used so far, in ms: a cost that other load on the machine does not inflate. */
  cpuMs(): number | undefined;
  /** cpuMs() when it became ready. */
  readyCpuMs: number | undefined;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Ends every child still running: called on error and on exit so no server outlives the benchmark. */
export function killAllChildren(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function rssOf(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return line ? Number(line[1]) / 1024 : undefined;
  } catch {
    // Not Linux, or the process is gone: the figure is reported as missing.
    return undefined;
  }
}

let ticksPerSecond: number | undefined;

function cpuOf(pid: number): number | undefined {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    // Not Linux, or the process is gone: the figure is reported as missing.
    return undefined;
  }
}

export interface StartOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  /** The child's output goes here (appended), so a failure can be read afterwards. */
  logFile: string;
  healthPath?: string;
  timeoutMs?: number;
}

/** Spawns `node <script>` and polls the health path until it answers 200. */
export async function startChild(options: StartOptions): Promise<ChildServer> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const started = performance.now();
  const child = spawn(process.execPath, [options.script], { env: { ...process.env, ...options.env, PORT: String(options.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = started + (options.timeoutMs ?? 60_000);
  let readyMs: number | undefined;
  let readyCpuMs: number | undefined;
  while (readyMs === undefined) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with code ${child.exitCode} before it was ready; see ${options.logFile}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within ${options.timeoutMs ?? 60_000} ms; see ${options.logFile}`);
    }
    try {
      const res = await fetch(`${url}${options.healthPath ?? '/healthz'}`);
      await res.arrayBuffer();
      if (res.status === 200) {
        readyMs = performance.now() - started;
        readyCpuMs = cpuOf(child.pid!);
      }
    } catch {
      // Not listening yet: poll again.
    }
    if (readyMs === undefined) await new Promise((r) => setTimeout(r, 20));
  }
  return {
    name: options.name,
    url,
    pid: child.pid!,
    readyMs,
    rssMb: () => rssOf(child.pid!),
    cpuMs: () => cpuOf(child.pid!),
    readyCpuMs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
      log.end();
    },
  };
}
