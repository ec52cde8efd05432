import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { noPersonalDataInStoredAnswersMigration } from '../../src/store/migrations/009-no-personal-data-in-stored-answers.js';
import { startTestBotOn, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { intakeInput, personalValues } from '../mediation/fixtures.js';

// Digits alone ("7671") can turn up in ids and timestamps; names, addresses and contacts cannot.
const caseValues = [...personalValues.filter((v) => /[a-z]/i.test(v)), '06 98765432', '7671 PQ', 'Annemieke Bolhuis', 'Wouter Stegeman'];
/** Typed into an intake that was refused (no consent): never a case, so never stored anywhere. */
const refused = {
  partyAName: 'Geertruida Weggeman-Ongeldig',
  partyAAddress: 'Bolwerksweg 77',
  partyAContact: 'geertruida@voorbeeld-ongeldig.nl',
  description: 'Weigering zonder toestemming over de schutting',
};

/** Every row of every table of the bot, all columns as text, that holds `value`. */
async function whereIs(db: Db, value: string): Promise<string[]> {
  const tables = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
  const found: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE strpos(lower(t::text), lower($1)) > 0`, [value]);
    if (row!.n > 0) found.push(`${table_name} (${row!.n})`);
  }
  return found;
}

describe.each(['pglite', 'postgres'] as const)('erasing a case removes every copy of its personal data (%s)', (store) => {
  let bot: TestBot;
  let drop = async () => {};
  let caseNumber = '';

  beforeAll(async () => {
    ({ bot, drop } = await startTestBotOn(store, { env: { STEERING_SCHEDULE: 'off' } }));
    await bot.say('help', { from: personas.coordinator });
  });
  afterAll(async () => {
    await bot?.close();
    await drop();
  });

  it('migration 9 turns answers stored before it by the buurtbemiddeling cards into references', async () => {
    const stored = (text: string) => ({ status: 200, body: { value: { actions: [{ type: 'Action.Execute', verb: 'mediation.accept' }], body: [{ type: 'TextBlock', text }] } } });
    await bot.db.query("INSERT INTO processed_activities (activity_key, done, response) VALUES ('old-case-card', true, $1::jsonb), ('old-approval', true, $2::jsonb)", [
      JSON.stringify(stored('Roelof Tijhuis')),
      JSON.stringify({ status: 200, body: { value: { actions: [{ type: 'Action.Execute', verb: 'approval.approve' }] } } }),
    ]);
    await bot.db.exec(noPersonalDataInStoredAnswersMigration.sql);
    const rows = await bot.db.query<{ activity_key: string; response: any }>("SELECT activity_key, response FROM processed_activities WHERE activity_key LIKE 'old-%' ORDER BY activity_key");
    expect(rows.map((r) => [r.activity_key, r.response.rerun ?? false])).toEqual([
      ['old-approval', false],
      ['old-case-card', true],
    ]);
    expect(await whereIs(bot.db, 'Roelof Tijhuis')).toEqual([]);
    await bot.db.query("DELETE FROM processed_activities WHERE activity_key LIKE 'old-%'");
  });

  it('a refused intake leaves nothing of what was typed in the store', async () => {
    const res = await bot.act('mediation.submit', intakeInput({ ...refused, consent: 'false' }));
    expect(JSON.stringify(res.body)).toContain(refused.partyAName); // the form comes back with the input kept
    for (const value of Object.values(refused)) expect(await whereIs(bot.db, value), value).toEqual([]);
  });

  it('after "wis persoonsgegevens" no table holds a name, address, contact or text of the case', async () => {
    const submitted = await bot.act('mediation.submit', intakeInput());
    caseNumber = JSON.stringify(submitted.body).match(/BB-\d{4}-\d{4}/)![0];
    const [row] = await bot.db.query<{ id: string; version: number }>('SELECT id::text, version FROM mediation_cases WHERE case_number = $1', [caseNumber]);
    const caseId = Number(row!.id);
    // the coordinator opens the case (a card with the personal data) and accepts it with two volunteers
    const view = await bot.act('mediation.refresh', { caseId }, { from: personas.coordinator, trigger: 'automatic', id: 'view-before-erasure' });
    expect(JSON.stringify(view.body)).toContain('Kleinjan');
    const accepted = await bot.act('mediation.accept', { caseId, version: row!.version, volunteer1: 'Annemieke Bolhuis', volunteer2: 'Wouter Stegeman' }, { from: personas.coordinator });
    expect(JSON.stringify(accepted.body)).toContain('Annemieke Bolhuis');
    expect(await whereIs(bot.db, 'Kleinjan')).toEqual(['mediation_personal_data (1)']);
    // an answer stored by a version before this one, with the case card in it
    const legacy = {
      status: 200,
      body: { type: 'application/vnd.microsoft.card.adaptive', value: { body: [{ type: 'TextBlock', text: `${caseNumber}: Hendrika Kleinjan-Oosterveld, 06 98765432` }] } },
    };
    await bot.db.query("INSERT INTO processed_activities (activity_key, done, response) VALUES ('legacy-answer', true, $1::jsonb)", [JSON.stringify(legacy)]);

    const replies = await bot.say(`wis persoonsgegevens ${caseNumber}`, { from: personas.coordinator });
    expect(JSON.stringify(replies)).toContain(caseNumber);
    const left: Record<string, string[]> = {};
    for (const value of caseValues) {
      const where = await whereIs(bot.db, value);
      if (where.length) left[value] = where;
    }
    expect(left).toEqual({});
    const [kept] = await bot.db.query<{ response: unknown }>("SELECT response FROM processed_activities WHERE activity_key = 'legacy-answer'");
    expect(kept!.response).toEqual({ status: 200, rerun: true });
    // the anonymous facts stay for the statistics
    expect(await whereIs(bot.db, caseNumber)).toContain('mediation_cases (1)');
    // Teams delivers the view from before the erasure once more: it is shown as it is now
    const redelivered = await bot.act('mediation.refresh', { caseId }, { from: personas.coordinator, trigger: 'automatic', id: 'view-before-erasure' });
    expect(redelivered.status).toBe(200);
    expect(JSON.stringify(redelivered.body)).not.toContain('Kleinjan');
  });
});
