import type { Locale } from '../i18n/catalogue.js';
import type { Turn } from './turn.js';

/**
 * What the conversation remembers between messages, so a follow-up can leave things out:
 * "en in Hengelo?", "en in 2024?", "wie is daar de opdrachtgever?", "keur die maar goed", "korter".
 * Kept in the conversation state (saved with the turn); no personal data, only names of things.
 */
export interface ConversationMemory {
  gemeente?: string;
  year?: string;
  /** The last standalone policy question (its text, to rewrite a follow-up). */
  question?: string;
  /** The last capability used, e.g. `approvals.upcoming`: "en in Hengelo?" repeats it elsewhere. */
  route?: string;
  document?: { id: string; title: string };
  milestone?: { gemeente: string; id: string; title: string };
  /** The approval request whose card this conversation saw last. */
  approval?: { requestId: string; version: number };
  /** The language the conversation was last held in. */
  locale?: Locale;
}

const KEY = 'memory';

export function memoryOf(state: Turn['state']): ConversationMemory {
  const found = state.conversation[KEY];
  if (found && typeof found === 'object') return found as ConversationMemory;
  const fresh: ConversationMemory = {};
  state.conversation[KEY] = fresh;
  return fresh;
}

/**
 * Text kept in the state must store: no control characters (a NUL cannot go into a jsonb column)
 * and not more than a question needs.
 */
function storable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').slice(0, 500);
}

export function remember(turn: Pick<Turn, 'state'>, facts: Partial<ConversationMemory>): void {
  const clean = { ...facts };
  if (clean.question !== undefined) clean.question = storable(clean.question);
  Object.assign(memoryOf(turn.state), clean);
}
