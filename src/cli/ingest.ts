import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfigOrExit } from '../config/load-config.js';
import { isAppError } from '../errors/app-error.js';
import { createLogger } from '../logging/logger.js';
import { catalogue, format } from '../i18n/catalogue.js';
import { KnowledgeBase } from '../features/knowledge/knowledge-base.js';
import { formatOf } from '../documents/index.js';
import { ingestBatch, type MetadataOverrides } from '../features/knowledge/ingest.js';
import type { KnowledgeDocument } from '../features/knowledge/store/knowledge-store.js';
import { openStore } from '../store/open-store.js';

/**
 * `npm run ingest -- <files or folders>`: adds or replaces documents (unchanged files are skipped).
 * `--list` shows the stored documents, `--remove <id or file name>` deletes one.
 * Metadata: front-matter in .txt/.md, or a sidecar `<file>.yaml`; otherwise inferred and printed.
 * `--title`, `--gemeente`, `--type`, `--date` correct what was inferred (for every file named).
 */
const t = catalogue('nl');
const usage = 'Gebruik: npm run ingest -- [--title T] [--gemeente G] [--type soort] [--date jjjj-mm-dd] <bestanden of mappen> | --list | --remove <id of bestandsnaam>';
const metadataFlags = ['title', 'gemeente', 'type', 'date'] as const;

/** The metadata flags (`--gemeente Wolderveen` or `--gemeente=Wolderveen`) apart from the other arguments. */
function parseArgs(argv: readonly string[]): { args: string[]; overrides: MetadataOverrides; error?: string } {
  const args: string[] = [];
  const overrides: MetadataOverrides = {};
  for (let i = 0; i < argv.length; i += 1) {
    const m = /^--(title|gemeente|type|date)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) {
      args.push(argv[i]!);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { args, overrides, error: `--${m[1]} heeft een waarde nodig` };
    overrides[m[1] as (typeof metadataFlags)[number]] = value;
  }
  if (overrides.date && !/^\d{4}-\d{2}-\d{2}$/.test(overrides.date)) return { args, overrides, error: '--date in de vorm jjjj-mm-dd' };
  return { args, overrides };
}

const parsed = parseArgs(process.argv.slice(2));
const args = parsed.args;
const noGemeente = '(gemeente niet af te leiden uit de tekst; geef --gemeente)';

function structureLine(d: KnowledgeDocument): string {
  const s = d.structure;
  if (!s) return '';
  return `  structuur: ${s.sections} secties, ${s.tables} tabellen, ${s.rows} tabelrijen, ${s.listItems} opsommingspunten, ${s.paragraphs} alinea's${s.pages ? `, ${s.pages} pagina's` : ''}`;
}

function message(error: unknown): string {
  if (isAppError(error)) return format(t.errors[error.code], { ...error.params, ref: '-', reason: String(error.params.reason ?? error.detail ?? '') });
  return error instanceof Error ? error.message : String(error);
}

function expand(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      files.push(path);
    } else if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const full = join(path, name);
        if (statSync(full).isFile() && !/\.ya?ml$/i.test(name) && !/^readme\./i.test(name)) files.push(full);
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

function sidecarFor(file: string): Record<string, unknown> | undefined {
  for (const candidate of [`${file}.yaml`, `${file}.yml`, file.replace(/\.[^.]+$/, '.yaml'), file.replace(/\.[^.]+$/, '.yml')]) {
    if (candidate !== file && existsSync(candidate)) return parseYaml(readFileSync(candidate, 'utf8')) as Record<string, unknown>;
  }
  return undefined;
}

async function main(): Promise<number> {
  if (parsed.error) {
    console.error(`${parsed.error}\n${usage}`);
    return 1;
  }
  if (args.length === 0 || args.includes('--help')) {
    console.log(usage);
    return args.length === 0 ? 1 : 0;
  }
  const config = loadConfigOrExit();
  const log = createLogger('warn');
  let db;
  try {
    db = await openStore(config, log);
  } catch (error) {
    // With the embedded store, a running bot holds the data folder: say so instead of failing obscurely.
    console.error(message(error));
    return 2;
  }
  const kb = new KnowledgeBase(db);
  let failed = 0;
  try {
    if (args[0] === '--list') {
      const docs = await kb.listDocuments();
      if (docs.length === 0) console.log('Er zijn nog geen documenten.');
      for (const d of docs)
        console.log(`${String(d.id).padStart(4)}  ${d.gemeente ?? noGemeente} · ${d.docType} · ${d.date ?? 'datum onbekend'} · ${d.title} [${d.sourceFile}, ${d.passageCount} passages]`);
      return 0;
    }
    if (args[0] === '--remove') {
      const target = args[1];
      if (!target) {
        console.error(usage);
        return 1;
      }
      const docs = await kb.listDocuments();
      const doc = docs.find((d) => String(d.id) === target || d.sourceFile === basename(target));
      if (!doc) {
        console.error(`Geen document gevonden voor "${target}". Zie npm run ingest -- --list.`);
        return 1;
      }
      await kb.remove(doc.id);
      console.log(`Verwijderd: ${doc.title} (${doc.sourceFile})`);
      return 0;
    }
    const files = expand(args);
    const sources = files.map((file) => ({
      fileName: file,
      buffer: existsSync(file) && formatOf(file) ? new Uint8Array(readFileSync(file)) : new Uint8Array(),
      sidecar: sidecarFor(file),
      ...(Object.keys(parsed.overrides).length ? { overrides: parsed.overrides } : {}),
    }));
    const outcomes = await ingestBatch((source) => {
      if (!existsSync(source.fileName)) return Promise.reject(new Error(`${source.fileName}: bestand niet gevonden`));
      return kb.ingest(source);
    }, sources);
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        failed += 1;
        console.error(`✗ ${message(outcome.error)}`);
        continue;
      }
      const { result } = outcome;
      const d = result.document;
      const verb = { added: 'Toegevoegd', replaced: 'Vervangen', unchanged: 'Ongewijzigd' }[result.status];
      console.log(`✓ ${verb}: ${basename(outcome.fileName)} → ${d.title} · ${d.gemeente ?? noGemeente} · ${d.docType} · ${d.date ?? 'datum onbekend'} (${d.passageCount} passages)`);
      if (result.inferred.length) {
        const names: Record<string, string> = { title: 'titel', gemeente: 'gemeente', docType: 'soort', date: 'datum' };
        console.log(`  afgeleid uit de tekst: ${result.inferred.map((k) => `${names[k]} = ${String(d[k] ?? '(niet gevonden)')}`).join(', ')}`);
        console.log('  klopt iets niet? Geef het opnieuw in met --title, --gemeente, --type of --date.');
      }
      const figures = structureLine(d);
      if (figures) console.log(figures);
    }
    return failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
