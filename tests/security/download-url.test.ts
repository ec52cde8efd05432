import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { downloadPolicy } from '../../src/features/summaries/download-policy.js';
import { downloadFile } from '../../src/features/summaries/upload-reader.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';

const TEXT = `Notitie\n\n${'De raad stelt het beleidsplan veiligheid vast in maart, na het overleg met de politie. '.repeat(20)}`;
const REFUSED = 'Ik haal bestanden alleen op uit Microsoft 365 (SharePoint of OneDrive)';
const file = (url: string) => ({ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'notitie.txt', content: { downloadUrl: url, uniqueId: 'n', fileType: 'txt' } });

describe('which download URLs a file message may point to', () => {
  it('with an app id: only https on SharePoint or OneDrive hosts (configurable), never loopback', () => {
    const policy = downloadPolicy(parseConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' }));
    for (const ok of [
      'https://gemeente.sharepoint.com/sites/oov/file.docx',
      'https://gemeente-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1',
      'https://onedrive.live.com/download?cid=1',
      'https://x.sharepoint.us/a',
    ]) {
      expect(policy.allows(new URL(ok)), ok).toBe(true);
    }
    for (const bad of [
      'http://gemeente.sharepoint.com/file.docx',
      'https://sharepoint.com.evil.example/file.docx',
      'https://evilsharepoint.com/file.docx',
      'https://127.0.0.1/file.txt',
      'http://127.0.0.1:8080/file.txt',
      'http://localhost/file.txt',
      'https://169.254.169.254/latest/meta-data',
      'https://user:pass@gemeente.sharepoint.com/file.docx',
      'ftp://gemeente.sharepoint.com/file.docx',
    ]) {
      expect(policy.allows(new URL(bad)), bad).toBe(false);
    }
    const own = downloadPolicy(parseConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't', FILE_DOWNLOAD_DOMAINS: 'files.gemeente.nl' }));
    expect(own.allows(new URL('https://files.gemeente.nl/a.txt'))).toBe(true);
    expect(own.allows(new URL('https://gemeente.sharepoint.com/a.txt'))).toBe(false);
  });

  it('in local mode (no app id) loopback http is allowed too, for the Playground', () => {
    const policy = downloadPolicy(parseConfig({}));
    expect(policy.allows(new URL('http://127.0.0.1:56150/file.txt'))).toBe(true);
    expect(policy.allows(new URL('http://localhost:56150/file.txt'))).toBe(true);
    expect(policy.allows(new URL('http://[::1]:56150/file.txt'))).toBe(true);
    expect(policy.allows(new URL('http://files.example.org/file.txt'))).toBe(false);
  });
});

describe('file messages over /api/messages', () => {
  let bot: TestBot;
  let server: Server;
  let base = '';
  const hits: string[] = [];

  beforeAll(async () => {
    const redirect = (res: ServerResponse, location: string) => {
      // (restify, loaded in this process, patches writeHead: set the fields one by one)
      res.statusCode = 302;
      res.setHeader('location', location);
      res.end();
    };
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/away') redirect(res, 'https://files.example.org/stolen.txt');
      else if (req.url === '/hop') redirect(res, `${base.replace('127.0.0.1', 'localhost')}/notitie.txt`);
      else if (req.url === '/loop') redirect(res, '/loop');
      else res.end(TEXT);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bot = await startTestBot({ env: { STEERING_SCHEDULE: 'off' } });
  });
  afterAll(async () => {
    await bot?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const send = async (url: string) => JSON.stringify(await bot.say('', { from: personas.adviseur, attachments: [file(url)] }));

  it('refuses a URL on a host outside Microsoft 365, without fetching it', async () => {
    expect(await send('http://files.example.org/notitie.txt')).toContain(REFUSED);
    expect(await send('https://gemeente.sharepoint.com.files.example.org/notitie.txt')).toContain(REFUSED);
  });

  it('follows no redirect to a host outside the list', async () => {
    expect(await send(`${base}/away`)).toContain(REFUSED);
    expect(hits).toContain('/away');
  });

  it('follows a redirect that stays on allowed hosts, and gives up on a redirect loop', async () => {
    const hopped = await send(`${base}/hop`);
    expect(hopped).toContain('Bronnen: [1]');
    expect(hopped).toContain('beleidsplan veiligheid vast in maart');
    const looped = await send(`${base}/loop`);
    expect(looped).toContain('Ik kon het bestand niet ophalen');
  });

  it('keeps the size limit when reading through the policy', async () => {
    const policy = downloadPolicy(parseConfig({}));
    await expect(downloadFile(`${base}/notitie.txt`, 100, policy)).rejects.toMatchObject({ code: 'file_too_large' });
  });
});
