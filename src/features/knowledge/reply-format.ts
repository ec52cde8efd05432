import type { StoredSentence } from './store/knowledge-store.js';

/** Document text shown in a Teams markdown message must not turn into links, emphasis or markers. */
export function safeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

const months = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const dayMonth = new RegExp(`\\b(\\d{1,2}\\s+(?:${months}))(?!\\s+\\d{4})\\b`, 'gi');

const recurring = /\b(elk|ieder|elke|iedere)\s+(jaar|kwartaal|half\s?jaar)\b|\bjaarlijks|\bper\s+jaar\b|\bevery\s+year\b/i;

/**
 * A date written without its year ("Raad (21 december)") gets the year of the document it comes
 * from, so an answer read later does not leave the reader guessing which December.
 */
export function withYear(text: string, documentDate: string | null | undefined): string {
  const year = documentDate?.slice(0, 4);
  if (!year || !/^\d{4}$/.test(year)) return text;
  // "elk jaar vóór 1 april" is every year's date, not the document's year: the answer dates the document instead.
  if (recurring.test(text)) return text;
  return text.replace(dayMonth, `$1 ${year}`);
}

/** A list item as quoted text: its own "- " or "• " marker goes; the reply's list adds one. */
export function itemText(text: string): string {
  return text.replace(/^\s*(?:[-–•▪●*]\s+)+/, '');
}

/**
 * Quoted sentences as Teams markdown: running text joined with spaces, list items as a list, and
 * the citation marker where Teams renders it as a badge: after running text, never at the end
 * of a list item (Teams leaves it plain there). A lone list item reads as a sentence, without "- ".
 */
export function renderQuote(sentences: readonly StoredSentence[], marker: string, documentDate?: string | null): string {
  const items = sentences.filter((s) => s.item);
  const lone = items.length === 1 && sentences.length === 1;
  let out = '';
  let markerPlaced = false;
  sentences.forEach((s, i) => {
    const text = safeMarkdown(withYear(itemText(s.text), documentDate));
    const nextIsItem = sentences[i + 1]?.item;
    if (s.item && !lone) {
      out += `\n- ${text}`;
      return;
    }
    out += out ? ` ${text}` : text;
    // The marker goes on the running text that introduces a list, or after the last sentence.
    if (!markerPlaced && (nextIsItem || i === sentences.length - 1)) {
      out += ` ${marker}`;
      markerPlaced = true;
    }
  });
  if (!markerPlaced) out = `${marker}${out}`;
  return out.trim();
}

/** Quoted sentences as plain text (the dashboard): a lead-in and its list items as one sentence, "a: b; c; d." */
export function plainQuote(sentences: readonly StoredSentence[], documentDate?: string | null): string {
  const parts: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    const lead = parts.pop();
    parts.push(lead ? `${lead.replace(/[:.]\s*$/, '')}: ${items.join('; ')}.` : `${items.join('; ')}.`);
    items = [];
  };
  for (const s of sentences) {
    const text = withYear(itemText(s.text), documentDate);
    if (s.item) items.push(text.replace(/[.;,]\s*$/, ''));
    else {
      flush();
      parts.push(text);
    }
  }
  flush();
  return parts.join(' ');
}
