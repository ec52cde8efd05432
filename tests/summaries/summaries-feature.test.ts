import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/features/feature-context.js';
import { summariesFeature } from '../../src/features/summaries/summaries-feature.js';
import { UploadStore } from '../../src/features/summaries/upload-store.js';
import { readTextDocument } from '../../src/documents/index.js';
import { summaryDocumentOf } from '../../src/features/summaries/summary-document.js';
import type { SummarySource } from '../../src/features/summaries/summary-source.js';
import type { MessageRoute } from '../../src/routing/route.js';
import type { Turn } from '../../src/routing/turn.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { testCore } from '../helpers/test-core.js';
import { fakeTurn } from '../helpers/fake-turn.js';
import { cardText } from '../helpers/test-app.js';

const docs = [
  { id: 'd0', title: 'Stand van zaken notitie Openbare Orde en Veiligheid 2023', file: '/work/shared/corpus/000_55b5a0dbcbfe059d.txt' },
  { id: 'd1', title: 'Stand van zaken notitie openbare orde en veiligheid: Terugblik 2023', file: '/work/shared/corpus/001_05e79deea0a07a60.txt' },
];

/** A knowledge base of the two Twenterand notes, with naive title matching, as the real module would answer. */
const source: SummarySource = {
  async latestStatusNote() {
    return docs[1];
  },
  async findByTitle(_tenant, query) {
    const match = docs.find((d) => d.title.toLowerCase() === query.toLowerCase());
    const words = query.toLowerCase().split(/\s+/);
    return { match, suggestions: match ? [] : docs.filter((d) => words.some((w) => d.title.toLowerCase().includes(w))) };
  },
  async document(_tenant, id) {
    const d = docs.find((x) => x.id === id);
    return d ? summaryDocumentOf(d.title, readTextDocument(readFileSync(d.file, 'utf8'), 'txt')) : undefined;
  },
};

describe('summary requests for stored documents', () => {
  let db: Db;
  let core: Core;
  beforeAll(async () => {
    db = await openTestPglite();
    core = testCore(db, { now: () => new Date(), posted: [] });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function say(text: string, state: Turn['state'] = { conversation: {}, user: {} }) {
    const feature = summariesFeature(core, { uploads: new UploadStore(core.db), source });
    const turn = fakeTurn({ text, state, user: { id: 'u', name: 'Sanne', aadObjectId: 'a1' }, tenantId: 't' });
    const route = feature.routes.find((r): r is MessageRoute => r.kind === 'message' && r.match instanceof RegExp && r.match.test(text));
    expect(route?.name, text).toMatch(/^summaries\./);
    await route!.handle(turn, text.match(route!.match as RegExp), { slots: { reference: text }, via: 'pattern' });
    return turn;
  }

  it('summarises the latest status note on "vat de laatste stand van zaken samen"', async () => {
    const turn = await say('vat de laatste stand van zaken samen');
    const card = turn.sent.find((a) => a.attachments)?.attachments?.[0]?.content;
    expect(cardText(card).replace(/\\/g, '')).toContain('4. Crisisbeheersing');
    expect(turn.state.conversation.lastSummary).toMatchObject({ kind: 'document', id: 'd1', words: 250 });
  });

  it('suggests the closest titles for an unknown document', async () => {
    const turn = await say('samenvatting van de veiligheidsnotitie 2023');
    const card = turn.sent[0]?.attachments?.[0]?.content;
    const text = cardText(card);
    expect(text).toContain('Ik ken geen document met de titel');
    expect(text).toContain('Stand van zaken notitie openbare orde en veiligheid: Terugblik 2023');
  });

  it('summarises a document by its title and then makes it shorter', async () => {
    const state = { conversation: {}, user: {} };
    await say(`samenvatting van ${docs[0]!.title}`, state);
    const shorter = await say('korter', state);
    expect((state.conversation as any).lastSummary).toMatchObject({ id: 'd0', words: 150 });
    expect(shorter.sent.some((a) => a.attachments)).toBe(true);
  });
});
