import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFromCard, HENGELO_PLAN } from '../approvals/approval-helpers.js';
import { intakeInput, personalValues } from '../mediation/fixtures.js';
import { answeredCard, visibleText } from '../mediation/protocol-helpers.js';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';

const STEERING_CHANNEL = '19:stuurgroep-bb-digest@thread.tacv2';
const COORDINATOR_CHANNEL = '19:coordinatoren-bb@thread.tacv2';
// A clock that runs from a fixed morning, so "coming" milestones stay ahead whatever day the test runs.
const BASE = Date.parse('2026-11-21T10:00:00Z');
const started = Date.now();
const now = () => new Date(BASE + (Date.now() - started));

const isDigest = (call: { method: string; conversationId: string; body: any }) =>
  call.method === 'POST' && call.conversationId === STEERING_CHANNEL && JSON.stringify(call.body.attachments ?? []).includes('Update stuurgroep buurtbemiddeling');

describe('the steering-group digest from the real modules', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ now, env: { STEERING_SCHEDULE: 'off', MEDIATION_COORDINATOR_CONVERSATION_ID: COORDINATOR_CHANNEL } });
    await bot.say('help', { from: personas.coordinator, conversation: 'channel', conversationId: COORDINATOR_CHANNEL });
    await bot.say('help', { from: personas.burgemeester });
    await bot.say('help', { from: personas.adviseur });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('shows the milestones, the waiting approval, the mediation figures and the new status note, without personal data', async () => {
    const registered = await bot.say('registreer dit kanaal als stuurgroep buurtbemiddeling', { from: personas.adviseur, conversation: 'channel', conversationId: STEERING_CHANNEL });
    expect(registered[0]?.text).toContain('stuurgroep buurtbemiddeling');

    // An approval request made through the approvals feature, and one buurtbemiddeling intake with personal data.
    const request = await requestFromCard(bot, HENGELO_PLAN);
    expect(request.status).toBe('requested');
    const intake = visibleText(answeredCard(await bot.act('mediation.submit', intakeInput())));
    expect(intake).toMatch(/BB-\d{4}-\d{4}/);
    // A status note added to the knowledge base after the previous update (there was none).
    await bot.knowledge.ingest({ fileName: '001_stand-van-zaken.txt', buffer: readFileSync('src/content/corpus/001_05e79deea0a07a60.txt') });
    // The database stamps it with the wall clock; put it on the bot's clock, which this test runs from a fixed day.
    await bot.db.query('UPDATE knowledge_documents SET ingested_at = $1', [now()]);
    // The note is written this month; an old note (the 2024 raadsbrief) loaded now is no news for the steering group.
    await bot.db.query("UPDATE knowledge_documents SET doc_date = '2026-11-15'");
    await bot.knowledge.ingest({ fileName: '000_raadsbrief.txt', buffer: readFileSync('src/content/corpus/000_55b5a0dbcbfe059d.txt') });
    await bot.db.query("UPDATE knowledge_documents SET ingested_at = $1 WHERE source_file LIKE '%000_raadsbrief.txt'", [now()]);

    const preview = firstCard(await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur }));
    expect(cardText(preview)).not.toContain('Nog niet gekoppeld');
    const send = preview.actions.find((a: any) => a.verb === 'steering.send');
    expect((await bot.act('steering.send', send.data, { from: personas.adviseur })).status).toBe(200);
    const [post] = await bot.connector.waitFor(isDigest, 1);
    // The post is done when the group knows it was updated: the next update starts from there.
    await bot.settled();
    const card = (post!.body.attachments as any[])[0].content;
    const text = visibleText(card);

    // Milestones reached and coming: the requested Hengelo plan is still ahead (15 December 2026).
    expect(text).toContain('Mijlpalen bereikt');
    expect(text).toMatch(/Komende mijlpalen\n(?:.*\n)*?• 15 december 2026: Uitvoeringsplan veiligheid 2027 \(Hengelo\)/);
    // The waiting approval, with its gemeente and the day it was asked.
    expect(text).toContain('Wacht op goedkeuring\n• Uitvoeringsplan veiligheid 2027 (Hengelo), aangevraagd op 21 november 2026');
    // The buurtbemiddeling figures: counted, never named.
    expect(text).toContain('Buurtbemiddeling in cijfers (zonder persoonsgegevens)');
    expect(text).toMatch(/Aantal aanmeldingen[^:\n]*: 1\b/);
    // The new status note, summarised in sentences of its own.
    expect(text).toContain('Nieuwe stand-van-zakennotities');
    expect(text).toContain('Stand van zaken notitie openbare orde en veiligheid: Terugblik 2023');
    expect(text).not.toContain('Stand van zaken notitie Openbare Orde en Veiligheid 2023');
    // The note's lines are whole sentences, never cut off.
    const notes = text.slice(text.indexOf('Nieuwe stand-van-zakennotities'));
    for (const line of notes.split('\n').filter((l) => l.startsWith('• '))) expect(line, line).toMatch(/[.!?]["”’)]?$/);
    // A single case is one "zaak", and a lead time of zero days reads as words, not "0 dagen (mediaan)".
    expect(text).not.toMatch(/\b1 zaken\b|0 dagen \(mediaan\)|0 gemiddeld/);
    // A new post in the channel, not a reply under the registration message.
    expect(post!.newConversation).toBe(true);
    expect(text).toContain('Verstuurd op verzoek van Sanne de Vries');
    expect(text).not.toContain('Nog niet gekoppeld');

    const everything = JSON.stringify(post!.body);
    for (const value of personalValues) expect(everything).not.toContain(value);
    expect(everything).not.toContain(intake.match(/BB-\d{4}-\d{4}/)![0]);
  });

  it('an approved request moves to "reached" and leaves "waiting"; the next update only shows notes added since', async () => {
    const [request] = await bot.db.query<{ id: string; version: number }>("SELECT id, version FROM approval_requests WHERE status = 'requested'");
    const decided = await bot.act('approval.approve', { requestId: request!.id, version: request!.version }, { from: personas.burgemeester });
    expect(decided.status).toBe(200);

    const before = bot.connector.calls.filter(isDigest).length;
    const preview = firstCard(await bot.say('stuur een update naar de stuurgroep buurtbemiddeling', { from: personas.adviseur }));
    const send = preview.actions.find((a: any) => a.verb === 'steering.send');
    await bot.act('steering.send', send.data, { from: personas.adviseur });
    const posts = await bot.connector.waitFor(isDigest, before + 1);
    const text = visibleText((posts[posts.length - 1]!.body.attachments as any[])[0].content);
    // The milestone's own date stays its planned day; the approval day is said as such.
    expect(text).toMatch(/Mijlpalen bereikt\n• Uitvoeringsplan veiligheid 2027 \(Hengelo\): goedgekeurd op 21 november 2026 \(gepland voor 15 december 2026\)/);
    expect(text).toMatch(/Wacht op goedkeuring\nGeen\./);
    expect(text).toMatch(/Nieuwe stand-van-zakennotities\nGeen\./);
  });
});
