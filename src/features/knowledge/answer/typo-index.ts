/**
 * Finds the document word a mistyped question word meant ("buurtbemidddeling", "jongren",
 * "poltie"): candidates share trigrams with it (as pg_trgm counts them), and the closest by edit
 * distance wins — one slip for words of 4+ letters, two for words of 8+ that still share half
 * their trigrams. Built once per knowledge-base version from the stems of all passages.
 */
export class TypoIndex {
  private readonly byTrigram = new Map<string, number[]>();
  private readonly words: string[];

  constructor(
    words: Iterable<string>,
    private readonly frequency: (word: string) => number = () => 0,
  ) {
    this.words = [...words].filter((w) => w.length >= 3 && !/\d/.test(w));
    this.words.forEach((word, id) => {
      for (const t of trigrams(word)) {
        let ids = this.byTrigram.get(t);
        if (!ids) this.byTrigram.set(t, (ids = []));
        ids.push(id);
      }
    });
  }

  /** The document word meant, or undefined when none is close enough. */
  closest(word: string): string | undefined {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const own = trigrams(word);
    const shared = new Map<number, number>();
    for (const t of own) for (const id of this.byTrigram.get(t) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: { word: string; distance: number; df: number } | undefined;
    for (const [id, n] of shared) {
      if (n < 2) continue;
      const candidate = this.words[id]!;
      if (Math.abs(candidate.length - word.length) > 2) continue;
      const distance = editDistance(word, candidate, 2);
      const similarity = n / (own.size + trigrams(candidate).size - n);
      const ok = distance <= 1 || (distance === 2 && word.length >= 8 && similarity >= 0.5);
      if (!ok) continue;
      const df = this.frequency(candidate);
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { word: candidate, distance, df };
    }
    return best?.word;
  }
}

export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  return out;
}

/** Damerau-Levenshtein distance (adjacent swaps count once), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
