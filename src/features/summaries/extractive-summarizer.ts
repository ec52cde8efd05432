import { normalizeSpace, wordCount } from '../../documents/index.js';
import { figuresIn, isForwardLooking, isKeyFigure, presentYearOf } from './figures.js';
import { readableSentence } from './sentence-quality.js';
import type { Summarizer, Summary, SummaryCitation, SummaryDocument, SummaryLine, SummaryOptions } from './summary-types.js';

export const DEFAULT_SUMMARY_WORDS = 250;
/** The Agents Playground accepts at most 10 citations per message (Teams 20): a summary cites at most 10 parts. */
export const MAX_SUMMARY_CITATIONS = 10;
const MAX_FIGURES = 4;
const MAX_SENTENCES_PER_THEME = 2;

const stopwords = new Set(
  'aan als bij dat de den der des deze die dit door een en er had heb heeft hem het hier hij hoe hun ik in is je kan kon maar me met mij na naar niet nog nu of om omdat ons ook op over te tot uit van veel voor want was wat we wel werd wij worden wordt zal ze zelf zich zij zijn zo zoals zullen dan daar deze dus ieder geen hebben hadden meer moet onder tegen toch waren waar wie wordt binnen sinds tussen gaat gaan alle andere onze hierin hierbij daarnaast tevens the and for with that this from are was were have has will'.split(
    ' ',
  ),
);

// Parts of a document that hold references, not content.
const notContent = /^(meer informatie|bijlagen?|bronnen|bronvermelding|contact(gegevens)?|inhoud(sopgave)?|colofon|literatuur)\b/i;

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

