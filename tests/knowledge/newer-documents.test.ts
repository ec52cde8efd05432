import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * Newer documents win: a plan of an invented gemeente and its newer progress report, where the plan's table still
 * holds the old planning (development documents, tests/knowledge/eval/held-out-6, a dev set since round six).
 */
const dir = fileURLToPath(new URL('./eval/held-out-6/documents', import.meta.url));
let db: Db;
let kb: KnowledgeBase;

beforeAll(async () => {
  db = await openTestPglite();
  kb = new KnowledgeBase(db);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('rietmonde'))) await kb.ingest({ fileName: file, buffer: readFileSync(join(dir, file)) });
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('when a newer document of the same gemeente answers too', () => {
  it('quotes the newer one first even when the older one matches the question more closely, and names the older one as older', async () => {
    const answer = await answerOffline(kb, "Wanneer komt de evaluatie van de camera's op het Rietmondse Stationsplein?", 'nl');
    const [first, second] = answer.text.split('\n\n');
    expect(first).toContain('Voortgangsrapportage');
    expect(first).toContain('tweede kwartaal van 2027');
    expect(second).toMatch(/oudere document .* van 18 december 2025/);
    expect(answer.citations).toHaveLength(2);
  });
});
