import { cardMessage, renderCard } from '../../cards/render-card.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Feature, HelpEntry } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';

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

/**
 * Welcome on installation, the help card on request, and the answer to anything no feature
 * understood. Built last because the help card lists every other feature's capabilities.
 */
export function shellFeature(others: readonly Feature[]): Feature & { unmatched(turn: Turn): Promise<void> } {
  const entries = others.flatMap((f) => f.help ?? []);
  return {
    name: 'shell',
    routes: [
      {
        kind: 'message',
        name: 'shell.help',
        match: helpPattern,
        handle: async (turn) => {
          await turn.send(cardMessage(helpCard(turn.t, entries)));
        },
      },
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
  };
}