function candidatesOf(document: SummaryDocument): Candidate[][] {
  const futureYear = presentYearOf(document.sections.map((s) => s.text).join('\n'));
  return document.sections.map((section, sectionIndex) => {
    if (notContent.test(section.title.replace(/^\d+[.)]?\s*/, ''))) return [];
    const frequency = new Map<string, number>();
    for (const w of contentWords(section.text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const out: Candidate[] = [];
    let order = 0;
    const outlookSection = /doorkijk|vervolg|planning|vooruitblik/i.test(section.title);
    // Table rows are facts to look up, not sentences to summarise with.
    for (const paragraph of section.paragraphs.filter((p) => p.kind !== 'table-row')) {
      paragraph.sentences.forEach((raw, indexInParagraph) => {
        order += 1;
        const sentence = readableSentence(raw, { documentTitle: document.title, sectionTitle: section.title });
        if (!sentence) return;
        const unique = [...new Set(contentWords(sentence))];
        const weight = unique.reduce((sum, w) => sum + Math.log(1 + (frequency.get(w) ?? 0)), 0) / Math.sqrt(Math.max(8, wordCount(sentence)));
        const hasFigure = figuresIn(sentence).some((f) => isKeyFigure(f.text) && !isDateOrYear(f.text));
        const forward = isForwardLooking(sentence, futureYear);
        const forwardScore =
          (outlookSection ? 3 : 0) +
          (futureYear && new RegExp(`\\b${futureYear}\\b`).test(sentence) ? 2 : 0) +
          (/\b(zal|zullen|gaan|gaat|planning|gepland|verwacht|volgt|start)\b/i.test(sentence) ? 2 : 0) +
          (/\b(wordt|worden)\b/i.test(sentence) ? 0.5 : 0);
        out.push({
          section: sectionIndex,
          text: sentence,
          order,
          forward,
          forwardScore,
          score: weight + (indexInParagraph === 0 ? (paragraph.afterHeading ? 1.5 : 0.3) : 0) + (hasFigure ? 0.6 : 0) - (wordCount(sentence) > 30 ? 0.4 : 0) - order * 0.01,
        });
      });
    }
    return out;
  });
}

const months = /januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december/i;
/** Dates and bare years are not "key figures": the figures list holds amounts, counts and percentages. */
function isDateOrYear(figure: string): boolean {
  return months.test(figure) || /^(19|20)\d\d$/.test(figure) || /^(19|20)\d\d\s?[-–]\s?(19|20)\d\d$/.test(figure);
}

/**
 * The offline summary: whole sentences of the document itself, never cut and never new text.
 * Per theme (section) one or two sentences, the best themes first within the word budget, at most
 * 10 parts cited; the key figures as written; forward-looking sentences form the "doorkijk".
 * A smaller budget means fewer themes and sentences, a larger one more.
 */
export function summarizeExtractive(document: SummaryDocument, options: Partial<SummaryOptions> = {}): Summary {
  const budget = Math.max(60, options.words ?? DEFAULT_SUMMARY_WORDS);
  const perSection = candidatesOf(document);
  const outlookBudget = Math.round(budget * 0.15);

  // Outlook first, so its sentences are not also used as theme sentences.
  const outlookPicks: Candidate[] = [];
  let outlookWords = 0;
  const forwardCandidates = perSection
    .flat()
    .filter((c) => c.forward && perSection[c.section]!.length > 1)
    .sort((a, b) => b.forwardScore - a.forwardScore || b.score - a.score);
  for (const c of forwardCandidates) {
    const words = wordCount(c.text);
    if (outlookPicks.length > 0 && outlookWords + words > outlookBudget) continue;
    if (outlookPicks.length === 0 && words > Math.max(outlookBudget, 35)) continue;
    outlookPicks.push(c);
    outlookWords += words;
    if (outlookWords >= outlookBudget - 5 || outlookPicks.length >= 2) break;
  }
  const usedForOutlook = new Set(outlookPicks.map((c) => `${c.section}:${c.order}`));
  const citedSections = new Set(outlookPicks.map((c) => c.section));

  // Themes: the best sentence of each section, best sections first, within the budget and the citation limit.
  const ranked = perSection.map((list) => list.filter((c) => !usedForOutlook.has(`${c.section}:${c.order}`)).sort((a, b) => b.score - a.score));
  // About an eighth of the budget stays for the key figures.
  const figureBudget = Math.round(budget * 0.12);
  const themeBudget = budget - outlookWords - figureBudget;
  const chosen = new Map<number, Candidate[]>();
  let used = 0;
  const sectionsByStrength = ranked
    .map((list, section) => ({ section, best: list[0] }))
    .filter((x): x is { section: number; best: Candidate } => Boolean(x.best))
    .sort((a, b) => b.best.score - a.best.score);
  for (const { section, best } of sectionsByStrength) {
    const words = wordCount(best.text);
    if (used + words > themeBudget) continue;
    if (!citedSections.has(section) && citedSections.size >= MAX_SUMMARY_CITATIONS) continue;
    chosen.set(section, [best]);
    citedSections.add(section);
    used += words;
  }
  // A second sentence per theme while the budget lasts.
  for (const { section } of sectionsByStrength) {
    const picks = chosen.get(section);
    if (!picks || picks.length >= MAX_SENTENCES_PER_THEME) continue;
    const next = ranked[section]!.find((c) => !picks.includes(c));
    if (!next || used + wordCount(next.text) > themeBudget) continue;
    picks.push(next);
    used += wordCount(next.text);
  }

  // Key figures (amounts, counts, percentages) with their whole sentence, when not already shown:
  // from the cited parts first, else from another part while the citation limit allows.
  const shown = new Set([...[...chosen.values()].flat(), ...outlookPicks].map((c) => c.text));
  const figurePicks: { candidate: Candidate; figure: string }[] = [];
  const figureCandidates = perSection
    .flat()
    .filter((c) => !shown.has(c.text))
    .sort((a, b) => Number(citedSections.has(b.section)) - Number(citedSections.has(a.section)) || b.score - a.score);
  let figureWords = 0;
  for (const c of figureCandidates) {
    if (figurePicks.length >= MAX_FIGURES || wordCount(c.text) > 30) continue;
    if (used + outlookWords + figureWords + wordCount(c.text) > budget) continue;
    if (!citedSections.has(c.section) && citedSections.size >= MAX_SUMMARY_CITATIONS) continue;
    const figure = figuresIn(c.text).find((f) => isKeyFigure(f.text) && !isDateOrYear(f.text) && !figurePicks.some((x) => x.figure.startsWith(f.text)));
    if (!figure) continue;
    // "46" of "46 miljoen" is only half the figure: the unit that follows belongs to it.
    const unit = /^\s+(miljoen|miljard|mln|duizend|procent|euro)\b/i.exec(c.text.slice(figure.index + figure.text.length))?.[0] ?? '';
    figurePicks.push({ candidate: c, figure: `${figure.text}${unit}` });
    citedSections.add(c.section);
    figureWords += wordCount(c.text);
  }

  // Citations: one per section used, in document order.
  const order = [...citedSections].sort((a, b) => a - b);
  const citations: SummaryCitation[] = order.map((section, i) => ({
    position: i + 1,
    documentTitle: document.title,
    sectionTitle: document.sections[section]!.title,
    passage: [...(chosen.get(section) ?? []), ...outlookPicks.filter((c) => c.section === section), ...figurePicks.map((f) => f.candidate).filter((c) => c.section === section)]
      .sort((a, b) => a.order - b.order)
      .map((c) => c.text)
      .join(' '),
    section,
  }));
  const positionOf = (section: number) => order.indexOf(section) + 1;
  const lineOf = (c: Candidate): SummaryLine => ({ text: c.text, citation: positionOf(c.section) });

  const sections = [...chosen.entries()]
    .sort(([a], [b]) => a - b)
    .map(([section, picks]) => ({ title: document.sections[section]!.title, bullets: picks.sort((a, b) => a.order - b.order).map(lineOf) }));
  const outlook = outlookPicks.sort((a, b) => a.section - b.section || a.order - b.order).map(lineOf);

  const figures: Summary['figures'] = figurePicks.map(({ candidate, figure }) => ({ figure, context: candidate.text, citation: positionOf(candidate.section) }));

  const words = used + outlookWords + figureWords;
  return { title: document.title, sections, figures, outlook, citations, words, kind: 'extractive' };
}

export const extractiveSummarizer: Summarizer = {
  summarize: async (document, options) => summarizeExtractive(document, options),
};
