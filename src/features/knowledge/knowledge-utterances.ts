import type { Utterances } from '../../routing/route.js';

/**
 * What is not a command: policy questions for the documents (also what a term means or which
 * priorities hold) and questions outside the bot's work. The classifier's "none of the commands"
 * class; with a low score for every command, the message goes here too.
 */
export const knowledgeUtterances: Utterances = {
  nl: [
    'wat staat er in het veiligheidsplan over jeugd', 'wat is het riec', 'wat betekent bibob', 'waar staat de afkorting ivp voor', 'wat is een boa',
    'welke prioriteiten heeft hengelo', 'wat zijn de speerpunten van het veiligheidsbeleid', 'waar ligt de focus van twenterand', 'wat zijn de prioriteiten',
    'wie is de opdrachtgever van het programma', 'hoeveel budget is er voor veiligheid', 'wat doen we tegen ondermijning', 'welke rol heeft de politie bij woonoverlast',
    'hoeveel woninginbraken waren er in 2023', 'wanneer wordt het beleidsplan vastgesteld', 'wat zegt de notitie over vuurwerk', 'mag de burgemeester een woning sluiten',
    'wie beslist over cameratoezicht', 'welke afspraken zijn er met de ggd', 'is cybercrime een prioriteit', 'hoe pakken we drugsoverlast aan', 'wat is de aanpak van high impact crimes',
    'wat kost het programma veiligheid', 'welke gemeenten werken samen in het riec', 'wie zitten er in de stuurgroep', 'wat is de rol van de raad bij het veiligheidsplan',
    'hoe vraag ik een paspoort aan', 'boek een vergaderruimte', 'wat is het weer morgen', 'hoeveel vakantiedagen heb ik nog', 'laat mijn agenda zien', 'schrijf een speech',
  ],
  en: [
    'what does the safety plan say about youth', 'what is the riec', 'what does bibob stand for', 'what are the current priorities', 'who decides on camera surveillance',
    'how much budget is there for safety', 'which role does the police have', 'how many burglaries were there in 2023', 'when will the policy plan be adopted',
    'what is the score of the football game', 'book a meeting room', 'show my calendar', 'what is the weather tomorrow',
  ],
};
