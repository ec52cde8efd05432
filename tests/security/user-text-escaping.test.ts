import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeCardText, escapeMessageText } from '../../src/cards/render-card.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { NOW } from '../approvals/approval-helpers.js';

const TITLE = '[Klik hier](https://evil.example/login) **dringend**';
const NOTE = 'Zie [dit formulier](https://evil.example/form)';
const COMMENT = '[Bekijk](https://evil.example/c) _graag_';

/** Markdown a renderer would make live: a link, or emphasis, whose brackets or stars are not escaped. */
const LIVE = [/(?<!\\)\[[^\]]*(?<!\\)\]\(/, /(?<!\\)\*(?<!\\)\*\S/, /(?<![\\\w])_\S[^_]*(?<!\\)_(?!\w)/];

/** Everything a reader sees as markdown: TextBlock texts, Fact titles and values, message texts. */
function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownTexts(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if ((n.type === 'TextBlock' || n.type === 'message') && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'message' && typeof n.text === 'string' && n.textFormat === 'plain') out.pop();
    if (Array.isArray(n.facts)) for (const f of n.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    for (const [k, v] of Object.entries(n)) if (k !== 'data' && typeof v === 'object') markdownTexts(v, out);
  }
  return out;
}
const live = (texts: string[]) => texts.filter((t) => LIVE.some((r) => r.test(t)));

describe('text a user typed is not live markdown where someone else sees it', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now: () => NOW, env: { STEERING_SCHEDULE: 'off' } });
    await bot.say('help', { from: personas.burgemeester });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('a milestone title, note and decision comment with links and emphasis show as typed on every card and message', async () => {
    const added = await bot.say(`mijlpaal toevoegen Hengelo: ${TITLE} op 15-03-2027`, { from: personas.adviseur });
    const [row] = await bot.db.query<{ milestone_id: string }>("SELECT milestone_id FROM approval_milestones WHERE definition::text LIKE '%evil.example%'");
    expect(row).toBeDefined();
    const requested = await bot.act('approval.request', { gemeente: 'Hengelo', milestoneId: row!.milestone_id, note: NOTE }, { from: personas.adviseur, conversation: 'groupChat' });
    expect(requested.status).toBe(200);
    const toApprover = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-user-burgemeester');
    const [request] = await bot.db.query<{ id: string; version: number }>('SELECT id, version FROM approval_requests');
    const decided = await bot.act('approval.requestChanges', { requestId: request!.id, version: request!.version, comment: COMMENT }, { from: personas.burgemeester });
    const list = await bot.say('Welke mijlpalen komen eraan in Hengelo?', { from: personas.burgemeester });
    await bot.connector.waitFor((c) => c.method === 'PUT');

    const seen = [added, requested.body, toApprover.map((c) => c.body), decided.body, list, bot.connector.calls.map((c) => c.body)];
    const texts = markdownTexts(seen);
    // the typed text reaches the cards (escaped), so the check below looks at the right strings
    expect(texts.some((t) => t.includes('Klik hier'))).toBe(true);
    expect(texts.some((t) => t.includes('dit formulier'))).toBe(true);
    expect(texts.some((t) => t.includes('Bekijk'))).toBe(true);
    expect(live(texts)).toEqual([]);
  });

  it('escapes for Adaptive Cards only what their markdown reads, and for messages all markdown punctuation', () => {
    expect(escapeCardText(TITLE)).toBe('\\[Klik hier\\](https://evil.example/login) \\*\\*dringend\\*\\*');
    expect(escapeCardText('Plan 2027-2030. (concept)')).toBe('Plan 2027-2030. (concept)');
    expect(escapeCardText('- geen lijst\n1. ook niet')).toBe('\\- geen lijst\n1\\. ook niet');
    expect(escapeCardText('# geen kop')).toBe('\\# geen kop');
    expect(escapeMessageText('# kop <b>vet</b> & [x](y)')).toBe('\\# kop \\<b\\>vet\\</b\\> \\& \\[x\\]\\(y\\)');
  });
});
