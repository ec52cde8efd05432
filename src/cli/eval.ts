import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { buildApp } from '../app/build-app.js';
import { parseConfig } from '../config/load-config.js';
import { fromRoot } from '../core/project-root.js';
import { openPglite } from '../store/pglite-db.js';

/**
 * `npm run eval [-- <set.jsonl>]`: sends every question of a set through the real /api/messages
 * endpoint of an in-process bot (in-memory store, sample corpus) and prints the rates.
 * A line: {"id", "q", "expect": [["alt", ...], ...], "cite": "<gemeente>"} or {"id", "q", "abstain": true}.
 */
interface EvalItem {
  id: string;
  q: string;
  expect?: string[][];
  cite?: string;
  abstain?: boolean;
  locale?: string;
}

function findSet(): string {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const candidates = arg ? [resolve(arg)] : ['/work/shared/eval/dev.jsonl', fromRoot('..', 'shared', 'eval', 'dev.jsonl')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`No question set found (tried ${candidates.join(', ')}). Pass a path: npm run eval -- <set.jsonl>`);
  return found;
}

interface Reply {
  text?: string;
  entities?: { type?: string; citation?: { position: number; appearance: { name: string; keywords?: string[] } }[] }[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<number> {
  const file = findSet();
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
  const db = await openPglite();
  const config = parseConfig({ LOG_LEVEL: 'silent', SAMPLE_KNOWLEDGE: 'true', HOST: '127.0.0.1' });
  const app = buildApp({ config, db });
  const { url } = await app.listen(0, '127.0.0.1');
  await app.ready;
  const verbose = process.argv.includes('--verbose');
  let answerable = 0;
  let answered = 0;
  let cited = 0;
  let both = 0;
  let unanswerable = 0;
  let abstained = 0;
  const times: number[] = [];
  try {
    for (const item of items) {
      const activity = {
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        locale: item.locale ?? 'nl-NL',
        from: { id: 'eval-user', name: 'Eval', aadObjectId: '00000000-0000-0000-0000-0000000000e1' },
        recipient: { id: '28:eval-bot', name: 'Veiligheidsbot' },
        conversation: { id: 'a:eval', conversationType: 'personal', tenantId: 'eval-tenant' },
        channelData: { tenant: { id: 'eval-tenant' } },
        text: item.q,
      };
      const started = performance.now();
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      times.push(performance.now() - started);
      const body = (await res.json()) as { activities?: Reply[] };
      const replies = body.activities ?? [];
      const text = replies.map((r) => r.text ?? '').join('\n');
      const citations = replies.flatMap((r) => r.entities ?? []).flatMap((e) => (e.type === 'https://schema.org/Message' ? (e.citation ?? []) : []));
      let verdict: string;
      if (item.abstain) {
        unanswerable += 1;
        const ok = citations.length === 0;
        if (ok) abstained += 1;
        verdict = ok ? 'abstained' : 'ANSWERED (should abstain)';
      } else {
        answerable += 1;
        const factsOk = (item.expect ?? []).every((group) => group.some((alt) => text.toLowerCase().includes(alt.toLowerCase())));
        const citeOk =
          citations.length > 0 &&
          citations.every((c) => !item.cite || (c.appearance.keywords ?? []).includes(item.cite) || c.appearance.name.endsWith(item.cite)) &&
          citations.every((c) => text.includes(`[${c.position}]`));
        if (factsOk) answered += 1;
        if (citeOk) cited += 1;
        if (factsOk && citeOk) both += 1;
        verdict = factsOk && citeOk ? 'correct' : `${factsOk ? 'facts ok' : 'FACTS MISSING'}, ${citeOk ? 'citations ok' : 'CITATIONS WRONG'}`;
      }
      console.log(`${item.id.padEnd(5)} ${verdict.padEnd(32)} ${item.q}`);
      if (verbose) console.log(`      ${text.replace(/\n/g, ' ⏎ ')}`);
    }
  } finally {
    await app.close();
    await db.close();
  }
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
  console.log('');
  console.log(`Question set:                         ${file}`);
  console.log(`Answered correctly:                   ${pct(answered, answerable)}`);
  console.log(`Citation correct:                     ${pct(cited, answerable)}`);
  console.log(`Correct with correct citations:       ${pct(both, answerable)}`);
  console.log(`Abstained correctly:                  ${pct(abstained, unanswerable)}`);
  console.log(`Latency per question (sequential):    p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
  return both / Math.max(1, answerable) >= 0.9 && abstained === unanswerable ? 0 : 1;
}

process.exitCode = await main();
