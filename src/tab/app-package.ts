import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { z } from 'zod';
import { fromRoot } from '../config/project-root.js';

/** What the Teams app package needs from the configuration. */
export interface AppPackageOptions {
  appId: string;
  publicUrl: string;
  version?: string;
  manifestDir?: string;
}

type Scope = 'personal' | 'team' | 'groupChat';
const scopes: Scope[] = ['personal', 'team', 'groupChat'];

const commandsFileSchema = z.object({
  commands: z.array(z.object({ title: z.string().min(1), description: z.string(), en: z.string(), scopes: z.array(z.enum(scopes)) })),
});
const localizationSchema = z.record(z.string(), z.string());

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The host Teams loads the tab from and sends SSO tokens for: `api://<host>/<appId>` is the token audience. */
export function publicHost(publicUrl: string): string {
  return new URL(publicUrl).host;
}

export function ssoResource(publicUrl: string, appId: string): string {
  return `api://${publicHost(publicUrl)}/${appId}`;
}

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
}

function fill(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') return node.replace(/\{\{([\w.[\]]+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  return node;
}

/** The manifest and its localization files, with ids and domain filled in. */
export function buildManifest(options: AppPackageOptions): { manifest: Record<string, any>; localization: { nl: Record<string, string>; en: Record<string, string> } } {
  if (!guid.test(options.appId)) throw new Error(`MicrosoftAppId must be a GUID to build the Teams app package, got "${options.appId}"`);
  if (!options.publicUrl.startsWith('https://')) throw new Error('PUBLIC_URL must be an https address that Teams can reach');
  const dir = options.manifestDir ?? fromRoot('manifest');
  const template = readJson(dir, 'manifest.template.json');
  const nl = localizationSchema.parse(readJson(dir, 'localization/nl.json'));
  const en = localizationSchema.parse(readJson(dir, 'localization/en.json'));
  const { commands } = commandsFileSchema.parse(readJson(dir, 'commands.json'));
  const version = options.version ?? z.object({ version: z.string() }).parse(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'))).version;

  const manifest = fill(template, { ...nl, APP_ID: options.appId, DOMAIN: publicHost(options.publicUrl), VERSION: version }) as Record<string, any>;
  // Teams expects one command list per scope; each list holds the commands valid in that scope.
  const enCommands: Record<string, string> = {};
  manifest.bots[0].commandLists = scopes.map((scope, listIndex) => {
    const inScope = commands.filter((c) => c.scopes.includes(scope));
    inScope.forEach((c, i) => {
      enCommands[`bots[0].commandLists[${listIndex}].commands[${i}].description`] = c.en;
    });
    return { scopes: [scope], commands: inScope.map(({ title, description }) => ({ title, description })) };
  });
  return { manifest, localization: { nl, en: { ...en, ...enCommands } } };
}

/** The zip to sideload in Teams: manifest.json, both icons and the localization files at the top level. */
export async function buildAppPackage(options: AppPackageOptions): Promise<Buffer> {
  const dir = options.manifestDir ?? fromRoot('manifest');
  const { manifest, localization } = buildManifest(options);
  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical for the same input.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date });
  zip.file('color.png', readFileSync(`${dir}/color.png`), { date });
  zip.file('outline.png', readFileSync(`${dir}/outline.png`), { date });
  zip.file('nl.json', JSON.stringify(localization.nl, null, 2), { date });
  zip.file('en.json', JSON.stringify(localization.en, null, 2), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
