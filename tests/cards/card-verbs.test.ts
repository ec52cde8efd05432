import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeatures, createShared } from '../../src/app/features.js';
import { fromRoot } from '../../src/config/project-root.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { testCore } from '../helpers/test-core.js';

/**
 * Verbs a card can send that no template in cards/ holds, with the code that puts them on a card.
 * Empty today: the refresh actions code adds (approval-views.ts, mediation-cards.ts) are in the templates too.
 */
const sentFromCode: Record<string, string> = {};

/** Every `Action.Execute` verb in the card templates (buttons and `refresh`), with the files it is in. */
function templateVerbs(): Map<string, string[]> {
  const verbs = new Map<string, string[]>();
  const walk = (node: unknown, file: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, file));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute') {
      expect(typeof n.verb, `${file}: an Action.Execute without a literal verb`).toBe('string');
      verbs.set(n.verb as string, [...(verbs.get(n.verb as string) ?? []), file]);
    }
    for (const value of Object.values(n)) walk(value, file);
  };
  for (const file of readdirSync(fromRoot('cards')).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(fromRoot('cards', file), 'utf8')), file);
  }
  return verbs;
}

describe('card verbs and action routes', () => {
  let db: Db;
  let routeVerbs: string[];
  beforeAll(async () => {
    db = await openTestPglite();
    const core = testCore(db, { now: () => new Date(), posted: [] });
    const { features } = createFeatures(core, createShared(core));
    routeVerbs = features.flatMap((f) => f.routes.flatMap((r) => (r.kind === 'action' ? [r.verb] : [])));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('every verb on a card has a route, so no button answers "unknown action"', () => {
    const verbs = templateVerbs();
    expect(verbs.size).toBeGreaterThanOrEqual(15);
    const unrouted = [...verbs].filter(([verb]) => !routeVerbs.includes(verb)).map(([verb, files]) => `${verb} (${files.join(', ')})`);
    expect(unrouted).toEqual([]);
  });

  it('every action route has its verb on a card, or is listed with the code that sends it', () => {
    const verbs = templateVerbs();
    const unused = routeVerbs.filter((verb) => !verbs.has(verb) && !(verb in sentFromCode));
    expect(unused).toEqual([]);
    expect(new Set(routeVerbs).size).toBe(routeVerbs.length);
  });
});
