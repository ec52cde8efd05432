import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { exportAudit } from '../../src/features/approvals/index.js';
import { NOW, openPersonalChat, requestFromCard } from './approval-helpers.js';

describe('approval card with the knowledge base loaded', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now: () => NOW, env: { SAMPLE_KNOWLEDGE: 'true' } });
    await openPersonalChat(bot, personas.burgemeester);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('shows a short summary with numbered sources and records the document versions in the audit', async () => {
    const r = await requestFromCard(bot, { gemeente: 'Heemstede', milestoneId: 'heemstede-uitvoeringsplan-2027' });
    const posted = bot.connector.calls.find((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2')!;
    const text = cardText((posted.body.attachments as any[])[0].content);
    expect(text).toContain('Samenvatting uit de documenten');
    expect(text).toMatch(/\[1\] .*Beleidsplan Integrale Veiligheid/);
    // The reader sees titles; file names and content hashes are for the audit only.
    expect(text).not.toMatch(/[0-9a-f]{16}|\.txt|versie [0-9a-f]/);
    expect(text).toMatch(/\n?Beleidsplan Integrale Veiligheid/);
    const { records } = await exportAudit(bot.db, { gemeente: 'Heemstede', period: { from: '2026-11-01', to: '2026-12-01' } }, 'json');
    expect(records.map((x) => x.requestId)).toEqual([r.id]);
    expect(records[0]!.documents[0]).toMatchObject({ source: '003_56866e9a5fe21592.txt', version: expect.stringMatching(/^[0-9a-f]+$/) });
  });
});
