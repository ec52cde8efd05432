import type { Utterances } from '../../routing/route.js';

/** How colleagues ask for summaries (training data for the intent classifier). */
export const summariesUtterances = {
  latest: {
    nl: [
      'vat de laatste stand van zaken samen', 'samenvatting van de laatste stand van zaken', 'geef de actuele stand van zaken', 'wat is de laatste stand van zaken',
      'samenvatting van de nieuwste voortgangsnotitie', 'kort overzicht van de recentste stand van zaken', 'wat staat er in de laatste voortgangsrapportage',
      'de meest recente stand van zaken in het kort', 'vat de nieuwste stand van zaken even samen', 'laatste voortgangsnotitie samengevat', 'tl;dr laatste stand van zaken',
    ],
    en: ['summarize the latest status update', 'latest status in short', 'give me the most recent progress report summary', 'what does the newest status note say, briefly', 'summary of the latest progress note'],
  },
  document: {
    nl: [
      'samenvatting van het integraal veiligheidsplan', 'vat de notitie samen', 'kun je de notitie van heemstede samenvatten', 'samenvatting van de terugblik',
      'geef een samenvatting van het document', 'vat het programma veiligheid van hengelo samen', 'maak een samenvatting van de raadsbrief',
      'wat zijn de hoofdlijnen van de planning beleidsplan', 'samenvatting van de begroting', 'kort overzicht van het collegebericht', 'ik heb geen tijd om het stuk te lezen, vat het samen',
      'samenvatten: de programma-opdracht', 'wat staat er in hoofdlijnen in de notitie van twenterand over 2023', 'samenvatting graag van het beleidsplan', 'vat het document samen',
      'geef me de kern van de raadsbrief', 'samenvatting van het stuk over veilige omgeving',
    ],
    en: ['summarize the safety plan', 'summary of the document', 'give me a summary of the council letter', 'can you summarize the hengelo programme', 'what are the main points of the planning document', 'summarise the note from twenterand', 'summary of the budget chapter please'],
  },
  adjust: {
    nl: ['korter', 'kan het korter', 'nog korter', 'korter graag', 'uitgebreider', 'langer', 'meer detail', 'meer details graag', 'te lang', 'in drie zinnen', 'kan het wat uitgebreider', 'iets minder lang', 'kun je het inkorten', 'uitgebreider graag'],
    en: ['shorter', 'shorter please', 'make it shorter', 'longer', 'more detail', 'too long', 'make it longer', 'in three sentences', 'more details please', 'less text'],
  },
} satisfies Record<string, Utterances>;
