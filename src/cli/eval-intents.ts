import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../app/build-app.js';
import { parseConfig } from '../config/load-config.js';
import { fromRoot } from '../config/project-root.js';
import { detectLanguage } from '../i18n/detect-language.js';
import type { Decision } from '../routing/understand.js';
import { openPglite } from '../store/pglite-db.js';

/**
 * `npm run eval:intents [-- <set.jsonl>]`: asks the real router (exact patterns, follow-ups,
 * the trained classifier and its threshold) what it makes of every utterance of a set, without
 * running any handler, and prints the accuracy per capability and the confusions.
 * A line: {"q", "intent", "persona"?, "memory"?} where memory is the conversation's memory before it.
 */
interface Item {
  q: string;
  intent: string;
  persona?: string;
  memory?: Record<string, unknown>;
}

/** The capability (route) each intent label should reach. Policy, glossary, priorities and anything outside the bot's work go to the documents. */
export const capabilityOf: Record<string, string> = {
  help: 'shell.help',
  greeting: 'shell.greeting',
  thanks: 'shell.thanks',
  goodbye: 'shell.goodbye',
  'smalltalk-other': 'shell.smalltalk',
  'policy-question': 'knowledge.answer',
  glossary: 'knowledge.answer',
  priorities: 'knowledge.answer',
  'out-of-scope': 'knowledge.answer',
  'approvals-pending': 'approvals.pending',
  'approval-decide': 'approvals.decide',
  'milestones-upcoming': 'approvals.upcoming',
  'milestone-add': 'approvals.add',
  'milestone-move': 'approvals.move',
  'approval-request': 'approvals.request',
  'audit-export': 'approvals.export',
  'mediation-intake': 'mediation.intake',
  'mediation-statistics': 'mediation.statistics',
  'mediation-case-export': 'mediation.export',
  'mediation-case-erase': 'mediation.erase',
  'summary-document': 'summaries.document',
  'summary-latest': 'summaries.latest',
  'summary-adjust': 'summaries.adjust',
  'steering-register': 'steering.register',
  'steering-update': 'steering.preview',
};

const PLAYGROUND_TENANT = '00000000-0000-0000-0000-00000000d0e0';

export function reached(decision: Decision): string {
  switch (decision.kind) {
    case 'route':
      return decision.route.name;
    case 'fallback':
      return 'knowledge.answer';
    case 'clarify':
      return `clarify(${decision.routes.map((r) => r.name).join('|')})`;
    case 'none':
      return 'none';
  }
}

function sets(): string[] {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (args.length) return args.map((a) => resolve(a));
  return [fromRoot('tests', 'routing', 'intents-dev.jsonl')].filter((f) => existsSync(f));
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const db = await openPglite();
  const config = parseConfig({ LOG_LEVEL: 'silent', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1' });
  const app = buildApp({ config, db });
  await app.ready;
  const router = app.router()!;
  let failed = false;
  try {
    for (const file of sets()) {
      const items = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Item);
      const perIntent = new Map<string, { n: number; ok: number }>();
      const confusions = new Map<string, number>();
      const times: number[] = [];
      let ok = 0;
      for (const item of items) {
        const expected = capabilityOf[item.intent];
        if (!expected) throw new Error(`Unknown intent label ${item.intent} in ${file}`);
        const turn = {
          text: item.q,
          state: { conversation: item.memory ? { memory: structuredClone(item.memory) } : {}, user: {} },
          locale: detectLanguage(item.q) ?? 'nl',
          attachments: [],
          tenantId: PLAYGROUND_TENANT,
        } as const;
        const started = performance.now();
        const decision = await router.understand(turn);
        times.push(performance.now() - started);
        const got = reached(decision);
        const stats = perIntent.get(item.intent) ?? { n: 0, ok: 0 };
        stats.n += 1;
        if (got === expected) {
          stats.ok += 1;
          ok += 1;
        } else {
          const pair = `${item.intent} → ${got}`;
          confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
          if (verbose) console.log(`  ✗ ${item.intent} → ${got}: ${item.q}`);
        }
        perIntent.set(item.intent, stats);
      }
      const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
      console.log(`\n${file}: ${ok}/${items.length} = ${pct(ok, items.length)} reach the right capability`);
      for (const [intent, s] of [...perIntent].sort((a, b) => a[1].ok / a[1].n - b[1].ok / b[1].n)) {
        console.log(`  ${intent.padEnd(22)} ${String(s.ok).padStart(3)}/${String(s.n).padEnd(3)} ${pct(s.ok, s.n).padStart(6)}  (${capabilityOf[intent]})`);
      }
      console.log('  confusions:');
      for (const [pair, n] of [...confusions].sort((a, b) => b[1] - a[1])) console.log(`    ${n}× ${pair}`);
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`  understanding: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms per message`);
      const worst = Math.min(...[...perIntent.values()].map((s) => s.ok / s.n));
      if (ok / items.length < 0.92 || worst < 0.8) failed = true;
    }
  } finally {
    await app.close();
    await db.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
