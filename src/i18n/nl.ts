/**
 * Dutch catalogue: every text a user sees. `{name}` marks a placeholder filled by `format`.
 * Each feature owns one section; en.ts must have exactly the same keys (the type checks it).
 */
export const nl = {
  errors: {
    unexpected: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; noem bij vragen referentie {ref}.',
    invalid_input: 'Dit verzoek klopt niet: {reason}',
    unknown_action: 'Deze knop wordt niet (meer) herkend. Vraag de kaart opnieuw op.',
    forbidden: 'U heeft geen rechten voor deze handeling.',
    other_tenant: 'Deze handeling kan alleen binnen de eigen organisatie worden uitgevoerd.',
    not_found: 'Dat is niet gevonden.',
    conflict: 'Dit is intussen al door iemand anders afgehandeld.',
    store_unavailable: 'De opslag van de bot is even niet bereikbaar. Probeer het over een paar minuten opnieuw; er is niets verloren gegaan.',
    rate_limited: 'U heeft de afgelopen tijd veel verzoeken gedaan. Wacht even en probeer het dan opnieuw.',
    too_long: 'Uw bericht is te lang (maximaal {max} tekens).',
    not_ready: 'De bot is nog aan het opstarten. Probeer het over een ogenblik opnieuw.',
    store_in_use:
      'De ingebedde opslag in {dir} is in gebruik door een draaiende bot (proces {pid}). Stop de bot eerst, of gebruik PostgreSQL (DATABASE_URL) zodat beide tegelijk kunnen draaien.',
  },
  common: {
    productName: 'Veiligheidsbot',
    reference: 'Referentie',
    yes: 'Ja',
    no: 'Nee',
  },
  shell: {
    welcomeTitle: 'Welkom bij de Veiligheidsbot',
    welcomeText:
      'Ik help het team Openbare Orde en Veiligheid: vragen over het veiligheidsbeleid, goedkeuring van mijlpalen, aanmeldingen voor buurtbemiddeling en updates voor de stuurgroep. Typ **help** voor een overzicht.',
    welcomeHelpButton: 'Wat kan ik vragen?',
    helpTitle: 'Wat kan de Veiligheidsbot?',
    helpIntro: 'Kies een onderwerp of stel gewoon uw vraag in een zin.',
    helpFooter: 'De bot antwoordt in het Nederlands; stel uw vraag in het Engels voor een Engels antwoord.',
    unknownCommand: 'Dat begrijp ik niet. Hieronder staat wat ik kan.',
  },
  // Each feature owns one section below; add keys inside your own section only.
  knowledge: {},
  approvals: {},
  mediation: {},
  summaries: {},
  llm: {},
  tab: {},
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof nl>;
