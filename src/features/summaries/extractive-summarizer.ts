import { normalizeSpace, wordCount } from '../../documents/index.js';
import { figuresIn, isForwardLooking, isKeyFigure, presentYearOf } from './figures.js';
import { shorten } from './shorten.js';
import type { Summarizer, Summary, SummaryCitation, SummaryDocument, SummaryLine, SummaryOptions } from './summary-types.js';

export const DEFAULT_SUMMARY_WORDS = 250;
const MAX_CITATIONS = 20; // Teams shows at most 20 citations per message
const MAX_FIGURES = 5;
const MAX_BULLETS_PER_SECTION = 4;
const MIN_BULLET_WORDS = 10;
const MAX_BULLET_WORDS = 30;

const stopwords = new Set(
  'aan als bij dat de den der des deze die dit door een en er had heb heeft hem het hier hij hoe hun ik in is je kan kon maar me met mij na naar niet nog nu of om omdat ons ook op over te tot uit van veel voor want was wat we wel werd wij worden wordt zal ze zelf zich zij zijn zo zoals zullen dan daar deze dus ieder geen hebben hadden meer moet onder tegen toch waren waar wie wordt binnen sinds tussen gaat gaan alle andere onze hierin hierbij daarnaast tevens the and for with that this from are was were have has will'.split(' '),
);

// Sentences that start by pointing back ("Deze", "Daarnaast") read badly on their own.
const leansOnContext = /^(deze|dit|die|daarnaast|daarbij|hierna|hierbij|hiervoor|tevens|ook|verder|deelnemers van deze|net als)\b/i;

interface Candidate {
  section: number;
  text: string;
  score: number;
  order: number;
  forward: boolean;
  forwardScore: number;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-zà-ÿ]{4,}/g) ?? []).filter((w) => !stopwords.has(w));
}

function usable(sentence: string): boolean {
  const words = wordCount(sentence);
  if (words < 5 || /https?:\/\/|www\./i.test(sentence)) return false;
  const letters = (sentence.match(/[A-Za-zÀ-ÿ]/g) ?? []).length;
  return letters / sentence.length > 0.6;
}


