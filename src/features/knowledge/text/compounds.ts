import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../config/project-root.js';

let staticParts: Set<string> | undefined;

/** The built-in list of common compound tails (data/compound-parts.txt), read once. */
export function commonCompoundParts(): Set<string> {
  staticParts ??= new Set(
    readFileSync(fromRoot('src/features/knowledge/data/compound-parts.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return staticParts;
}

const linking = ['s', 'en', 'e', '-'];

/**
 * Splits a Dutch compound into head and tail when the tail is a known word
 * ("veiligheidsbeleid" → ["veiligheid", "beleid"], "buurtbemiddeling" → ["buurt", "bemiddeling"]).
 * The longest known tail wins; the head loses a linking s/en/e when that makes it a known word.
 */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>): string[] {
  if (word.length < 8 || /\d/.test(word)) return [];
  for (let i = 3; i <= word.length - 4; i += 1) {
    const tail = word.slice(i);
    if (!vocabulary.has(tail)) continue;
    const head = word.slice(0, i);
    const stripped = linking.map((l) => (head.endsWith(l) && head.length - l.length >= 3 ? head.slice(0, -l.length) : undefined)).find((h) => h && vocabulary.has(h));
    const parts = [stripped ?? head, tail].filter((p) => p.length >= 3);
    return parts;
  }
  return [];
}

/** Compound parts of every long word of a text, as extra words for the search index. */
export function compoundPartsOf(tokens: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const parts = new Set<string>();
  for (const token of new Set(tokens)) for (const part of splitCompound(token, vocabulary)) parts.add(part);
  return [...parts];
}
