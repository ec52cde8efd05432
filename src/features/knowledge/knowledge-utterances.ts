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
    'hoeveel camera\'s komen er in het centrum', 'hoeveel geld is er begroot voor handhaving', 'hoeveel meldingen van overlast waren er vorig jaar',
    'hoeveel boa\'s heeft de gemeente', 'hoeveel inwoners voelen zich onveilig', 'hoeveel panden zijn gesloten', 'hoeveel jongeren doen mee aan het project',
    'wie is de opdrachtgever', 'wie is verantwoordelijk voor het veiligheidsbeleid', 'wie voert de regie op zorg en veiligheid', 'wie zit in de driehoek',
    'wanneer is de evaluatie van het cameratoezicht klaar', 'wanneer gaat de raad over het plan besluiten', 'waarom is ondermijning een speerpunt',
    'welke maatregelen staan er in het plan', 'welke partners zijn betrokken bij de aanpak', 'welke doelen heeft het programma', 'welke thema\'s zijn er gekozen',
    'wat is de planning van het beleidsplan', 'wat gebeurt er met de resultaten van de enquête', 'wat zegt het document over jeugdoverlast',
    'staat er iets in over polarisatie', 'is er geld voor preventie', 'geldt het cameratoezicht ook in het stationsgebied', 'hoe is het toezicht geregeld',
    'wat zijn de afspraken over de inzet van de politie', 'wat doet de gemeente aan verkeersveiligheid', 'wat verandert er ten opzichte van het vorige plan',
    'welke prioriteiten gelden er nu', 'wat is het beleid op het gebied van veiligheid', 'welke speerpunten heeft de gemeente op dit moment',
    'hoe lang worden camerabeelden bewaard', 'hoe lang duurt het traject', 'hoe lang loopt het programma', 'hoe lang blijft een woning gesloten',
    'wat is buurtbemiddeling', 'wanneer is de pilot buurtbemiddeling gestart', 'wat heeft de raad besloten over buurtbemiddeling',
    'wanneer heeft het college ingestemd met het plan', 'wie voert de buurtbemiddeling uit', 'hoe is de pilot buurtbemiddeling opgezet',
    'wanneer heeft de raad ingestemd met de pilot', 'welk besluit nam de raad over de pilot buurtbemiddeling', 'met welke partners werkt de pilot samen', 'wat staat er in het beleid over buurtbemiddeling', 'wie betaalt de buurtbemiddeling', 'welke gegevens van bewoners worden bewaard',
    'wat zijn de namen van de bewoners', 'welke adressen staan in de meldingen', 'wie zitten er in de stuurgroep buurtbemiddeling',
    // Questions about what the documents report on the pilot, Bibob or volunteers are still questions, not commands.
    'hoeveel zaken meldde hengelo in 2023 aan voor buurtbemiddeling', 'hoeveel vrijwilligers noemt het jaarverslag', 'wie meldt de meeste zaken aan bij buurtbemiddeling',
    'hoeveel bemiddelaars zijn er actief', 'hoeveel bibob-onderzoeken zijn gestart', 'hoeveel panden zijn er gesloten op grond van 13b', 'wanneer zijn er genoeg vrijwilligers opgeleid',
    'welke organisaties verwijzen naar buurtbemiddeling', 'welk slagingspercentage noemt de evaluatie', 'hoeveel aanmeldingen kwamen er via de woningcorporatie',
    'vóór welke datum stelt het college het uitvoeringsprogramma vast', 'wanneer moet het jaarplan klaar zijn', 'hoeveel meldingen kwamen er binnen bij meld misdaad anoniem',
    'welke controle deed de gemeente in oktober', 'hoeveel huishoudens kregen de vragenlijst', 'hoeveel kost de pilot per jaar', 'wie leidt de stuurgroep',
    // Requests outside the bot's work.
    'heb je een recept voor pannenkoeken', 'kun je een grap vertellen', 'heb je tips voor een vakantie', 'kun je mijn mail lezen',
    'hoe vraag ik een paspoort aan', 'boek een vergaderruimte', 'wat is het weer morgen', 'hoeveel vakantiedagen heb ik nog', 'laat mijn agenda zien', 'schrijf een speech',
  ],
  en: [
    'what does the safety plan say about youth', 'what is the riec', 'what does bibob stand for', 'what are the current priorities', 'who decides on camera surveillance',
    'how much budget is there for safety', 'which role does the police have', 'how many burglaries were there in 2023', 'when will the policy plan be adopted',
    'how many cameras will be placed', 'who is responsible for the programme', 'which measures are in the plan', 'when does the council decide',
    'how many cases did twenterand refer to mediation in 2023', 'how many volunteers work for the mediation pilot', 'how many bibob investigations were started',
    'which organisation referred most cases', 'when must the college adopt the programme', 'do you have a recipe for soup', 'tell me a joke',
    'what is the score of the football game', 'book a meeting room', 'show my calendar', 'what is the weather tomorrow',
  ],
};
