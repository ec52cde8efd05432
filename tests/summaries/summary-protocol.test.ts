import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';
import { messageActivity, personas } from '../helpers/teams-activity.js';

const NOTE = readFileSync('/work/shared/corpus/001_05e79deea0a07a60.txt', 'utf8');

async function pdfWith(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 14, size: 10, font }));
  return Buffer.from(await pdf.save());
}

function fileAttachment(name: string, url: string, fileType: string) {
  return { contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: url, uniqueId: name, fileType } };
}

const texts = (replies: SentActivity[]) => replies.map((r) => r.text ?? '').join('\n');

describe('summaries over /api/messages', () => {
  let bot: TestBot;
  let files: Server;
  let base = '';
  const served = new Map<string, Buffer>();
  const downloads: string[] = [];

  beforeAll(async () => {
    served.set('/notitie.txt', Buffer.from(NOTE, 'utf8'));
    served.set(
      '/notitie.pdf',
      await pdfWith(
        NOTE.split('\n')
          .filter((l) => /^[\x20-\x7e]*$/.test(l))
          .slice(0, 50),
      ),
    );
    served.set('/scan.pdf', await pdfWith([]));
    served.set('/groot.txt', Buffer.alloc(5000, 'a'));
    files = createServer((req, res) => {
      downloads.push(req.url ?? '');
      const body = served.get(req.url ?? '');
      res.statusCode = body ? 200 : 404;
      res.setHeader('content-type', 'application/octet-stream');
      res.end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    bot = await startTestBot({ env: { STEERING_SCHEDULE: 'off', MAX_UPLOAD_BYTES: '200000' } });
  });
  afterAll(async () => {
    await bot?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  it('summarises a text file sent in a personal chat, saying first that it is reading', async () => {
    const replies = await bot.say('', { attachments: [fileAttachment('notitie.txt', `${base}/notitie.txt`, 'txt')] });
    expect(replies[0]?.type).toBe('typing');
    expect(texts(replies)).toContain('Ik lees het document…');
    const card = firstCard(replies);
    const text = cardText(card).replace(/\\/g, '');
    for (const section of ['1. Leefbaarheid en fysieke verloedering', '2. Ondermijning', '3. Zorg, jeugd en veiligheid', '4. Crisisbeheersing']) expect(text).toContain(section);
    expect(text).toContain('Doorkijk');
    const message = replies.find((r) => r.attachments?.length)!;
    expect(message.text).toMatch(/^Bronnen: \[1\]/);
    const citations = message.entities?.[0]?.citation ?? [];
    expect(citations.length).toBeGreaterThan(3);
    expect(citations.length).toBeLessThanOrEqual(20);
    // Not stored in the knowledge base unless asked for on the card.
    const add = card.actions.find((a: any) => a.verb === 'summaries.addToKnowledge');
    expect(add.title).toBe('Toevoegen aan kennisbank');
    expect(await bot.db.query('SELECT id FROM knowledge_documents')).toHaveLength(0);
    const res = await bot.act('summaries.addToKnowledge', add.data, { from: personas.adviseur });
    expect(res.body.value).toContain('staat nu in de kennisbank');
    expect(await bot.db.query('SELECT id FROM knowledge_documents')).toHaveLength(1);
    // Someone without the adviseur or beheerder role cannot add anything (tests/security/knowledge-guard.test.ts).
    const other = await bot.act('summaries.addToKnowledge', add.data, { from: personas.burgemeester });
    expect(other.body.value.message).toContain('Alleen een adviseur of beheerder');
    expect(JSON.stringify(message).length).toBeLessThan(80_000);
  });

  it('makes the last summary shorter on "korter" and longer on "uitgebreider"', async () => {
    const words = (replies: SentActivity[]) => Number(cardText(firstCard(replies)).match(/Ongeveer (\d+) woorden/)?.[1]);
    const first = await bot.say('', { attachments: [fileAttachment('notitie.txt', `${base}/notitie.txt`, 'txt')] });
    const shorter = await bot.say('korter');
    const longer = await bot.say('uitgebreider');
    expect(words(shorter)).toBeLessThan(words(first));
    expect(words(longer)).toBeGreaterThan(words(shorter));
  });

  it('has "Korter" and "Uitgebreider" buttons that send the command as typed text (Action.Submit, as the Playground needs)', async () => {
    const words = (replies: SentActivity[]) => Number(cardText(firstCard(replies)).match(/Ongeveer (\d+) woorden/)?.[1]);
    const first = await bot.say('', { attachments: [fileAttachment('notitie.txt', `${base}/notitie.txt`, 'txt')] });
    const buttons = firstCard(first).actions.filter((a: any) => a.type === 'Action.Submit');
    expect(buttons.map((b: any) => [b.title, b.data])).toEqual([
      ['Korter', { command: 'korter' }],
      ['Uitgebreider', { command: 'uitgebreider' }],
    ]);
    const click = async (data: unknown) => (await bot.post(messageActivity('', { value: data, serviceUrl: bot.connector.url }))).body.activities as SentActivity[];
    const shorter = await click(buttons[0].data);
    expect(words(shorter)).toBeLessThan(words(first));
  });

  it('summarises a PDF', async () => {
    const replies = await bot.say('', { attachments: [fileAttachment('notitie.pdf', `${base}/notitie.pdf`, 'pdf')] });
    const text = cardText(firstCard(replies)).replace(/\\/g, '');
    expect(text).toContain('notitie.pdf');
    expect(text).toMatch(/Twenterand|buurtbemiddeling|veiligheid/i);
  });

  it('says no text could be read from an empty or image-only PDF', async () => {
    const replies = await bot.say('', { attachments: [fileAttachment('scan.pdf', `${base}/scan.pdf`, 'pdf')] });
    expect(texts(replies)).toContain('In dit bestand heb ik geen tekst gevonden');
    expect(firstCard(replies)).toBeUndefined();
  });

  it("says which files it can read when sent another type (read by the knowledge module's extractor)", async () => {
    const replies = await bot.say('', { attachments: [fileAttachment('foto.png', `${base}/notitie.txt`, 'png')] });
    expect(texts(replies)).toContain('Dit soort bestand kan ik niet lezen. Stuur een PDF, een Word-document (.docx) of een tekstbestand.');
    expect(firstCard(replies)).toBeUndefined();
  });

  it('refuses a file over the size limit', async () => {
    const big = await startTestBot({ env: { STEERING_SCHEDULE: 'off', MAX_UPLOAD_BYTES: '2048' } });
    try {
      const replies = await big.say('', { attachments: [fileAttachment('groot.txt', `${base}/groot.txt`, 'txt')] });
      expect(texts(replies)).toContain('Dit bestand is te groot (5 kB); ik lees bestanden tot 3 kB.');
    } finally {
      await big.close();
    }
  });

  it('reads files only in a personal chat', async () => {
    const replies = await bot.say('', { conversation: 'channel', from: personas.adviseur, attachments: [fileAttachment('notitie.txt', `${base}/notitie.txt`, 'txt')] });
    expect(texts(replies)).toContain('alleen in een persoonlijk gesprek');
  });

  it('answers a request for an unknown document with the closest titles', async () => {
    const replies = await bot.say('samenvatting van het jaarverslag brandweer');
    const text = cardText(firstCard(replies));
    expect(text).toContain('Ik ken geen document met de titel "het jaarverslag brandweer"');
  });

  it('offers the closest title as a button that asks for its summary as typed text (Action.Submit)', async () => {
    // One letter off is the same title (fuzzy reference); two letters off gets the suggestion.
    expect(cardText(firstCard(await bot.say('samenvatting van notitje')))).toMatch(/Doorkijk[\s\S]*2024/);
    const card = firstCard(await bot.say('samenvatting van notietje'));
    expect(cardText(card)).toContain('Bedoelt u een van deze?');
    expect(card.actions.map((a: any) => [a.type, a.title, a.data])).toEqual([['Action.Submit', 'notitie', { command: 'samenvatting van notitie' }]]);
    const clicked = await bot.post(messageActivity('', { value: card.actions[0].data, serviceUrl: bot.connector.url }));
    // The note's look ahead to 2024 is there, under the summary's own "Doorkijk".
    expect(cardText(firstCard(clicked.body.activities))).toMatch(/Doorkijk[\s\S]*2024/);
  });

  it('summarises a stored document by title (the file added above)', async () => {
    const [stored] = await bot.db.query<{ title: string }>('SELECT title FROM knowledge_documents');
    const replies = await bot.say(`samenvatting van ${stored!.title}`);
    expect(stored!.title).toBe('notitie');
    const text = cardText(firstCard(replies)).replace(/\\/g, '');
    expect(text).toContain('Buurtbemiddeling');
    expect(text).toMatch(/Doorkijk[\s\S]*2024/);
  });

  it('says there is nothing to adjust before any summary', async () => {
    const replies = await bot.say('korter', { from: personas.coordinator });
    expect(texts(replies)).toContain('Er is nog geen samenvatting');
  });
});
