import type { LoadResult } from './load.js';
import type { RetrievalResult } from './retrieval-bench.js';

export interface Target {
  name: string;
  goal: string;
  measured: string;
  pass: boolean;
}

export interface BenchReport {
  date: string;
  machine: { cores: number; cpu: string; node: string; platform: string; loadBefore: string; loadAfter: string };
  commands: string[];
  startup: { emptyMs: number; existingMs: number; echoMs: number; emptyCpuMs?: number; existingCpuMs?: number; echoCpuMs?: number };
  rssReadyMb: number | undefined;
  loads: LoadResult[];
  rssMb: number | undefined;
  retrieval: RetrievalResult;
  notes: string[];
  targets: Target[];
}

const cpu = (n: number | undefined) => (n === undefined ? '-' : `${n.toFixed(0)} ms`);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

/** Each scenario's throughput as a share of the echo bot's at the same concurrency. */
export function ratioToEcho(loads: readonly LoadResult[], row: LoadResult): number | undefined {
  const echo = loads.find((l) => l.target === 'echo' && l.connections === row.connections);
  return echo && echo.throughput > 0 ? row.throughput / echo.throughput : undefined;
}

function loadRows(loads: readonly LoadResult[]): string[][] {
  return loads.map((l) => {
    const ratio = ratioToEcho(loads, l);
    return [
      `${l.target}: ${l.scenario}`,
      String(l.connections),
      l.throughput.toFixed(1),
      ms(l.p50),
      ms(l.p95),
      ms(l.p99),
      ratio === undefined ? '-' : l.target === 'echo' ? '1.00' : ratio.toFixed(2),
      l.cpuPerRequest === undefined ? '-' : l.cpuPerRequest.toFixed(2),
      String(l.requests),
      String(l.non2xx),
      String(l.errors + l.timeouts),
      String(l.wrong),
    ];
  });
}

const loadHeader = ['scenario', 'conn', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'x echo', 'cpu ms/req', 'requests', 'non-2xx', 'errors', 'wrong'];

function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function otherRows(r: BenchReport): string[][] {
  const x = r.retrieval;
  return [
    ['ready, empty store (initdb, migrations, sample ingest)', `${ms(r.startup.emptyMs)} ms (CPU ${cpu(r.startup.emptyCpuMs)})`],
    ['ready, existing store', `${ms(r.startup.existingMs)} ms (CPU ${cpu(r.startup.existingCpuMs)})`],
    ['ready, echo bot', `${ms(r.startup.echoMs)} ms (CPU ${cpu(r.startup.echoCpuMs)})`],
    ['bot RSS when ready (VmRSS)', r.rssReadyMb === undefined ? '-' : `${r.rssReadyMb.toFixed(0)} MB`],
    ['bot RSS after the load runs (VmRSS)', r.rssMb === undefined ? '-' : `${r.rssMb.toFixed(0)} MB`],
    [`retrieval corpus`, `${x.documents} documents, ${x.passages} passages, ingested in ${x.ingestSeconds.toFixed(1)} s`],
    ['retrieval, first question (loads caches)', `${ms(x.firstMs)} ms`],
    [`retrieval p50 / p95 / p99 (${x.questions} questions, ${x.answered} with passages)`, `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)} ms`],
  ];
}

function targetRows(r: BenchReport): string[][] {
  return r.targets.map((t) => [t.name, t.goal, t.measured, t.pass ? 'PASS' : 'FAIL']);
}

export function renderText(r: BenchReport): string {
  return [
    '',
    `Benchmark ${r.date} — ${r.machine.cores} cores (${r.machine.cpu}), node ${r.machine.node}, load average before ${r.machine.loadBefore}, after ${r.machine.loadAfter}`,
    '',
    textTable(loadHeader, loadRows(r.loads)),
    '',
    textTable(['figure', 'value'], otherRows(r)),
    '',
    textTable(['target', 'goal', 'measured', 'result'], targetRows(r)),
    ...(r.notes.length ? ['', ...r.notes.map((n) => `note: ${n}`)] : []),
    '',
  ].join('\n');
}

export function renderMarkdown(r: BenchReport): string {
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (src/cli/bench.ts) on ${r.date}. Do not edit by hand: run it again.`,
    '',
    `Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.platform}, node ${r.machine.node}. Load average (1 min) before the run ${r.machine.loadBefore}, after ${r.machine.loadAfter}: other work on the machine competes for the same cores, so compare figures from the same run.`,
    '',
    'Commands:',
    '',
    ...r.commands.map((c) => `- \`${c}\``),
    '',
    '## Targets',
    '',
    markdownTable(['target', 'goal', 'measured', 'result'], targetRows(r)),
    '',
    '## Load over /api/messages',
    '',
    "Latencies in milliseconds for answers with a 2xx status; `x echo` is the throughput as a share of the echo bot's at the same number of connections; `wrong` counts 2xx answers without the expected content.",
    '',
    markdownTable(loadHeader, loadRows(r.loads)),
    '',
    '## Start, memory and retrieval',
    '',
    markdownTable(['figure', 'value'], otherRows(r)),
    '',
    '## How it is measured',
    '',
    ...r.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