function candidatesOf(document: SummaryDocument): Candidate[][] {
  const futureYear = presentYearOf(document.sections.map((s) => s.text).join('\n'));
  return document.sections.map((section, sectionIndex) => {
    const frequency = new Map<string, number>();
    for (const w of contentWords(section.text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const out: Candidate[] = [];
    let order = 0;
    const outlookSection = /doorkijk|vervolg|planning|vooruitblik/i.test(section.title);
    // Table rows are facts to look up, not sentences to summarise with.
    for (const paragraph of section.paragraphs.filter((p) => p.kind !== 'table-row')) {
      paragraph.sentences.forEach((sentence, indexInParagraph) => {
        order += 1;
        if (!usable(sentence)) return;
        const unique = [...new Set(contentWords(sentence))];
        const weight = unique.reduce((sum, w) => sum + Math.log(1 + (frequency.get(w) ?? 0)), 0) / Math.sqrt(Math.max(8, wordCount(sentence)));
        const hasFigure = figuresIn(sentence).some((f) => isKeyFigure(f.text));
        const forward = isForwardLooking(sentence, futureYear);
        const forwardScore =
          (outlookSection ? 3 : 0) +
          (futureYear && new RegExp(`\\b${futureYear}\\b`).test(sentence) ? 2 : 0) +
          (/\b(zal|zullen|gaan|gaat|planning|gepland|verwacht|volgt|start)\b/i.test(sentence) ? 2 : 0) +
          (/\b(wordt|worden)\b/i.test(sentence) ? 0.5 : 0);
        out.push({ section: sectionIndex, text: sentence, order, forward, forwardScore, score:
            weight +
            (indexInParagraph === 0 ? (paragraph.afterHeading ? 1.5 : 0.3) : 0) +
            (hasFigure ? 0.4 : 0) -
            (leansOnContext.test(sentence) ? 0.6 : 0) -
            (wordCount(sentence) > MAX_BULLET_WORDS ? 0.4 : 0) -
            order * 0.01,
        });
      });
    }
    return out;
  });
}

/**
 * Fair shares of the word budget: every section gets an equal share, and what a short section
 * does not need goes to the others (water-filling), so a long first section cannot crowd out the last.
 */
function shares(demands: number[], budget: number): number[] {
  const result = demands.map(() => 0);
  let open = demands.map((_, i) => i).filter((i) => demands[i]! > 0);
  let left = budget;
  while (open.length > 0 && left > 0) {
    const share = Math.floor(left / open.length);
    if (share <= 0) break;
    const satisfied = open.filter((i) => demands[i]! - result[i]! <= share);
    if (satisfied.length === 0) {
      for (const i of open) result[i]! += share, (left -= share);
      break;
    }
    for (const i of satisfied) {
      left -= demands[i]! - result[i]!;
      result[i] = demands[i]!;
    }
    open = open.filter((i) => !satisfied.includes(i));
  }
  return result;
}

/**
 * The offline summary: chosen and shortened sentences of the document itself, never new text.
 * Each section gets bullets within its fair share of the budget, the key figures are listed as
 * written, and forward-looking sentences form the "doorkijk".
 */
export function summarizeExtractive(document: SummaryDocument, options: Partial<SummaryOptions> = {}): Summary {
  const budget = Math.max(60, options.words ?? DEFAULT_SUMMARY_WORDS);
  const perSection = candidatesOf(document);
  const outlookBudget = Math.round(budget * 0.15);
  const figuresBudget = Math.round(budget * 0.12);
  const sectionsBudget = budget - outlookBudget - figuresBudget;

  // Outlook first, so its sentences are not also used as bullets.
  const outlookPicks: Candidate[] = [];
  let outlookWords = 0;
  // A section with a single usable sentence keeps it as its bullet rather than lend it to the outlook.
  const forwardCandidates = perSection
    .flat()
    .filter((c) => c.forward && perSection[c.section]!.length > 1)
    .sort((a, b) => b.forwardScore - a.forwardScore || b.score - a.score);
  for (const c of forwardCandidates) {
    const text = shorten(c.text, Math.min(MAX_BULLET_WORDS, Math.max(MIN_BULLET_WORDS, outlookBudget - outlookWords)));
    if (outlookPicks.length > 0 && outlookWords + wordCount(text) > outlookBudget) continue;
    outlookPicks.push({ ...c, text });
    outlookWords += wordCount(text);
    if (outlookWords >= outlookBudget - 5 || outlookPicks.length >= 3) break;
  }
  const usedForOutlook = new Set(outlookPicks.map((c) => `${c.section}:${c.order}`));

  const ranked = perSection.map((list) => list.filter((c) => !usedForOutlook.has(`${c.section}:${c.order}`)).sort((a, b) => b.score - a.score));
  const demand = ranked.map((list) => list.slice(0, MAX_BULLETS_PER_SECTION).reduce((sum, c) => sum + Math.min(MAX_BULLET_WORDS, wordCount(c.text)), 0));
  const allowance = shares(demand, sectionsBudget);

  const chosen: Candidate[][] = ranked.map((list, i) => {
    const picks: Candidate[] = [];
    let used = 0;
    const share = allowance[i]!;
    for (const c of list) {
      if (picks.length >= MAX_BULLETS_PER_SECTION) break;
      const room = share - used;
      if (picks.length > 0 && room < MIN_BULLET_WORDS) break;
      const text = shorten(c.text, Math.max(MIN_BULLET_WORDS, Math.min(MAX_BULLET_WORDS, room)));
      if (picks.length > 0 && wordCount(text) > room) continue;
      picks.push({ ...c, text });
      used += wordCount(text);
    }
    return picks.sort((a, b) => a.order - b.order);
  });

  // Citations: one per section used, in document order, pointing at the passages taken from it.
  const citations: SummaryCitation[] = [];
  const citationOf = new Map<number, number>();
  const citeSection = (section: number, passage: string): number => {
    const existing = citationOf.get(section);
    if (existing !== undefined) return existing;
    if (citations.length >= MAX_CITATIONS) return 0;
    const position = citations.length + 1;
    citations.push({ position, documentTitle: document.title, sectionTitle: document.sections[section]!.title, passage, section });
    citationOf.set(section, position);
    return position;
  };
  const sources = new Map<string, string>();
  for (const list of perSection) for (const c of list) sources.set(`${c.section}:${c.order}`, c.text);
  const lineOf = (c: Candidate): SummaryLine => ({ text: c.text, citation: citeSection(c.section, sources.get(`${c.section}:${c.order}`) ?? c.text) });

  const sections = chosen.map((picks, i) => ({ title: document.sections[i]!.title, bullets: picks.map(lineOf) })).filter((s) => s.bullets.length > 0);
  const outlook = outlookPicks.map(lineOf);

  // Key figures not already shown in a bullet, with the words around them from the same sentence.
  const shownText = normalizeSpace([...sections.flatMap((s) => s.bullets.map((b) => b.text)), ...outlook.map((o) => o.text)].join(' '));
  const figures: Summary['figures'] = [];
  let figureWords = 0;
  const byScore = perSection.flat().sort((a, b) => b.score - a.score);
  for (const c of byScore) {
    for (const f of figuresIn(c.text)) {
      if (!isKeyFigure(f.text) || /^(19|20)\d\d$/.test(f.text) || shownText.includes(f.text) || figures.some((x) => x.figure === f.text)) continue;
      const context = shorten(c.text, 12);
      if (!context.includes(f.text)) continue;
      if (figureWords + wordCount(context) > figuresBudget && figures.length > 0) continue;
      figures.push({ figure: f.text, context, citation: citeSection(c.section, c.text) });
      figureWords += wordCount(context);
    }
    if (figures.length >= MAX_FIGURES || figureWords >= figuresBudget) break;
  }

  const words = sections.reduce((sum, s) => sum + s.bullets.reduce((n, b) => n + wordCount(b.text), 0), 0) + outlook.reduce((n, o) => n + wordCount(o.text), 0) + figureWords;
  citations.sort((a, b) => a.position - b.position);
  return { title: document.title, sections, figures, outlook, citations, words, kind: 'extractive' };
}

export const extractiveSummarizer: Summarizer = {
  summarize: async (document, options) => summarizeExtractive(document, options),
};
