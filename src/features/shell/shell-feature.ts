import { cardMessage, escapeCardText, renderCard } from '../../cards/render-card.js';
import { format, type Catalogue } from '../../i18n/catalogue.js';
import type { Feature, HelpEntry, MessageRoute } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { shellUtterances } from './shell-utterances.js';

// "help", "hulp", "?", also with a trailing question mark or a polite "/help".
export const helpPattern = /^\s*\/?(help|hulp|\?|menu|wat kan je|wat kun je( doen)?|what can you do)\s*[?!.]*\s*$/i;

export function helpCard(t: Catalogue, entries: readonly HelpEntry[], intro = t.shell.helpIntro): Record<string, unknown> {
  return renderCard('help', {
    title: t.shell.helpTitle,
    intro,
    entries: entries.map((e) => ({ title: e.title(t), description: e.description(t), command: e.command(t) })),
    footer: t.shell.helpFooter,
  });
}

export function welcomeCard(t: Catalogue): Record<string, unknown> {
  return renderCard('welcome', { title: t.shell.welcomeTitle, text: t.shell.welcomeText, helpButton: t.shell.welcomeHelpButton, helpCommand: 'help' });
}

/** "Bedoelt u …?": the two capabilities the classifier could not tell apart, and "neither: it is a question". */
export function clarifyCard(t: Catalogue, text: string, routes: readonly string[], fallbackRoute: string): Record<string, unknown> {
  return renderCard('clarify', {
    title: t.shell.clarifyTitle,
    intro: t.shell.clarifyIntro,
    options: [...routes.map((route) => ({ label: t.shell.capabilities[route] ?? route, route, command: text })), { label: t.shell.clarifyQuestion, route: fallbackRoute, command: text }],
  });
}

/** A first name is friendlier than "Jansen, P. (Piet)"; Teams display names vary. */
function firstName(name: string): string {
  const first =
    name
      .replace(/\([^)]*\)/g, ' ')
      .split(',')
      .reverse()
      .join(' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  return escapeCardText(first);
}

/**
 * Welcome on installation, the help card on request, small talk, "Bedoelt u …?" and the answer to
 * anything no feature understood. Built last because the help card lists every other feature's capabilities.
 */
export function shellFeature(others: readonly Feature[]): Feature & { unmatched(turn: Turn): Promise<void>; clarify(turn: Turn, routes: readonly MessageRoute[]): Promise<void> } {
  const entries = others.flatMap((f) => f.help ?? []);
  const fallbackRoute = others.flatMap((f) => f.routes).find((r) => r.kind === 'fallback')?.name ?? 'knowledge.answer';
  const reply = (name: string, utterances: (typeof shellUtterances)[keyof typeof shellUtterances], text: (turn: Turn) => string): MessageRoute => ({
    kind: 'message',
    name,
    utterances,
    // Small talk is short; a long message with "dag" or "ok" in it is something else.
    maxWords: 10,
    handle: async (turn) => {
      await turn.send(text(turn));
    },
  });
  return {
    name: 'shell',
    routes: [
      {
        kind: 'message',
        name: 'shell.help',
        match: helpPattern,
        utterances: shellUtterances.help,
        handle: async (turn) => {
          await turn.send(cardMessage(helpCard(turn.t, entries)));
        },
      },
      reply('shell.greeting', shellUtterances.greeting, (turn) => format(turn.t.shell.greetingReply, { name: firstName(turn.user.name) }).replace(/\s+!/, '!')),
      reply('shell.thanks', shellUtterances.thanks, (turn) => turn.t.shell.thanksReply),
      reply('shell.goodbye', shellUtterances.goodbye, (turn) => turn.t.shell.goodbyeReply),
      reply('shell.smalltalk', shellUtterances.smalltalk, (turn) => turn.t.shell.smalltalkReply),
      {
        kind: 'event',
        event: 'installed',
        name: 'shell.welcome',
        handle: async (turn) => {
          await turn.send(cardMessage(welcomeCard(turn.t)));
        },
      },
    ],
    async unmatched(turn) {
      await turn.send(cardMessage(helpCard(turn.t, entries, turn.t.shell.unknownCommand)));
    },
    async clarify(turn, routes) {
      await turn.send(
        cardMessage(
          clarifyCard(
            turn.t,
            turn.text,
            routes.map((r) => r.name),
            fallbackRoute,
          ),
        ),
      );
    },
  };
}
