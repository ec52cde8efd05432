import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../config/project-root.js';
import type { OutgoingActivity, OutgoingAttachment } from '../routing/turn.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const cardsDir = fromRoot('cards');
const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let found = templates.get(name);
  if (!found) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Bad card name ${name}`);
    found = new ACData.Template(JSON.parse(readFileSync(`${cardsDir}/${name}.json`, 'utf8')));
    templates.set(name, found);
  }
  return found;
}

/**
 * Expands `cards/<name>.json` with data. Texts come in through `data` (from the catalogue),
 * so templates hold layout only. Values are inserted as data, never re-parsed as template.
 */
export function renderCard(name: string, data: object): Record<string, unknown> {
  return template(name).expand({ $root: data }) as Record<string, unknown>;
}

export function cardAttachment(card: Record<string, unknown>): OutgoingAttachment {
  return { contentType: ADAPTIVE_CARD, content: card };
}

export function cardMessage(card: Record<string, unknown>, extra: Omit<OutgoingActivity, 'attachments'> = {}): OutgoingActivity {
  return { type: 'message', ...extra, attachments: [cardAttachment(card)] };
}

/**
 * Text a user typed, for an Adaptive Card TextBlock or Fact: it shows as typed, never as a link,
 * emphasis or list. Card markdown is a small subset (bold, italic, lists, links; no headings,
 * no HTML), and some Teams clients show a backslash that is not needed, so only what that subset
 * reads is escaped: the characters of emphasis, links and code anywhere, list and heading markers at a line start.
 */
export function escapeCardText(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]~<>]/g, '\\$&')
      .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
      // headings are not in the card subset, but a client that reads full markdown must not make one either
      .replace(/^(\s*)#/gm, '$1\\#')
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
  );
}

/**
 * Text a user typed, for a Teams message with markdown: messages read full markdown and some HTML
 * (headings, code, quotes, tags, entities), so every punctuation mark that can start any of it is escaped.
 */
export function escapeMessageText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}
