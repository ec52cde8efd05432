import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { intakeInput, personalValues } from './fixtures.js';
import { COORDINATOR_CHANNEL, visibleText, action, answeredCard, countCases, errorUnder, findElement, input } from './protocol-helpers.js';

const { adviseur, coordinator } = personas;
const year = new Date().getUTCFullYear();

describe('buurtbemiddeling intake over /api/messages', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { MEDIATION_COORDINATOR_CONVERSATION_ID: COORDINATOR_CHANNEL } });
    // The coordinator spoke in the channel (so the bot knows its address) and once in a personal chat (her Teams id).
    await bot.say('help', { from: coordinator, conversation: 'channel' });
    await bot.say('statistieken buurtbemiddeling', { from: coordinator });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each(['buurtbemiddeling aanmelden', 'ik wil een burenruzie aanmelden', 'Burenconflict doorverwijzen naar buurtbemiddeling', 'Kan ik een ruzie tussen buren melden?'])(
    'opens the intake card for "%s"',
    async (text) => {
      const card = firstCard(await bot.say(text));
      expect(cardText(card)).toContain('Aanmelding buurtbemiddeling');
    },
  );

  it('does not open the intake for a question about numbers', async () => {
    const card = firstCard(await bot.say('hoeveel meldingen bij buurtbemiddeling waren er in 2023?'));
    expect(cardText(card ?? {})).not.toContain('Aanmelding buurtbemiddeling');
  });

  it('lists the intake on the help card, with the command that opens it', async () => {
    const help = firstCard(await bot.say('help'));
    expect(cardText(help)).toContain('Buurtbemiddeling aanmelden');
    const button = findElement(help, (n) => n.type === 'Action.Submit' && (n.data as any)?.command === 'buurtbemiddeling aanmelden');
    expect(button).toBeDefined();
  });

  it('validates on the client: labels, required fields, Dutch postcode regex, multi-select kinds, toggles, Action.Execute with an idempotency key', async () => {
    const card = firstCard(await bot.say('buurtbemiddeling aanmelden'));
    expect(card.version).toBe('1.5');
    const inputs = [] as any[];
    findElement(card, (n) => {
      if (String(n.type).startsWith('Input.')) inputs.push(n);
      return false;
    });
    expect(inputs.map((i) => i.id)).toEqual([
      'referrerRole',
      'referrerName',
      'referrerContact',
      'partyAName',
      'partyAAddress',
      'partyAPostcode',
      'partyAContact',
      'partyBName',
      'partyBAddress',
      'partyBPostcode',
      'partyBContact',
      'kinds',
      'duration',
      'description',
      'tried',
      'violence',
      'urgency',
      'consent',
    ]);
    for (const i of inputs) expect(i.label, i.id).toBeTruthy();
    expect(input(card, 'partyAPostcode')).toMatchObject({ isRequired: true, regex: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' });
    expect(input(card, 'partyAPostcode')!.errorMessage).toBeTruthy();
    expect(new RegExp(input(card, 'partyAContact')!.regex).test('06 12345678')).toBe(true);
    expect(new RegExp(input(card, 'partyAContact')!.regex).test('iemand@voorbeeld.nl')).toBe(true);
    expect(input(card, 'partyBName')!.isRequired).toBeUndefined();
    expect(input(card, 'kinds')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true });
    expect(input(card, 'kinds')!.choices.map((c: any) => c.value)).toEqual(['geluid', 'parkeren', 'erfgrens', 'huisdieren', 'kinderen', 'pesten', 'overig']);
    expect(input(card, 'referrerRole')!.choices.map((c: any) => c.value)).toEqual(['politie', 'woningcorporatie', 'gemeente', 'welzijn', 'bewoner']);
    expect(input(card, 'consent')).toMatchObject({ type: 'Input.Toggle', isRequired: true, valueOn: 'true' });
    expect(input(card, 'violence')).toMatchObject({ type: 'Input.Toggle' });
    expect(input(card, 'description')!.maxLength).toBe(2000);
    const submit = action(card, 'mediation.submit')!;
    expect(submit.data.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const again = firstCard(await bot.say('buurtbemiddeling aanmelden'));
    expect(action(again, 'mediation.submit')!.data.idempotencyKey).not.toBe(submit.data.idempotencyKey);
  });

  it('stores a valid referral as a case, confirms with the number only, and posts a card for the coordinators', async () => {
    const data = intakeInput();
    const card = answeredCard(await bot.act('mediation.submit', data));
    const text = visibleText(card);
    const caseNumber = text.match(/BB-\d{4}-\d{4}/)?.[0];
    expect(caseNumber).toBe(`BB-${year}-0001`);
    for (const value of personalValues) expect(text).not.toContain(value);

    const [post] = await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL);
    const posted = (post!.body.attachments as any[])[0].content;
    const postedText = visibleText(posted);
    expect(postedText).toContain(caseNumber);
    expect(postedText).toContain('Geluid, Erfgrens / tuin');
    expect(postedText).toContain('Normaal');
    for (const value of personalValues) expect(JSON.stringify(posted)).not.toContain(value);
    expect(posted.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'mediation.refresh' }, userIds: [coordinator.id] });
    // The post's activity id is stored right after the connector answered, in the same deferred work.
    await bot.settled();
    const stored = await bot.db.query<{ activity_id: string; conversation_id: string }>("SELECT activity_id, conversation_id FROM posted_cards WHERE subject LIKE 'mediation-case:%'");
    expect(stored).toEqual([{ activity_id: expect.any(String), conversation_id: COORDINATOR_CHANNEL }]);
  });

  it('turns the same submit delivered twice, in sequence and at once, into one case with the same confirmation', async () => {
    const before = await countCases(bot);
    const postsBefore = bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL).length;
    const data = intakeInput();
    const first = cardText(answeredCard(await bot.act('mediation.submit', data)));
    const second = cardText(answeredCard(await bot.act('mediation.submit', data)));
    expect(second).toBe(first);
    const concurrentData = intakeInput();
    const concurrent = await Promise.all([1, 2, 3].map(() => bot.act('mediation.submit', concurrentData)));
    const numbers = concurrent.map((r) => cardText(answeredCard(r)).match(/BB-\d{4}-\d{4}/)?.[0]);
    expect(new Set(numbers).size).toBe(1);
    expect(await countCases(bot)).toBe(before + 2);
    await bot.settled();
    expect(bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === COORDINATOR_CHANNEL)).toHaveLength(postsBefore + 2);
  });

  it('refuses postcode "12345" with the error under that field, keeps the input, stores nothing', async () => {
    const before = await countCases(bot);
    const data = intakeInput({ partyAPostcode: '12345' });
    const card = answeredCard(await bot.act('mediation.submit', data));
    expect(errorUnder(card, 'partyAPostcode')).toMatch(/postcode/i);
    expect(errorUnder(card, 'partyAName')).toBeUndefined();
    expect(input(card, 'partyAPostcode')!.value).toBe('12345');
    expect(input(card, 'partyAName')!.value).toBe(data.partyAName);
    expect(input(card, 'kinds')!.value).toBe('geluid,erfgrens');
    expect(input(card, 'consent')!.value).toBe('true');
    expect(action(card, 'mediation.submit')!.data.idempotencyKey).toBe(data.idempotencyKey);
    expect(cardText(card)).toContain('nog niet verstuurd');
    expect(await countCases(bot)).toBe(before);
  });

  it('refuses a missing consent at the consent field', async () => {
    const before = await countCases(bot);
    const card = answeredCard(await bot.act('mediation.submit', intakeInput({ consent: 'false' })));
    expect(errorUnder(card, 'consent')).toMatch(/toestemming/i);
    expect(await countCases(bot)).toBe(before);
  });

  it('refuses 20,000 characters in the description with the limit at that field', async () => {
    const before = await countCases(bot);
    const card = answeredCard(await bot.act('mediation.submit', intakeInput({ description: 'a'.repeat(20_000) })));
    expect(errorUnder(card, 'description')).toContain('2000');
    expect(await countCases(bot)).toBe(before);
  });

  it('refuses a referral with violence or threat and says where to go instead', async () => {
    const before = await countCases(bot);
    const text = cardText(answeredCard(await bot.act('mediation.submit', intakeInput({ violence: 'true' }))));
    expect(text).toContain('Niet geschikt voor buurtbemiddeling');
    expect(text).toContain('112');
    expect(text).toContain('Veilig Thuis');
    expect(text).toContain('wijkagent');
    expect(await countCases(bot)).toBe(before);
  });

  it('refuses a forged submit without an idempotency key, and a referral from another tenant', async () => {
    const before = await countCases(bot);
    const { idempotencyKey: _k, ...withoutKey } = intakeInput();
    const forged = await bot.act('mediation.submit', withoutKey);
    expect(forged.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown_action' } });
    const foreign = await bot.act('mediation.submit', intakeInput(), { tenantId: '99999999-0000-0000-0000-000000000099' });
    expect(foreign.body.value).toMatchObject({ code: 'other_tenant', message: expect.stringContaining('eigen organisatie') });
    expect(await countCases(bot)).toBe(before);
  });

  it('keeps script and markdown as text and shows it escaped to the coordinator', async () => {
    const evil = '<script>alert("x")</script> **vet** [klik](http://evil.example)';
    const confirmation = cardText(answeredCard(await bot.act('mediation.submit', intakeInput({ description: evil, partyAName: '# Kop _schuin_' }))));
    const caseNumber = confirmation.match(/BB-\d{4}-\d{4}/)![0];
    const rows = await bot.db.query<{ id: number; description: string }>(
      "SELECT c.id, p.intake->>'description' AS description FROM mediation_cases c JOIN mediation_personal_data p ON p.case_id = c.id WHERE c.case_number = $1",
      [caseNumber],
    );
    expect(rows[0]!.description).toBe(evil);
    const view = answeredCard(await bot.act('mediation.refresh', { caseId: rows[0]!.id }, { from: coordinator, trigger: 'automatic' }));
    const text = visibleText(view);
    expect(text).toContain('\\<script\\>');
    expect(text).toContain('\\*\\*vet\\*\\*');
    expect(text).toContain('\\# Kop \\_schuin\\_');
    expect(text).not.toContain('**vet**');
  });

  it('writes none of the entered personal values to the logs of a whole intake run', async () => {
    const data = intakeInput();
    await bot.say('ik wil een burenruzie aanmelden', { from: adviseur });
    answeredCard(await bot.act('mediation.submit', { ...data, partyAPostcode: '12345' }));
    const confirmation = cardText(answeredCard(await bot.act('mediation.submit', data)));
    const caseId = (await bot.db.query<{ id: number }>('SELECT id FROM mediation_cases WHERE case_number = $1', [confirmation.match(/BB-\d{4}-\d{4}/)![0]]))[0]!.id;
    // The coordinator accepts from the card posted to her channel, as she would: it is posted (and its copy kept for
    // later updates) after the answer to the submit.
    await bot.settled();
    answeredCard(await bot.act('mediation.refresh', { caseId }, { from: coordinator, trigger: 'automatic' }));
    answeredCard(await bot.act('mediation.accept', { caseId, version: 1, volunteer1: 'Vrijwilliger Anne Wolters', volunteer2: 'Vrijwilliger Bas Nijhuis' }, { from: coordinator }));
    await bot.connector.waitFor((c) => c.method === 'PUT');
    const logs = JSON.stringify(bot.logs);
    expect(bot.logs.length).toBeGreaterThan(5);
    expect(logs).toContain('mediation case referred');
    for (const value of [...personalValues, 'Anne Wolters', 'Bas Nijhuis']) expect(logs).not.toContain(value);
  });
});
