import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';

const CHANNEL = '19:stuurgroep-buurtbemiddeling@thread.tacv2';
const isDigest = (call: { method: string; conversationId: string; body: any }) =>
  call.method === 'POST' && call.conversationId === CHANNEL && JSON.stringify(call.body.attachments ?? []).includes('Update stuurgroep buurtbemiddeling');

describe('steering group over /api/messages', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { STEERING_SCHEDULE: 'off' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('refuses a registration by someone without the beheerder or adviseur role', async () => {
    const replies = await bot.say('registreer dit kanaal als stuurgroep buurtbemiddeling', { from: personas.burgemeester, conversation: 'channel' });
    expect(replies.map((r) => r.text ?? cardText(firstCard([r]))).join('\n')).toContain('Alleen een beheerder of adviseur OOV');
    const rows = await bot.db.query('SELECT * FROM steering_groups');
    expect(rows).toHaveLength(0);
  });

  it('asks for a channel or group chat when someone registers in a personal chat', async () => {
    const replies = await bot.say('registreer dit kanaal als stuurgroep buurtbemiddeling', { from: personas.adviseur });
    expect(replies[0]?.text).toContain('niet in een persoonlijk gesprek');
  });

  it('registers the channel for the adviseur', async () => {
    const replies = await bot.say('Registreer dit kanaal als stuurgroep Buurtbemiddeling', { from: personas.adviseur, conversation: 'channel' });
    expect(replies[0]?.text).toBe('Dit gesprek is nu de stuurgroep buurtbemiddeling. Updates voor de stuurgroep komen hier terecht.');
    const rows = await bot.db.query<{ conversation_id: string; programme: string }>('SELECT conversation_id, programme FROM steering_groups');
    expect(rows).toEqual([{ conversation_id: CHANNEL, programme: 'buurtbemiddeling' }]);
  });

  it('accepts a group chat too, one steering group per programme (it moves)', async () => {
    const replies = await bot.say('registreer dit groepsgesprek als stuurgroep jeugdoverlast', { from: personas.adviseur, conversation: 'groupChat' });
    expect(replies[0]?.text).toContain('stuurgroep jeugdoverlast');
    const moved = await bot.say('registreer dit kanaal als stuurgroep jeugdoverlast', { from: personas.adviseur, conversation: 'channel', conversationId: '19:ander-kanaal@thread.tacv2' });
    expect(moved[0]?.text).toContain('verplaatst');
    const rows = await bot.db.query('SELECT * FROM steering_groups WHERE programme = $1', ['jeugdoverlast']);
    expect(rows).toHaveLength(1);
  });

  it('previews an update, and "Versturen" posts exactly one digest card to the registered channel', async () => {
    const replies = await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur });
    const preview = firstCard(replies);
    const text = cardText(preview);
    expect(text).toContain('Voorbeeld van de update voor de stuurgroep buurtbemiddeling');
    expect(text).toContain('Buurtbemiddeling in cijfers');
    for (const part of ['Mijlpalen bereikt', 'Komende mijlpalen', 'Wacht op goedkeuring', 'Nieuwe stand-van-zakennotities']) expect(text).toContain(part);
    expect(text).not.toContain('Nog niet gekoppeld');
    const send = preview.actions.find((a: any) => a.verb === 'steering.send');
    expect(send.title).toBe('Versturen');
    expect(preview.actions.find((a: any) => a.verb === 'steering.cancel')?.title).toBe('Annuleren');
    expect(bot.connector.calls.filter(isDigest)).toHaveLength(0);

    const res = await bot.act('steering.send', send.data, { from: personas.adviseur });
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toContain('wordt verstuurd');
    const [digest] = await bot.connector.waitFor(isDigest, 1);
    expect(cardText(digest!.body.attachments as any)).toContain('Verstuurd op verzoek van Sanne de Vries');

    // A second click on the same preview does not post again.
    const again = await bot.act('steering.send', send.data, { from: personas.adviseur });
    expect(cardText(again.body.value)).toContain('al verstuurd');
    await bot.settled();
    expect(bot.connector.calls.filter(isDigest)).toHaveLength(1);
  });

  it('does not let someone without the role send through the card', async () => {
    const replies = await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur });
    const send = firstCard(replies).actions.find((a: any) => a.verb === 'steering.send');
    const res = await bot.act('steering.send', send.data, { from: personas.stuurgroep });
    expect(res.body.type).toBe('application/vnd.microsoft.error');
    expect(JSON.stringify(res.body)).toContain('Alleen een beheerder of adviseur OOV');
  });

  it('says how to register when the steering group is unknown', async () => {
    const replies = await bot.say('stuur een update naar de stuurgroep cameratoezicht', { from: personas.adviseur });
    expect(replies.map((r) => r.text).join('\n')).toContain('registreer dit kanaal als stuurgroep cameratoezicht');
  });

  it('retries a throttled post (429 with Retry-After) and still delivers one digest', async () => {
    const before = bot.connector.calls.filter(isDigest).length;
    const replies = await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur });
    const send = firstCard(replies).actions.find((a: any) => a.verb === 'steering.send');
    // botbuilder itself retries some statuses up to 3 times; 5 failures get past it to our wrapper.
    const refusedBefore = bot.connector.refused.length;
    bot.connector.failNext(5, 429, { 'Retry-After': '0' });
    await bot.act('steering.send', send.data, { from: personas.adviseur });
    await bot.settled();
    expect(bot.connector.refused.slice(refusedBefore).map((c) => c.status)).toEqual([429, 429, 429, 429, 429]);
    expect(bot.connector.calls.filter(isDigest)).toHaveLength(before + 1);
  });

  it('marks the channel inactive when Teams answers 404 (the bot was removed), without retrying', async () => {
    const before = bot.connector.calls.length;
    const replies = await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur });
    const send = firstCard(replies).actions.find((a: any) => a.verb === 'steering.send');
    const refusedBefore = bot.connector.refused.length;
    bot.connector.failNext(1, 404);
    await bot.act('steering.send', send.data, { from: personas.adviseur });
    await bot.settled();
    expect(bot.logs.some((l) => l.msg === 'conversation gone: marked inactive')).toBe(true);
    expect((await bot.core.conversations.find(CHANNEL))?.active).toBe(false);
    expect(bot.connector.calls.length).toBe(before);
    expect(bot.connector.refused.slice(refusedBefore).map((c) => c.status)).toEqual([404]);
  });
});
