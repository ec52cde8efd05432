import type { Utterances } from '../../routing/route.js';

/** How colleagues ask for the steering-group capabilities (training data for the intent classifier). */
export const steeringUtterances = {
  register: {
    nl: [
      'registreer dit kanaal als stuurgroep van de pilot',
      'registreer deze groepschat als stuurgroep',
      'koppel dit kanaal aan de stuurgroep',
      'dit is het kanaal van de stuurgroep',
      'maak van deze chat de stuurgroep',
      'dit kanaal hoort bij de stuurgroep buurtbemiddeling',
      'zet de updates van de stuurgroep voortaan in dit kanaal',
      'meld dit gesprek aan als stuurgroep',
      'koppel deze groepschat aan de stuurgroep veilig',
      'registreer het kanaal voor de stuurgroep',
    ],
    en: [
      'register this channel as the steering group',
      'make this channel the steering group channel',
      'link this chat to the steering group',
      'this is the steering group channel, post updates here',
      'register this group chat as the steering group',
    ],
  },
  preview: {
    nl: [
      'stuur een update naar de stuurgroep',
      'stuur de stuurgroep een update',
      'update naar de stuurgroep',
      'kan de update naar de stuurgroep',
      'deel de laatste cijfers met de stuurgroep',
      'stuur de digest naar de stuurgroep',
      'maandelijkse update voor de stuurgroep',
      'verstuur de update van de stuurgroep nu',
      'informeer de stuurgroep',
      'stuurgroep bijpraten',
      'zet een update klaar voor de stuurgroep',
      'nieuwsbrief naar de stuurgroep',
    ],
    en: [
      'send an update to the steering group',
      'post an update to the steering group',
      'update the steering group',
      'send the digest to the steering group now',
      'share the latest figures with the steering group',
    ],
  },
} satisfies Record<string, Utterances>;
