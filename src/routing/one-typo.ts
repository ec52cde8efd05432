import { distance } from 'fastest-levenshtein';

/**
 * Whether two words differ by at most one typo (an edit distance of one), for words long enough to
 * carry one: "notitje" for "notitie", not "raad" for "baad". Used to find a document or milestone
 * by the words a colleague types.
 */
export function withinOneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  return distance(a, b) <= 1;
}
