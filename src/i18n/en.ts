import type { Catalogue } from './nl.js';

/** English catalogue; same keys as nl.ts. */
export const en: Catalogue = {
  errors: {
    unexpected: 'Something went wrong on our side. Please try again later; quote reference {ref} if you contact us.',
    invalid_input: 'This request is not valid: {reason}',
    unknown_action: 'This button is no longer recognised. Please ask for the card again.',
    forbidden: 'You are not allowed to do this.',
    other_tenant: 'This can only be done within your own organisation.',
    not_found: 'That was not found.',
    conflict: 'Someone else has already dealt with this.',
    store_unavailable: 'The bot cannot reach its storage right now. Please try again in a few minutes; nothing has been lost.',
    rate_limited: 'You have made many requests recently. Please wait a moment and try again.',
    too_long: 'Your message is too long (at most {max} characters).',
    not_ready: 'The bot is still starting up. Please try again in a moment.',
    store_in_use:
      'The embedded store in {dir} is in use by a running bot (process {pid}). Stop the bot first, or use PostgreSQL (DATABASE_URL) so both can run at once.',
  },
  common: {
    productName: 'Veiligheidsbot',
    reference: 'Reference',
    yes: 'Yes',
    no: 'No',
  },
  shell: {
    welcomeTitle: 'Welcome to the Veiligheidsbot',
    welcomeText:
      'I help the public order and safety team: questions about safety policy, approval of milestones, referrals to neighbourhood mediation and updates for the steering group. Type **help** for an overview.',
    welcomeHelpButton: 'What can I ask?',
    helpTitle: 'What can the Veiligheidsbot do?',
    helpIntro: 'Pick a topic or just ask your question in a sentence.',
    helpFooter: 'The bot answers in Dutch; ask in English for an English answer.',
    unknownCommand: 'I did not understand that. This is what I can do.',
  },
  // Each feature owns one section below; add keys inside your own section only.
  knowledge: {},
  approvals: {},
  mediation: {},
  summaries: {},
  llm: {},
  tab: {},
};
