import { normalizeWords } from './milestone-register.js';
import { withinOneTypo } from '../../routing/one-typo.js';

/** Words of a request that never name a milestone ("kun je de mijlpaal … naar de burgemeester sturen"). */
const noise = new Set(
  (
    'de het een van voor en in op aan naar met om te ter bij over tot als dat die dit deze er is wordt worden kan kun kunt je jij u ik we wij mij me mijn graag aub ' +
    'alsjeblieft please mijlpaal mijlpalen milestone milestones vraag vragen goedkeuring goedkeuren akkoord burgemeester mayor approval approve sign off ' +
    'verplaats verplaatsen verschuif verschuiven schuift schuif door uitstel uitstellen later eerder datum nieuwe nieuw pas aan toevoegen voeg zet planning ' +
    'the a to of for on at by move request ask send please can you stuur sturen leg voor voorleggen klaar'
  ).split(/\s+/),
);

const matches = (word: string, candidate: string) => candidate.startsWith(word) || (word.length >= 5 && candidate.startsWith(word.slice(0, -1))) || withinOneTypo(word, candidate);

/**
 * Milestones named in free text ("de evaluatie van het Damoclesbeleid schuift door naar 16 december"):
 * every milestone scored by the share of the text's content words found in its title, id or gemeente
 * (prefixes and one-letter typos count); the best ones, when at least half of the words match.
 */
export function findMilestonesInText<T extends { id: string; title: string; gemeente: string }>(milestones: readonly T[], text: string): T[] {
  const words = normalizeWords(text).filter((w) => !noise.has(w) && !/^\d+$/.test(w));
  if (words.length === 0) return [];
  const scored = milestones.map((m) => {
    const hay = normalizeWords(`${m.title} ${m.id} ${m.gemeente}`);
    const titleWords = normalizeWords(m.title).filter((w) => !noise.has(w));
    const found = words.filter((w) => hay.some((h) => matches(w, h))).length;
    const covered = titleWords.filter((t) => words.some((w) => matches(w, t))).length;
    return { m, score: found / words.length + covered / Math.max(1, titleWords.length), found };
  });
  const best = Math.max(...scored.map((s) => s.score));
  if (best < 0.5) return [];
  return scored.filter((s) => s.found > 0 && s.score >= best - 1e-9).map((s) => s.m);
}
