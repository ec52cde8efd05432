import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/config/project-root.js';
import { buildAppPackage, buildManifest } from '../../src/tab/app-package.js';

const require = createRequire(import.meta.url);
// CommonJS packages: Node's ESM loader and vitest disagree on where the default export sits.
const Ajv = ((AjvDraft04 as any).default ?? AjvDraft04) as typeof AjvDraft04.default;
const addFormats = ((ajvFormats as any).default ?? ajvFormats) as typeof ajvFormats.default;
const schemaDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams/v1.30');
const appId = '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b';
const publicUrl = 'https://veiligheidsbot.example.nl';

function validator(file: string) {
  // The bundled Teams schemas are draft-04, the dialect @microsoft/app-manifest validates with itself.
  // unicodeRegExp off: the localization schema has patterns (`\b]`) that only parse without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
}

function png(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

describe('Teams app package', () => {
  it('builds a manifest that validates against the bundled v1.30 schema', () => {
    const { manifest } = buildManifest({ appId, publicUrl });
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest.manifestVersion).toBe('1.30');
  });

  it('fills ids and domain from the configuration and declares bot, tab and SSO as Teams needs them', () => {
    const { manifest } = buildManifest({ appId, publicUrl });
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(manifest.id).toBe(appId);
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(appId);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(true);
    expect(bot.commandLists.map((l: any) => l.scopes[0]).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(12);
    const personal = bot.commandLists.find((l: any) => l.scopes[0] === 'personal').commands.map((c: any) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['help', 'Wat zijn de huidige prioriteiten?', 'Welke mijlpalen komen eraan?', 'buurtbemiddeling aanmelden', 'Wat wacht op mijn goedkeuring?']));
    expect(manifest.staticTabs[0].name).toBe('Veiligheid');
    expect(manifest.staticTabs[0].contentUrl).toMatch(/^https:\/\/veiligheidsbot\.example\.nl\/tab\//);
    expect(manifest.validDomains).toEqual(['veiligheidsbot.example.nl']);
    expect(manifest.webApplicationInfo).toEqual({ id: appId, resource: `api://veiligheidsbot.example.nl/${appId}` });
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('nl-NL');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
  });

  it('has Dutch and English localization files that validate against the localization schema', () => {
    const { localization } = buildManifest({ appId, publicUrl });
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    for (const file of [localization.nl, localization.en]) expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(localization.en['name.full']).toMatch(/Public Order and Safety/);
    expect(localization.nl['name.full']).toMatch(/Openbare Orde en Veiligheid/);
  });

  it('refuses an app id that is not a GUID and a non-https address', () => {
    expect(() => buildManifest({ appId: 'not-a-guid', publicUrl })).toThrow(/GUID/);
    expect(() => buildManifest({ appId, publicUrl: 'http://localhost:3978' })).toThrow(/https/);
  });

  it('zips manifest, icons and localization files; the icons have the sizes and colours Teams requires', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage({ appId, publicUrl }));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nl.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });

    const color = png(await zip.file('color.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);

    const outline = png(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else if (a === 255 && r === 255 && g === 255 && b === 255) white++;
    }
    expect(white + transparent).toBe(32 * 32);
    expect(white).toBeGreaterThan(30);
    expect(transparent).toBeGreaterThan(30);
  });
});

describe('npm run package', () => {
  /** The command as `npm run package` runs it (from source here), with only the given variables. */
  function packageWith(env: Record<string, string>) {
    return spawnSync(process.execPath, ['--import', 'tsx', fromRoot('src/cli/package-app.ts')], {
      cwd: fromRoot(),
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('builds the package from the app id and public URL alone: no secret, no tenant', () => {
    const run = packageWith({ MicrosoftAppId: appId, PUBLIC_URL: publicUrl });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Teams app package written to .*veiligheidsbot-teams-app\.zip/);
  });

  it('names the missing variable and the fix in one line', () => {
    const run = packageWith({ MicrosoftAppId: appId });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^Configuration error: PUBLIC_URL is missing; use the https address where Teams reaches this bot/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
