import { parse as parseYaml } from 'yaml';

/** YAML front matter at the top of a text or Markdown file, and the body after it. */
export function splitFrontMatter(source: string): { body: string; frontMatter?: Record<string, unknown> } {
  const match = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { body: source };
  const parsed: unknown = parseYaml(match[1]!);
  return { body: source.slice(match[0].length), frontMatter: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined };
}
