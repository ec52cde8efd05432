import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { playgroundRejections } from '../helpers/playground-validation.js';
import { fitCitations } from '../../src/teams/citation-limit.js';

/** What the summary card shows per bullet, figure and outlook line. */
function summaryLines(card: any): { bullets: string[]; figures: { title: string; value: string }[]; all: string } {
  const bullets: string[] = [];
  const figures: { title: string; value: string }[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string' && node.text.startsWith('• ')) bullets.push(node.text);
    if (node.type === 'FactSet') for (const f of node.facts ?? []) figures.push({ title: f.title, value: f.value });
    Object.values(node).forEach(walk);
  };
  walk(card);
  return { bullets, figures, all: cardText(card) };
}

const messages = (replies: SentActivity[]) => replies.filter((r) => r.type === 'message');
const words = (card: any) => Number(cardText(card).match(/Ongeveer (\d+) woorden/)?.[1]);

describe('replies built from the documents read right and pass the Playground', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { SAMPLE_KNOWLEDGE: 'true', STEERING_SCHEDULE: 'off' }, now: () => new Date('2026-12-01T10:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
  });

  it('every kind of reply is accepted by the Playground (at most 10 citations)', async () => {
    for (const question of [
      'vat de laatste stand van zaken samen',
      'korter',
      'uitgebreider',
      'uitgebreider',
      'Wat zijn de huidige prioriteiten?',
      'Wanneer stelt de raad het beleidsplan van Heemstede vast?',
      'Welke mijlpalen komen eraan?',
      'help',
    ]) {
      const replies = messages(await bot.say(question, { from: personas.adviseur }));
      expect(replies.length, question).toBeGreaterThan(0);
      for (const reply of replies) expect(playgroundRejections(reply as any), question).toEqual([]);
    }
  });

  it('the send edge merges and drops citations beyond 10 and renumbers the markers', () => {
    const claims = Array.from({ length: 16 }, (_, i) => ({ '@type': 'Claim', position: i + 1, appearance: { '@type': 'DigitalDocument', name: `Doc ${i < 4 ? 'A' : i + 1}`, abstract: 'x' } }));
    const text = claims.map((c) => `Zin ${c.position} [${c.position}]`).join(' ');
    const fitted = fitCitations({ type: 'message', text, entities: [{ type: 'https://schema.org/Message', citation: claims }] });
    expect(playgroundRejections(fitted)).toEqual([]);
    const kept = (fitted.entities![0] as any).citation;
    expect(kept).toHaveLength(10);
    // The four claims of document A are one citation; markers point at existing positions only.
    expect(fitted.text).toContain('Zin 1 [1] Zin 2 [1]');
    for (const m of fitted.text!.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBeLessThanOrEqual(10);
  });

  it('the status-note summary has whole sentences per theme, no title bullet, no escapes, figures, and cites every line', async () => {
    const replies = await bot.say('vat de laatste stand van zaken samen', { from: personas.adviseur });
    const card = firstCard(replies);
    const { bullets, figures, all } = summaryLines(card);
    expect(bullets.length).toBeGreaterThanOrEqual(5);
    expect(all).not.toMatch(/\\/);
    for (const b of bullets) {
      expect(b, b).not.toMatch(/…/);
      expect(b, b).toMatch(/[.!?]["”’)]? \[\d+\]$/);
      expect(b, b).not.toMatch(/^• (Daarom|Hierin|Daarnaast|Deze|Dit|Tevens|Ook|Zo)\b/);
      expect(b.toLowerCase(), b).not.toContain('stand van zaken notitie openbare orde');
    }
    expect(all).not.toMatch(/Toelichting: /);
    expect(figures.length).toBeGreaterThan(0);
    // A figure keeps its unit ("46 miljoen", not "46").
    for (const f of figures) expect(f.value.includes(`${f.title} miljoen`), `${f.title}: ${f.value}`).toBe(false);
    for (const f of figures) expect(f.title, f.title).not.toMatch(/januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|^20\d\d$/i);
    expect(all).toContain('Doorkijk');
    expect(words(card)).toBeGreaterThanOrEqual(200);
    expect(words(card)).toBeLessThanOrEqual(300);
  });

  it('"korter" is really shorter and "uitgebreider" really longer, each within the citation limit', async () => {
    const base = words(firstCard(await bot.say('vat de laatste stand van zaken samen', { from: personas.adviseur })));
    const shorter = words(firstCard(await bot.say('korter', { from: personas.adviseur })));
    await bot.say('vat de laatste stand van zaken samen', { from: personas.adviseur });
    const longerReplies = await bot.say('uitgebreider', { from: personas.adviseur });
    const longer = words(firstCard(longerReplies));
    expect(shorter).toBeLessThan(base * 0.8);
    expect(longer).toBeGreaterThan(base * 1.2);
    expect(summaryLines(firstCard(longerReplies)).bullets.join(' ')).not.toMatch(/…/);
  });

  it('the priorities overview shows themes, not a planning timetable, names every source and renders every marker as a badge', async () => {
    const [reply] = messages(await bot.say('Wat zijn de huidige prioriteiten?', { from: personas.adviseur }));
    const text = reply!.text!;
    expect(text).not.toContain('gemeente onbekend');
    expect(text).not.toMatch(/Commissie samenleving \(19 september\)/i);
    expect(text).not.toMatch(/: - /);
    // No focus sentence that starts mid-thought.
    expect(text).not.toMatch(/Focus van dit moment: (Dit|Daarnaast|Deze|Daarom|Hierin|Ook)\b/);
    // A marker at the end of a list item stays plain text in Teams.
    for (const line of text.split('\n')) if (line.startsWith('- ')) expect(line, line).not.toMatch(/\[\d+\]\s*$/);
    // Heemstede's documents name no themes yet: say what they do say.
    const heemstede = text.slice(text.indexOf('**Heemstede**'), text.indexOf('**Hengelo**'));
    expect(heemstede).toMatch(/in voorbereiding/);
    expect(heemstede).toMatch(/21 december 2023/);
    expect(heemstede).toMatch(/\[\d+\]/);
  });

  it('an answer keeps the year of a date and quotes a list item without its "- "', async () => {
    const [reply] = messages(await bot.say('Wanneer stelt de raad het beleidsplan van Heemstede vast?', { from: personas.adviseur }));
    expect(reply!.text).toContain('21 december 2023');
    expect(reply!.text).not.toMatch(/: - /);
  });
});
