import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/config/project-root.js';

interface Import {
  file: string;
  /** A package name, or a path relative to the project root for a relative import. */
  target: string;
  statement: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every static and dynamic import of every file under src/, relative ones resolved from the project root. */
function imports(): Import[] {
  const root = fromRoot();
  const found: Import[] = [];
  for (const path of sourceFiles(fromRoot('src'))) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|import\('([^']+)'\)/gms)) {
      const spec = (m[1] ?? m[2])!;
      const target = spec.startsWith('.') ? relative(root, join(dirname(path), spec)) : spec;
      found.push({ file, target, statement: m[0].trim().replace(/\s+/g, ' ') });
    }
  }
  return found;
}

const packageOf = (target: string) => (target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!);
const under = (file: string, ...dirs: string[]) => dirs.some((d) => file.startsWith(`src/${d}/`));
const shown = (list: Import[]) => list.map((i) => `${i.file}: ${i.statement}`);

/** The team's rule: domain at the centre, Teams at the edge (README, Architecture). */
describe('import boundaries', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.filter((i) => i.file === 'src/app/build-app.ts').map((i) => i.target)).toContain('restify');
  });

  it('botbuilder stays in src/teams/ (the app wires the adapter; the bench has a bare echo bot)', () => {
    const botbuilder = all.filter((i) => /^(botbuilder|botframework-)/.test(packageOf(i.target)));
    expect(shown(botbuilder.filter((i) => !under(i.file, 'teams', 'app', 'cli/bench')))).toEqual([]);
  });

  it('restify stays at the HTTP edge (the app and the tab routes; the bench has a bare echo bot)', () => {
    const restify = all.filter((i) => packageOf(i.target) === 'restify');
    expect(shown(restify.filter((i) => !under(i.file, 'app', 'tab', 'cli/bench')))).toEqual([]);
  });

  it('openai stays in the LLM feature', () => {
    const openai = all.filter((i) => packageOf(i.target) === 'openai');
    expect(shown(openai.filter((i) => !under(i.file, 'features/llm')))).toEqual([]);
  });

  it('nothing runs back up into src/app/: the composition root builds the features, never the other way round (issue 18)', () => {
    // The features' contract (Core) lives beside the features, so even a type import into src/app/ is an arrow too many.
    expect(all.some((i) => under(i.file, 'features', 'tab') && i.target === 'src/features/feature-context.js')).toBe(true);
    const intoApp = all.filter((i) => i.target.startsWith('src/app/') && !under(i.file, 'app', 'cli'));
    expect(shown(intoApp)).toEqual([]);
  });
});
