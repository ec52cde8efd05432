import { normalizeSpace, wordCount } from '../../documents/index.js';

/** Sentences that open by pointing back ("Daarom", "Hierin", "Deze") do not stand on their own in a summary. */
const leansOnContext =
  /^(daarom|daardoor|daarmee|daarbij|daarnaast|daarin|daarvoor|hierin|hierbij|hiermee|hierdoor|hiervoor|hierna|hiertoe|deze|dit|die|dat|dergelijke|zo|ook|tevens|verder|bovendien|echter|toch|wel|dan|dus|vervolgens|tot slot|als laatste|net als|naast|enerzijds|anderzijds|hij|zij|ze|het college heeft dit|deelnemers van deze)\b/i;

const MAX_WORDS = 40;
const MIN_WORDS = 6;

const flat = (s: string) =>
  normalizeSpace(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '');

/**
 * A source sentence as a summary line can show it, or undefined when it would not read on its
 * own: a heading run into the sentence ("… 2024-2027 Toelichting: Het huidige …") is taken off,
 * and titles, list fragments, sentences starting mid-thought or in lower case, links and
 * over-long sentences are left out. The words themselves are never changed.
 */
export function readableSentence(raw: string, context: { documentTitle: string; sectionTitle: string }): string | undefined {
  let text = normalizeSpace(raw).replace(/^[-•▪●◦*]\s+/, '');
  // A heading line that ran into the sentence: "<heading words> Toelichting: Het …" keeps what follows the label.
  const runIn = /^(.{3,120}?[^.!?:;,])\s+(\p{Lu}[\p{L}-]{2,}(?:\s[\p{L}-]+){0,2}):\s+(?=\p{Lu})/u.exec(text);
  if (runIn) text = text.slice(runIn[0].length);
  const title = flat(context.documentTitle);
  const body = flat(text);
  if (!body || body === flat(context.sectionTitle) || (title.length > 10 && (body.startsWith(title) || title.startsWith(body)))) return undefined;
  const words = wordCount(text);
  if (words < MIN_WORDS || words > MAX_WORDS) return undefined;
  if (/https?:\/\/|www\./i.test(text)) return undefined;
  if (!/^["“‘(]?[\p{Lu}\d]/u.test(text) || leansOnContext.test(text)) return undefined;
  // A complete sentence ends as one; list fragments and cut-off lines do not.
  if (!/[.!?]["”’)]?$/.test(text)) return undefined;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters / text.length < 0.6) return undefined;
  return text;
}
