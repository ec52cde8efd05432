import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../core/project-root.js';
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
 * TextBlocks render a markdown subset; text typed by users must show as typed, not as links or
 * headings. Escapes the characters Teams' markdown reacts to.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, '\\$1');
}
