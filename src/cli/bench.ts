import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../config/project-root.js';
import { action, demoPersonas, intakeData, message, withRole, type BenchPersona } from './bench/activities.js';
import { freePort, killAllChildren, startChild, type ChildServer } from './bench/child-server.js';
import { runLoad, type LoadResult, type LoadScenario } from './bench/load.js';
import { startNullConnector } from './bench/null-connector.js';
import { renderMarkdown, renderText, ratioToEcho, type BenchReport, type Target } from './bench/report.js';
import { runRetrievalBench } from './bench/retrieval-bench.js';
import { runIntentBench } from './bench/intent-bench.js';

/**
 * `npm run bench`: the real bot (child process, PGlite under a fresh DATA_DIR, sample corpus) and a
 * bare botbuilder echo bot, driven over /api/messages with autocannon at 1 and 10 connections;
 * start times, memory, and retrieval over a generated corpus. Prints the figures against the
 * targets of issue 9 and writes them to tests/bench/results.md.
 * Knobs (environment): BENCH_SECONDS (per run, default 10), BENCH_DOCUMENTS (2000), BENCH_QUESTIONS (200),
 * BENCH_DATABASE_URL: run the bot on PostgreSQL (production's store) instead of the embedded PGlite:
 * a fresh database is created on that server for the run and dropped afterwards.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const documentCount = Number(process.env.BENCH_DOCUMENTS ?? 2000);
const questionCount = Number(process.env.BENCH_QUESTIONS ?? 200);
const connectionLevels = [1, 10];
const warmupSeconds = 2;
const benchServer = process.env.BENCH_DATABASE_URL || undefined;
const storeName = benchServer ? 'PostgreSQL' : 'PGlite (embedded)';
const coordinatorChannel = '19:bench-buurtbemiddeling@thread.tacv2';
const hengeloMilestone = { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' };

// Real questions about the sample documents, rotated so the caches see more than one.
const policyQuestions = [
  'Wanneer is de themabijeenkomst programma veiligheid?',
  'Hoeveel meldingen kwamen er in 2023 binnen bij Meld Misdaad Anoniem?',
  'Wanneer stelt de raad van Heemstede het nieuwe beleidsplan vast?',
  'Wie is de ambtelijk opdrachtgever van het programma veiligheid?',
  'Wanneer worden de eerste resultaten van de veiligheidsmonitor verwacht?',
  'Hoeveel gemeenten werken samen in het platform IVZ?',
  "Wanneer zijn de camera's bij het station in Vroomshoop geplaatst?",
  'Wanneer is het samenwerkingscontract voor buurtbemiddeling getekend?',
];

const log = (line: string) => console.log(line);
const round = (n: number) => n.toFixed(1);

/** A database of its own for one run on the BENCH_DATABASE_URL server; `drop` removes it. */
async function benchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `vb_bench_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function botEnv(dataDir: string, databaseUrl?: string): Record<string, string> {
  // Offline, local mode, and nothing from the caller's environment that would change what is measured.
  const cleared = ['DATABASE_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY'];
  return {
    ...Object.fromEntries(cleared.map((k) => [k, ''])),
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SAMPLE_KNOWLEDGE: 'true',
    MEDIATION_COORDINATOR_CONVERSATION_ID: coordinatorChannel,
    // The per-user limit on policy answers (20 a minute) would turn most answers into "wait a moment"
    // at load from a handful of personas: the benchmark measures the answers, not the limiter.
    EXPENSIVE_REQUESTS_PER_MINUTE: '0',
  };
}

async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: res.status, text: await res.text() };
}

/** Every Action.Execute `data.requestId` with its version on a card (JSON text). */
function requestRefs(text: string): { requestId: string; version: number }[] {
  const found: { requestId: string; version: number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const data = n.data as Record<string, unknown> | undefined;
    if (n.type === 'Action.Execute' && typeof data?.requestId === 'string' && typeof data.version === 'number') found.push({ requestId: data.requestId, version: data.version });
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(JSON.parse(text));
  return found;
}

/**
 * One approval request to read back: the adviser asks for approval of a Hengelo milestone in the
 * group chat; the burgemeester's pending list gives its id and version.
 */
async function prepareApproval(url: string, serviceUrl: string, adviseur: BenchPersona, burgemeester: BenchPersona): Promise<{ requestId: string; version: number }> {
  const asked = await post(url, action('approval.request', hengeloMilestone, adviseur, serviceUrl, { kind: 'groupChat' }));
  if (asked.status !== 200) throw new Error(`approval.request answered ${asked.status}: ${asked.text.slice(0, 300)}`);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const pending = await post(url, message('Wat wacht op mijn goedkeuring?', burgemeester, serviceUrl));
    const ref = pending.status === 200 ? requestRefs(pending.text)[0] : undefined;
    if (ref) return ref;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("The approval request did not show up in the burgemeester's pending list");
}

function scenarios(serviceUrl: string, personas: BenchPersona[], approval: { requestId: string; version: number }) {
  let next = 0;
  const rotate = <T>(items: readonly T[]) => items[next++ % items.length]!;
  const burgemeester = withRole(personas, 'burgemeester');
  const isCard = (body: string) => body.includes('application/vnd.microsoft.card.adaptive');
  const echo: LoadScenario = { name: 'echo', body: () => message('hallo bench', rotate(personas), serviceUrl), expect: (b) => b.includes('hallo bench') };
  const bot: LoadScenario[] = [
    { name: 'help card', body: () => message('help', rotate(personas), serviceUrl), expect: (b) => isCard(b) && b.includes('"activities"') },
    {
      name: 'offline answer',
      body: () => message(rotate(policyQuestions), rotate(personas), serviceUrl),
      // An answer the bot found in the documents carries the citation entity.
      expect: (b) => b.includes('"citation"'),
    },
    { name: 'intake submit', body: () => action('mediation.submit', intakeData(), rotate(personas), serviceUrl), expect: (b) => isCard(b) && /BB-\d{4}-\d{4,}/.test(b) },
    { name: 'approval refresh', body: () => action('approval.refresh', approval, burgemeester, serviceUrl), expect: (b) => isCard(b) && b.includes('approval.approve') },
  ];
  return { echo, bot };
}

/** One request per scenario before measuring: a scenario that does not work is an error, not a figure. */
async function probe(url: string, scenario: LoadScenario): Promise<void> {
  const res = await post(url, scenario.body());
  if (res.status !== 200 || !scenario.expect(res.text)) throw new Error(`Scenario "${scenario.name}" answered ${res.status} without the expected content: ${res.text.slice(0, 400)}`);
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const work = mkdtempSync(join(tmpdir(), 'veiligheidsbot-bench-'));
  const logFile = join(work, 'children.log');
  const connector = await startNullConnector();
  const children: ChildServer[] = [];
  const notes: string[] = [];
  const loads: LoadResult[] = [];
  let startup: BenchReport['startup'];
  let rssMb: number | undefined;
  let rssReadyMb: number | undefined;
  const database = benchServer ? await benchDatabase(benchServer) : undefined;
  try {
    const serverScript = fromRoot('dist/app/server.js');
    const dataDir = join(work, 'data');
    log(`Work folder ${work} (child output in children.log)`);

    const port = await freePort();
    const first = await startChild({ name: 'bot (empty store)', script: serverScript, env: botEnv(dataDir, database?.url), port, logFile });
    log(`bot ready on an empty store in ${round(first.readyMs)} ms`);
    await first.stop();
    const bot = await startChild({ name: 'bot (existing store)', script: serverScript, env: botEnv(dataDir, database?.url), port: await freePort(), logFile });
    children.push(bot);
    log(`bot ready on the existing store in ${round(bot.readyMs)} ms`);
    const echoBot = await startChild({ name: 'echo bot', script: fromRoot('dist/cli/bench/echo-bot.js'), env: {}, port: await freePort(), logFile });
    children.push(echoBot);
    log(`echo bot ready in ${round(echoBot.readyMs)} ms`);
    startup = { emptyMs: first.readyMs, existingMs: bot.readyMs, echoMs: echoBot.readyMs, emptyCpuMs: first.readyCpuMs, existingCpuMs: bot.readyCpuMs, echoCpuMs: echoBot.readyCpuMs };
    rssReadyMb = bot.rssMb();

    const personas = demoPersonas(fromRoot('src/content/organisation.yaml'));
    // Everyone says hello once, so the bot knows their personal chats, as in a team that uses it.
    for (const p of personas) await post(bot.url, message('help', p, connector.url));
    const approval = await prepareApproval(bot.url, connector.url, withRole(personas, 'adviseur'), withRole(personas, 'burgemeester'));
    const { echo, bot: botScenarios } = scenarios(connector.url, personas, approval);
    await probe(echoBot.url, echo);
    for (const s of botScenarios) await probe(bot.url, s);

    const targets = [
      { name: 'echo', url: echoBot.url, cpuMs: echoBot.cpuMs, list: [echo] },
      { name: 'bot', url: bot.url, cpuMs: bot.cpuMs, list: botScenarios },
    ];
    for (const t of targets) for (const s of t.list) await runLoad(t, s, 4, warmupSeconds);
    log(`warmed up (${warmupSeconds} s per scenario); measuring ${seconds} s per run`);
    for (const connections of connectionLevels) {
      for (const t of targets) {
        for (const s of t.list) {
          const result = await runLoad(t, s, connections, seconds);
          loads.push(result);
          const problems = result.non2xx + result.errors + result.timeouts + result.wrong;
          log(
            `  ${t.name}: ${s.name} @${connections}: ${round(result.throughput)} req/s, p95 ${round(result.p95)} ms${problems ? `, PROBLEMS ${JSON.stringify(result.statusCodes)} errors ${result.errors} timeouts ${result.timeouts} wrong ${result.wrong}: ${result.sample}` : ''}`,
          );
        }
      }
    }
    rssMb = bot.rssMb();
    notes.push(
      `Store: ${storeName}.`,
      `Both servers run as child processes (\`node dist/app/server.js\`, as \`npm run serve\` runs it, with a fresh ${benchServer ? 'PostgreSQL database' : 'PGlite DATA_DIR'}, SAMPLE_KNOWLEDGE=true, LOG_LEVEL=warn; \`node dist/cli/bench/echo-bot.js\`); the replies' serviceUrl is a local connector stub that answers at once.`,
      `Load: autocannon, ${seconds} s per run after a ${warmupSeconds} s warm-up, POST /api/messages with Teams-shaped activities (channelId msteams, demo tenant, the people of src/content/organisation.yaml), a new activity id per request; messages with deliveryMode expectReplies, card actions as adaptiveCard/action invokes (the HTTP answer is the invoke response).`,
      "cpu ms/req: the server process's CPU time (user + system, /proc/<pid>/stat) during the run divided by the requests: unlike latency and req/s it hardly changes with other load on the machine; 1000 / cpu ms/req is the most one core can serve.",
      'The bot runs with EXPENSIVE_REQUESTS_PER_MINUTE=0: the per-user limit (20 policy answers a minute) would otherwise answer most of the load from a few personas with "wacht even".',
      `Offline answer: rotates ${policyQuestions.length} questions about the sample documents; an answer counts as right when it carries a citation.`,
      "Intake submit: mediation.submit with a complete intake and a new idempotencyKey per request, so every request stores a new case (and posts the coordinators' card to the connector stub).",
      'Approval: approval.refresh of one open request by the burgemeester (the approver\'s view with the decision buttons): a decision can be made only once per request, so approving at load would measure "already decided" answers; refresh runs the same lookup, permission check and card rendering without the write.',
      `Retrieval: ${documentCount} generated documents (seeded; gemeenten, themes, dates, numbers) ingested with KnowledgeBase.ingest into an in-memory PGlite store, then ${questionCount} generated questions through retrieve(), one at a time, in this process after the servers stopped.`,
    );
  } finally {
    for (const child of children) await child.stop().catch(() => undefined);
    await connector.close();
    await database?.drop().catch((error: unknown) => log(`could not drop the bench database: ${String(error)}`));
  }

  log(`Generating and ingesting ${documentCount} documents for the retrieval benchmark...`);
  const retrieval = await runRetrievalBench(documentCount, questionCount, log);
  const intents = await runIntentBench(5, log);
  notes.push(
    `Intent classification: the router's whole decision (exact patterns, follow-ups, the NLP.js classifier, threshold) for the ${intents.messages / 4} utterances of tests/routing/intents-dev.jsonl, 4 measured rounds after one warm-up, in this process; training the classifier from every route's examples took ${intents.trainMs.toFixed(0)} ms (part of start-up).`,
  );
  rmSync(work, { recursive: true, force: true });

  const offline10 = loads.find((l) => l.target === 'bot' && l.scenario === 'offline answer' && l.connections === 10);
  const ratio10 = offline10 && ratioToEcho(loads, offline10);
  const echo10 = loads.find((l) => l.target === 'echo' && l.connections === 10);
  const cpuRatio = echo10?.cpuPerRequest && offline10?.cpuPerRequest ? echo10.cpuPerRequest / offline10.cpuPerRequest : undefined;
  const problems = loads.reduce((n, l) => n + l.non2xx + l.errors + l.timeouts + l.wrong, 0);
  const targets: Target[] = [
    { name: 'offline answer p95 @10', goal: '<= 50 ms', measured: offline10 ? `${round(offline10.p95)} ms` : '-', pass: Boolean(offline10 && offline10.p95 <= 50) },
    {
      name: 'offline answer throughput @10',
      goal: '>= 1/3 of echo',
      measured: ratio10 ? `${ratio10.toFixed(2)} x echo${cpuRatio ? ` (by CPU cost ${cpuRatio.toFixed(2)} x)` : ''}` : '-',
      pass: Boolean(ratio10 && ratio10 >= 1 / 3),
    },
    {
      name: 'ready, existing store',
      goal: '<= 5000 ms',
      measured: `${round(startup.existingMs)} ms${startup.existingCpuMs ? ` (CPU ${startup.existingCpuMs.toFixed(0)} ms)` : ''}`,
      pass: startup.existingMs <= 5000,
    },
    { name: 'RSS with the sample corpus', goal: '<= 300 MB', measured: rssMb === undefined ? '-' : `${rssMb.toFixed(0)} MB`, pass: rssMb !== undefined && rssMb <= 300 },
    { name: `retrieval p95, ${documentCount} documents`, goal: '<= 100 ms', measured: `${round(retrieval.p95)} ms`, pass: retrieval.p95 <= 100 },
    { name: 'intent classification per message', goal: '<= 5 ms', measured: `mean ${intents.meanMs.toFixed(2)} ms, p95 ${intents.p95Ms.toFixed(2)} ms`, pass: intents.p95Ms <= 5 },
    { name: 'every answer 2xx and as expected', goal: '0 problems', measured: `${problems} problems`, pass: problems === 0 },
  ];
  const cpu = cpus()[0]?.model.trim() ?? 'unknown cpu';
  const busiest = Math.max(Number(loadBefore), loadavg()[0]!);
  if (busiest > cpus().length) {
    notes.push(
      `The machine was oversubscribed (load average up to ${busiest.toFixed(1)} on ${cpus().length} cores): wall-clock latencies, req/s and start times are inflated by waiting for a core; the CPU figures (cpu ms/req, start CPU) are the better guide to what the bot costs.`,
    );
  }
  const report: BenchReport = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: { cores: cpus().length, cpu, node: process.version, platform: `${platform()} ${release()}`, loadBefore, loadAfter: loadavg()[0]!.toFixed(2) },
    commands: [
      benchServer ? 'BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench' : 'npm run bench',
      `BENCH_SECONDS=${seconds} BENCH_DOCUMENTS=${documentCount} BENCH_QUESTIONS=${questionCount} (defaults 10, 2000, 200)`,
    ],
    startup,
    loads,
    rssMb,
    rssReadyMb,
    retrieval,
    notes,
    targets,
  };
  log(renderText(report));
  const out = fromRoot('tests/bench', benchServer ? 'results-postgres.md' : 'results.md');
  mkdirSync(fromRoot('tests/bench'), { recursive: true });
  writeFileSync(out, renderMarkdown(report));
  log(`Written to ${out}`);
}

process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}
main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${(error as Error).stack ?? String(error)}`);
  killAllChildren();
  process.exit(1);
});
