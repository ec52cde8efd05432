import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Agents Playground's own message validation, taken from its bundle: the module that defines
 * `aiEntitySchema` (citations: at most 10) and `attachmentSchema`, run with the zod 3 it was built
 * with. Its connector rejects (HTTP 400) any activity whose entities or attachments fail these.
 */
interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { message: string } };
}

let schemas: { aiEntitySchema: Schema; attachmentSchema: Schema } | undefined;

function load() {
  if (schemas) return schemas;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/m365agentsplayground/package.json'));
  const bundle = readFileSync(join(root, 'dist', 'index.js'), 'utf8');
  const at = bundle.indexOf('exports.aiEntitySchema=z.object(');
  if (at < 0) throw new Error('The Playground bundle no longer defines aiEntitySchema where expected');
  const header = 'function(__unused_webpack_module,exports,__webpack_require__){';
  const start = bundle.lastIndexOf(header, at);
  // The module ends where the next webpack module id begins.
  const end = bundle.slice(at).search(/\},\d+:(?:function|\(|module)/);
  const source = bundle.slice(start, at + end + 1);
  // zod 3 (the Playground's major version) comes with botbuilder.
  const zod = createRequire(require.resolve('botbuilder'))('zod') as unknown;
  const factory = new Function(`return (${source})`)() as (m: unknown, e: Record<string, Schema>, r: (id: number) => unknown) => void;
  const zodModule = Number(/z=__importStar\(__webpack_require__\((\d+)\)\)/.exec(source)?.[1]);
  const exported: Record<string, Schema> = {};
  const errors = new Proxy({}, { get: () => ({ message: 'invalid' }) });
  factory({}, exported, (id) => (id === zodModule ? zod : errors));
  schemas = { aiEntitySchema: exported.aiEntitySchema!, attachmentSchema: exported.attachmentSchema! };
  return schemas;
}

/** Why the Playground would refuse this outgoing activity ([] when it accepts it). */
export function playgroundRejections(activity: { entities?: unknown[]; attachments?: unknown[] }): string[] {
  const { aiEntitySchema, attachmentSchema } = load();
  const problems: string[] = [];
  for (const entity of activity.entities ?? []) {
    if ((entity as { type?: unknown }).type !== 'https://schema.org/Message') continue;
    const result = aiEntitySchema.safeParse(entity);
    if (!result.success) problems.push(`citation entity: ${result.error?.message ?? 'invalid'}`);
  }
  for (const attachment of activity.attachments ?? []) {
    const result = attachmentSchema.safeParse(attachment);
    if (!result.success) problems.push(`attachment: ${result.error?.message ?? 'invalid'}`);
  }
  return problems;
}
