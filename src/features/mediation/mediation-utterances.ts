import type { Utterances } from '../../routing/route.js';

/** How colleagues ask for the buurtbemiddeling capabilities (training data for the intent classifier). */
export const mediationUtterances = {
  intake: {
    nl: [
      'buurtbemiddeling aanmelden', 'ik wil een burenruzie aanmelden', 'ik heb een burenconflict dat naar buurtbemiddeling moet', 'aanmelding buurtbemiddeling',
      'nieuwe aanmelding voor buurtbemiddeling', 'burenruzie doorverwijzen', 'kan ik een conflict tussen buren melden', 'intakeformulier buurtbemiddeling',
      'een melding van overlast tussen buren doorzetten naar bemiddeling', 'ruzie met de buren aanmelden', 'hoe meld ik een burenconflict aan',
      'ik wil iemand doorverwijzen naar buurtbemiddeling', 'burenconflict over geluidsoverlast aanmelden', 'twee buren hebben ruzie, kan dat naar bemiddeling',
      'nieuwe zaak buurtbemiddeling', 'aanmelding doen voor bewoners met een conflict', 'buren in conflict over een schutting, graag bemiddeling', 'formulier voor buurtbemiddeling',
    ],
    en: [
      'refer a neighbour dispute', 'register a neighbourhood conflict', 'I want to report a conflict between neighbours', 'refer to neighbourhood mediation',
      'new mediation referral', 'start a mediation intake', 'neighbours are fighting, can you refer them to mediation', 'open the mediation form',
    ],
  },
  statistics: {
    nl: [
      'hoe gaat het met de buurtbemiddeling', 'statistieken buurtbemiddeling', 'cijfers buurtbemiddeling', 'hoeveel aanmeldingen buurtbemiddeling zijn er',
      'hoeveel zaken buurtbemiddeling lopen er', 'hoeveel bemiddelingen zijn geslaagd', 'stand van zaken buurtbemiddeling', 'buurtbemiddeling in cijfers',
      'hoeveel zaken staan er open bij buurtbemiddeling', 'hoe staat het met de pilot buurtbemiddeling', 'resultaten van de buurtbemiddeling',
      'hoeveel bemiddelingszaken zijn afgesloten', 'aantal aanmeldingen bemiddeling dit jaar', 'slagingspercentage van buurtbemiddeling', 'hoeveel bemiddelingen zijn gelukt',
      // The pilot's own figures now ("hebben we", "tot nu toe"), as against what a document reported.
      'hoeveel meldingen hebben we deze maand', 'hoeveel zaken hebben we nu lopen', 'hoeveel bemiddelingen hebben we tot nu toe afgerond', 'hoeveel procent slaagt er tot nu toe',
    ],
    en: ['mediation statistics', 'how is mediation going', 'how is neighbourhood mediation doing', 'how many mediation cases are open', 'mediation figures', 'how many referrals to mediation this year'],
  },
  export: {
    nl: ['exporteer zaak BB-2026-0001', 'export van zaak BB-2025-0010', 'inzageverzoek zaak BB-2026-0003', 'alle gegevens van dossier BB-2026-0004 exporteren', 'geef een export van BB-2026-0005', 'de melder wil inzage in zaak BB-2026-0002', 'dossier BB-2025-0007 als export'],
    en: ['export case BB-2026-0001', 'subject access request for case BB-2026-0002', 'give me an export of BB-2026-0003', 'export all data of case BB-2025-0004'],
  },
  erase: {
    nl: ['wis persoonsgegevens BB-2026-0001', 'verwijder de persoonsgegevens van zaak BB-2025-0002', 'persoonsgegevens wissen bij BB-2026-0003', 'recht op vergetelheid voor BB-2026-0004', 'gegevens van BB-2026-0005 verwijderen', 'wis de gegevens van zaak BB-2026-0006', 'wissen van de persoonsgegevens in het dossier', 'gegevens wissen van een zaak', 'de melder wil dat zijn gegevens gewist worden'],
    en: ['erase personal data of case BB-2026-0001', 'delete the personal data of BB-2026-0002', 'right to be forgotten for BB-2026-0003', 'remove personal details from case BB-2025-0004'],
  },
} satisfies Record<string, Utterances>;
