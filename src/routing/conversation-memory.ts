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

export function remember(turn: Pick<Turn, 'state'>, facts: Partial<ConversationMemory>): void {
  Object.assign(memoryOf(turn.state), facts);
}
