import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstCard, startTestBotOn, type TestBot } from '../helpers/test-app.js';
import { actionActivity, messageActivity, personas } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';

const INTERNAL = /Er ging iets mis|Something went wrong/;
const BAD = ['\u0000', '\ud800', '\udc00'];

/** NUL and unpaired surrogates: PostgreSQL text and jsonb refuse them; the edge cleans them before anything is stored. */
describe.each(['pglite', 'postgres'] as const)('NUL and unpaired surrogates in an activity (%s)', (store) => {
  let bot: TestBot;
  let drop = async () => {};
  let files: Server;
  let fileUrl = '';

  beforeAll(async () => {
    files = createServer((_req, res) => res.end(Buffer.from(`Notitie\u0000 over\ud800 veiligheid\n\n${'De raad stelt het beleidsplan vast in maart.\u0000 '.repeat(30)}`, 'utf8')));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/nul.txt`;
    ({ bot, drop } = await startTestBotOn(store, { env: { STEERING_SCHEDULE: 'off' } }));
  });
  afterAll(async () => {
    await bot?.close();
    await drop();
    await new Promise((resolve) => files?.close(resolve));
  });

  const message = (text: string, patch: (a: any) => void = () => {}) => {
    const activity: any = messageActivity(text, { serviceUrl: bot.connector.url, from: personas.adviseur });
    patch(activity);
    return bot.post(activity);
  };
  const expectNormal = (res: { status: number; body: any }) => {
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body ?? '')).not.toMatch(INTERNAL);
  };

  it.each(BAD)('a message whose text, ids, tenant, channel and locale hold %j gets a normal reply', async (bad) => {
    expectNormal(await message(`help${bad}`));
    expectNormal(await message(`Wanneer stelt de raad het beleidsplan vast?${bad}`));
    expectNormal(await message('help', (a) => (a.from.aadObjectId = `${a.from.aadObjectId}${bad}`)));
    expectNormal(await message('help', (a) => (a.from.id = `${a.from.id}${bad}`)));
    expectNormal(await message('help', (a) => (a.conversation.tenantId = `${a.conversation.tenantId}${bad}`)));
    expectNormal(await message('help', (a) => (a.channelData.tenant.id = `${a.channelData.tenant.id}${bad}`)));
    expectNormal(await message('help', (a) => (a.conversation.id = `${a.conversation.id}${bad}`)));
    expectNormal(await message('help', (a) => (a.channelId = `msteams${bad}`)));
    expectNormal(await message('help', (a) => (a.locale = `nl${bad}`)));
    expectNormal(await message(`mijlpaal toevoegen Hengelo: Evaluatie${bad} camerabeleid op 15-03-2027`));
  });

  it.each(BAD)('card data holding %j (intake, steering preview, upload id) never gives a 5xx', async (bad) => {
    const post = (verb: string, data: Record<string, unknown>, from = personas.adviseur) => bot.post(actionActivity(verb, data, { serviceUrl: bot.connector.url, from }));
    const intake = await post('mediation.submit', intakeInput({ partyAName: `Hendrika${bad} Kleinjan`, description: `Ruzie${bad} over de heg, al maanden lang` }));
    expectNormal(intake);
    expect(JSON.stringify(intake.body)).toMatch(/BB-\d{4}-\d{4}/);
    for (const [verb, data] of [
      ['steering.send', { programme: `buurtbemiddeling${bad}`, previewId: `p${bad}` }],
      ['summaries.addToKnowledge', { uploadId: `u${bad}` }],
      ['approval.request', { gemeente: `Hengelo${bad}`, milestoneId: `m${bad}`, note: `n${bad}` }],
      ['approval.approve', { requestId: `r${bad}`, version: 1, comment: `c${bad}` }],
    ] as const) {
      expectNormal(await post(verb, data));
    }
  });

  it('an uploaded .txt file with NUL bytes is summarised and can be added to the knowledge base', async () => {
    const attachment = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'nul.txt', content: { downloadUrl: fileUrl, uniqueId: 'nul', fileType: 'txt' } };
    const res = await message('', (a) => (a.attachments = [attachment]));
    expectNormal(res);
    const add = firstCard(res.body.activities).actions.find((a: any) => a.verb === 'summaries.addToKnowledge');
    const added = await bot.post(actionActivity('summaries.addToKnowledge', add.data, { serviceUrl: bot.connector.url, from: personas.adviseur }));
    expectNormal(added);
    expect(added.body.value).toContain('staat nu in de kennisbank');
  });

  it('an installationUpdate whose action is an object (not a string) is no internal error', async () => {
    const res = await message('', (a) => {
      a.type = 'installationUpdate';
      a.action = { toString: 'remove' };
      delete a.text;
    });
    expect(res.status).toBeLessThan(500);
    expect(bot.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('nothing above left an error in the log', () => {
    expect(bot.logs.filter((l) => (l.level as number) >= 50).map((l) => l.msg)).toEqual([]);
  });
});
