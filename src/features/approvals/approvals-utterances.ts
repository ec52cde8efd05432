import type { Utterances } from '../../routing/route.js';

/** How colleagues ask for the milestone and approval capabilities (training data for the intent classifier). */
export const approvalsUtterances = {
  pending: {
    nl: [
      'wat wacht er op mijn goedkeuring', 'heb ik nog iets goed te keuren', 'mijn goedkeuringen', 'open goedkeuringen', 'openstaande goedkeuringen',
      'wat moet ik nog goedkeuren', 'wat moet ik nog aftekenen', 'ligt er nog iets bij mij', 'zijn er verzoeken voor mij', 'welke verzoeken staan open voor mij',
      'moet ik nog iets ondertekenen', 'wat ligt er op mijn bureau ter goedkeuring', 'laat mijn openstaande verzoeken zien', 'wachten er stukken op mijn akkoord',
      'heb ik nog iets te beslissen', 'wat staat er open voor mijn paraaf', 'mijn openstaande akkoorden', 'welke goedkeuringsverzoeken wachten op mij', 'zijn er goedkeuringsverzoeken voor mij',
    ],
    en: [
      'what awaits my approval', 'what is waiting for my approval', 'my approvals', 'pending approvals', 'do I have anything to approve',
      'what do I still need to sign off', 'show my open requests', 'anything waiting for my sign-off', 'which requests are waiting for me', 'my pending sign-offs',
    ],
  },
  upcoming: {
    nl: [
      'welke mijlpalen komen eraan', 'wat zijn de komende mijlpalen', 'komende mijlpalen', 'mijlpalen', 'mijlpalen hengelo', 'toon de mijlpalen van twenterand',
      'welke mijlpalen staan er gepland', 'wat is de volgende mijlpaal', 'overzicht van de mijlpalen', 'planning mijlpalen', 'welke deadlines komen eraan',
      'wat staat er op de planning', 'welke momenten komen er aan in het traject', 'wat moet er binnenkort af', 'laat de planning zien', 'lijst met mijlpalen',
      'eerstvolgende mijlpalen voor heemstede', 'wat staat er de komende weken gepland',
    ],
    en: [
      'which milestones are coming up', 'upcoming milestones', 'show the milestones', 'what are the next milestones', 'milestones for hengelo',
      'what is planned next', 'list the milestones', 'which deadlines are coming', 'show the planning', 'next milestone',
    ],
  },
  add: {
    nl: [
      'mijlpaal toevoegen hengelo: evaluatie op 1 maart 2026', 'mijlpaal toevoegen', 'voeg een mijlpaal toe', 'nieuwe mijlpaal toevoegen',
      'voeg mijlpaal toe voor twenterand: rapportage op 5 juni', 'zet een nieuwe mijlpaal in de planning', 'maak een mijlpaal aan', 'nieuwe mijlpaal: raadsbrief op 10 oktober',
      'mijlpaal aanmaken voor heemstede', 'zet de evaluatie op 3 maart in de planning', 'kun je een mijlpaal toevoegen', 'ik wil een mijlpaal toevoegen aan de planning',
      'extra mijlpaal erbij voor hengelo op 12 april', 'plan een nieuwe mijlpaal in',
    ],
    en: [
      'add milestone hengelo: evaluation on 1 March 2026', 'add a milestone', 'create a new milestone', 'new milestone for heemstede on 3 June',
      'please put a new milestone in the planning', 'add a milestone to the schedule', 'I want to add a milestone', 'schedule a new milestone',
    ],
  },
  move: {
    nl: [
      'verplaats mijlpaal evaluatie naar 1 april', 'verplaats de mijlpaal', 'verschuif de mijlpaal naar volgende week', 'zet de mijlpaal een week later',
      'de mijlpaal schuift op naar mei', 'kan de mijlpaal naar later', 'nieuwe datum voor de mijlpaal', 'mijlpaal uitstellen', 'de evaluatie wordt later, pas de datum aan',
      'verander de datum van de mijlpaal', 'schuif de rapportage een maand door', 'de mijlpaal moet naar volgende week dinsdag', 'mijlpaal naar voren halen', 'andere datum voor mijlpaal',
      'de mijlpaal wordt verschoven naar juni', 'kan de vaststelling verschoven worden naar de volgende raad', 'uitstel van de mijlpaal tot 1 oktober',
      'de nieuwe datum van de evaluatie wordt 1 december', 'de oplevering wordt later, verzet de datum',
    ],
    en: [
      'move milestone evaluation to 1 April', 'move the milestone', 'postpone the milestone', 'reschedule the milestone to next week', 'change the date of the milestone',
      'push the milestone back a week', 'the milestone moves to May', 'delay the milestone',
    ],
  },
  request: {
    nl: [
      'vraag goedkeuring voor de evaluatie', 'vraag om goedkeuring van de mijlpaal', 'goedkeuring aanvragen', 'leg de mijlpaal voor aan de burgemeester',
      'vraag de burgemeester om akkoord', 'stuur de mijlpaal ter goedkeuring naar de burgemeester', 'ik wil goedkeuring vragen', 'akkoord vragen voor het uitvoeringsplan',
      'ter goedkeuring voorleggen', 'kan de burgemeester dit goedkeuren', 'zet klaar voor akkoord', 'ter accordering aanbieden', 'goedkeuringsverzoek indienen voor de rapportage',
      'graag akkoord van de burgemeester op de evaluatie',
    ],
    en: [
      'request approval for the evaluation', 'ask for approval', 'send the milestone to the mayor for sign-off', 'ask the mayor to approve', 'request sign-off',
      'submit the milestone for approval', 'get the mayor\'s approval for the plan', 'I need approval for this milestone',
    ],
  },
  export: {
    nl: [
      'exporteer de audit van hengelo over 2025', 'exporteer audit', 'auditlog exporteren', 'audit export', 'download de auditlog', 'ik wil de audittrail',
      'geef het auditbestand van de goedkeuringen', 'csv van alle besluiten', 'overzicht van alle besluiten voor het archief', 'export van de goedkeuringshistorie',
      'auditlog als csv', 'verantwoording van de besluiten over mijlpalen exporteren', 'een bestand met alle besluiten over mijlpalen voor de archiefinspectie',
    ],
    en: ['export the audit for hengelo 2025', 'export audit log', 'download the audit trail', 'audit export as csv', 'I need the approval audit trail', 'give me the decision log as csv'],
  },
  decide: {
    nl: ['keur die maar goed', 'keur goed', 'akkoord', 'ik ga akkoord', 'goedgekeurd', 'prima, keur het goed', 'keur dat verzoek goed', 'ja, goedkeuren', 'die is goed, akkoord', 'keur deze goed'],
    en: ['approve it', 'approve that', 'go ahead and approve', 'approved', 'yes, approve', 'I approve this one'],
  },
} satisfies Record<string, Utterances>;
