import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render-card.js';
import { fromRoot } from '../../src/config/project-root.js';

// adaptivecards' ESM build has extensionless imports that Node cannot load; its UMD bundle works.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

const templates = readdirSync(fromRoot('cards'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

// Properties Teams reads that the adaptivecards object model does not know, and values it drops as defaults.
const teamsOnlyKeys = new Set(['msteams', '$schema']);
const isDefaultValue = (key: string, value: unknown) =>
  value === '' || (Array.isArray(value) && value.length === 0) || (key === 'valueOn' && value === 'true') || (key === 'valueOff' && value === 'false');

/** Paths present in the card but dropped by the parser: properties it does not know. */
function unknownProperties(input: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(input)) return input.flatMap((item, i) => unknownProperties(item, (parsed as unknown[] | undefined)?.[i], `${path}[${i}]`));
  if (!input || typeof input !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (teamsOnlyKeys.has(key)) continue;
    const target = parsed as Record<string, unknown> | undefined;
    if (!target || !(key in target)) {
      if (!isDefaultValue(key, value)) out.push(`${path}.${key}`);
    } else if (key !== 'data') {
      // `data` of an action is free-form and goes back to the bot as is.
      out.push(...unknownProperties(value, target[key], `${path}.${key}`));
    }
  }
  return out;
}

function parse(card: Record<string, unknown>) {
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) events.push(context.getEventAt(i).message);
  return { events, unknown: unknownProperties(card, adaptiveCard.toJSON()) };
}

describe('card templates', () => {
  it('finds the templates', () => {
    expect(templates).toContain('help');
  });

  it.each(templates)('%s expands with its sample data into a clean Adaptive Card 1.5 under 80 KB', (name) => {
    const samplePath = fromRoot('cards', 'samples', `${name}.json`);
    expect(existsSync(samplePath), `cards/samples/${name}.json is missing`).toBe(true);
    const card = renderCard(name, JSON.parse(readFileSync(samplePath, 'utf8')));
    const json = JSON.stringify(card);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(json, 'a ${...} binding was left unexpanded').not.toMatch(/\$\{/);
    expect(Buffer.byteLength(json)).toBeLessThan(80_000);
    const { events, unknown } = parse(card);
    expect(events).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('reports an unknown element and an unknown property (the check itself can fail)', () => {
    const { events, unknown } = parse({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', colour: 'red' }, { type: 'Carousel3D' }] });
    expect(events.join(' ')).toMatch(/Carousel3D/);
    expect(unknown).toContain('.body[0].colour');
  });
});
