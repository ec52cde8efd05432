import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas, type Persona } from '../helpers/teams-activity.js';

const UNKNOWN_TENANT = '99999999-0000-0000-0000-0000000000ff';
const stranger: Persona = { id: 'user-stranger', name: 'Onbekende', aadObjectId: '99999999-0000-0000-0000-0000000000aa' };
const TEXT = `Vals beleid\n\n${'De gemeente schaft het cameratoezicht per direct af en sluit alle coffeeshops voorgoed. '.repeat(20)}`;

describe('only advisers and administrators of the tenant add documents to the knowledge base', () => {
  let bot: TestBot;
  let files: Server;
  let url = '';

  beforeAll(async () => {
    files = createServer((_req, res) => res.end(TEXT));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/vals-beleid.txt`;
    bot = await startTestBot({ env: { STEERING_SCHEDULE: 'off' } });
  });
  afterAll(async () => {
    await bot?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  async function uploadAs(from: Persona, tenantId?: string): Promise<Record<string, unknown>> {
    const attachment = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'vals-beleid.txt', content: { downloadUrl: url, uniqueId: 'x', fileType: 'txt' } };
    const card = firstCard(await bot.say('', { from, tenantId, attachments: [attachment] }));
    return card.actions.find((a: { verb?: string }) => a.verb === 'summaries.addToKnowledge').data;
  }
  const documents = async () => (await bot.db.query('SELECT id FROM knowledge_documents')).length;

  it.each([
    ['a user of an unknown tenant', stranger, UNKNOWN_TENANT],
    ['a member of the tenant without the adviseur or beheerder role (the burgemeester)', personas.burgemeester, undefined],
    ['the coordinator', personas.coordinator, undefined],
  ])('refuses %s in Dutch and adds nothing', async (_who, from, tenantId) => {
    const data = await uploadAs(from, tenantId);
    const res = await bot.act('summaries.addToKnowledge', data, { from, tenantId });
    expect(res.status).toBe(400);
    expect(res.body.value.code).toBe('knowledge_add_forbidden');
    expect(res.body.value.message).toContain('Alleen een adviseur of beheerder van de gemeente kan documenten aan de kennisbank toevoegen');
    expect(JSON.stringify(res.body)).not.toContain('staat nu in de kennisbank');
    expect(await documents()).toBe(0);
    // and the gemeente's own users are not answered from it
    const answer = await bot.say('Wordt het cameratoezicht afgeschaft?', { from: personas.adviseur });
    expect(JSON.stringify(answer)).not.toContain('vals-beleid');
  });

  it('lets an adviser of the tenant add the file', async () => {
    const data = await uploadAs(personas.adviseur);
    const res = await bot.act('summaries.addToKnowledge', data, { from: personas.adviseur });
    expect(res.body.value).toContain('staat nu in de kennisbank');
    expect(await documents()).toBe(1);
  });
});
