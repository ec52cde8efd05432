import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { nl } from '../../src/i18n/nl.js';
import { cardOf, openPersonalChat, requestFromCard } from '../approvals/approval-helpers.js';

/** The TextBlocks of a card, one per visible line. */
function blocks(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock') out.push(node.text);
    for (const [k, v] of Object.entries(node)) if (k !== 'refresh' && typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

const NOW = new Date('2026-12-01T10:00:00Z');

describe('milestones and approval cards read right', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now: () => NOW, env: { SAMPLE_KNOWLEDGE: 'true', STEERING_SCHEDULE: 'off' } });
    await openPersonalChat(bot, personas.burgemeester);
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
  });

  it('"Komende mijlpalen" lists what is coming, and apart what is past its date and still open', async () => {
    const lines = blocks(firstCard(await bot.say('Welke mijlpalen komen eraan?', { from: personas.adviseur })));
    const overdueAt = lines.indexOf(nl.approvals.overdueTitle);
    expect(overdueAt).toBeGreaterThan(0);
    const dated = (line: string) => /\d{1,2} \p{L}+ (\d{4})/u.exec(line);
    const coming = lines.slice(0, overdueAt).filter(dated);
    const overdue = lines.slice(overdueAt).filter(dated);
    expect(coming.length).toBeGreaterThan(0);
    for (const line of coming) {
      expect(Number(dated(line)![1]), line).toBeGreaterThanOrEqual(2026);
      expect(line).not.toContain(nl.approvals.overdue);
    }
    for (const line of overdue) expect(line).toContain(nl.approvals.overdue);
    for (const line of lines) expect(line, line).not.toMatch(/gepland op .* · gepland/);
  });

  it('chat and tab name a milestone status in the same words', () => {
    expect(nl.approvals.milestoneStatus.planned.toLowerCase()).toBe(nl.tab.statusOpen.toLowerCase());
    expect(nl.approvals.milestoneStatus.requested.toLowerCase()).toBe(nl.tab.statusPending.toLowerCase());
    expect(nl.approvals.milestoneStatus.changes_requested.toLowerCase()).toBe(nl.tab.statusChangesRequested.toLowerCase());
    expect(nl.approvals.overdue).toBe(nl.tab.statusOverdue);
  });

  it('the approval card shows titles, readable references, no version counter; the burgemeester is asked, and the title follows the decision', async () => {
    const request = await requestFromCard(bot, { gemeente: 'Heemstede', milestoneId: 'heemstede-uitvoeringsplan-2027' });
    const posted = bot.connector.calls.find((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2')!;
    const card = (posted.body.attachments as any[])[0].content;
    const text = cardText(card);
    expect(text).not.toMatch(/[0-9a-f]{16}|\.txt\b|versie [0-9a-f]/i);
    expect(text).not.toMatch(/\bVersie\b/);
    // Each reference on a line of its own.
    const refs = blocks(card).filter((l) => /^\[\d+\] /.test(l));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.match(/\[\d+\]/g)).toHaveLength(1);

    const own = cardOf(await bot.act('approval.refresh', { requestId: request.id, version: request.version }, { from: personas.burgemeester }));
    expect(cardText(own)).not.toContain('Wacht op het besluit van de burgemeester');
    expect(cardText(own)).toContain(nl.approvals.yourDecision);

    const decided = cardOf(await bot.act('approval.approve', { requestId: request.id, version: request.version, comment: '' }, { from: personas.burgemeester }));
    expect(blocks(decided)[0]).toMatch(/^Goedgekeurd: /);
    expect(cardText(decided)).not.toContain('Goedkeuring gevraagd');
  });

  it("the approval card's summary quotes running text, not a row of a planning table with another milestone's date", async () => {
    const before = bot.connector.calls.length;
    await requestFromCard(bot, { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' });
    const posted = bot.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2')!;
    const text = cardText((posted.body.attachments as any[])[0].content);
    expect(text).toContain('Samenvatting uit de documenten');
    expect(text).not.toMatch(/\d{1,2} \/ \d{1,2} \p{L}+ \d{4} —/u);
  });
});
