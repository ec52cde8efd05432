import type { Utterances } from '../../routing/route.js';

/** Small talk and help, in colleagues' own words: the classifier learns the capability from these. */
export const shellUtterances = {
  help: {
    nl: [
      'help', 'hulp', 'menu', 'wat kun je', 'wat kan je allemaal', 'wat kun je voor mij doen', 'wat kan ik hier vragen',
      'hoe werkt deze bot', 'hoe werk jij', 'welke opdrachten ken je', 'welke opdrachten kent de bot', 'welke commando\'s zijn er', 'waarmee kun je helpen',
      'waar kan ik je voor gebruiken', 'ik weet niet wat ik moet vragen', 'uitleg over de bot graag', 'wat zijn je mogelijkheden',
      'laat zien wat je kunt', 'ik ben nieuw, hoe werkt dit', 'overzicht van je functies', 'wat doet de veiligheidsbot',
    ],
    en: [
      'help', 'help me', 'what can you do', 'what can I ask you', 'how does this bot work', 'show me the menu', 'which commands do you know',
      'what are your features', 'how do I use you', 'what are you able to do', 'I am new here, what can you do for me', 'list your capabilities',
    ],
  },
  greeting: {
    nl: [
      'hoi', 'hallo', 'hey', 'hee', 'hai', 'goedemorgen', 'goedemiddag', 'goedenavond', 'morgen', 'dag bot', 'hallo bot', 'hoi veiligheidsbot',
      'goeiemorgen allemaal', 'daar ben ik weer', 'hallo, ben je er?', 'yo', 'hoi hoi', 'goedendag',
    ],
    en: ['hi', 'hello', 'hey there', 'good morning', 'good afternoon', 'good evening', 'hello bot', 'hi there', 'morning', 'greetings'],
  },
  thanks: {
    nl: [
      'bedankt', 'dank je', 'dank je wel', 'dankjewel', 'dank u', 'dank u wel', 'thx', 'top, bedankt', 'fijn, dank je', 'super bedankt',
      'heel erg bedankt', 'bedankt voor je hulp', 'dat is precies wat ik zocht, dank', 'mooi zo, dankjewel', 'prima, bedankt', 'helder, dank u',
    ],
    en: ['thanks', 'thank you', 'thanks a lot', 'thx', 'many thanks', 'great, thanks', 'cheers', 'thank you so much', 'that helps, thanks', 'perfect thank you'],
  },
  goodbye: {
    nl: ['doei', 'dag', 'ok doei', 'oké, tot ziens', 'ok bye', 'tot ziens', 'tot later', 'tot morgen', 'fijne dag nog', 'fijn weekend', 'ik ga ervandoor', 'houdoe', 'later', 'ciao', 'tot de volgende keer'],
    en: ['bye', 'goodbye', 'see you', 'see you later', 'have a nice day', 'bye for now', 'talk to you later', 'cya', 'good night'],
  },
  smalltalk: {
    nl: [
      'wie ben jij', 'wie ben je', 'wat ben jij', 'ben jij een mens', 'ben je een robot', 'ben jij chatgpt', 'hoe gaat het met je', 'hoe gaat het',
      'alles goed?', 'hoe heet je', 'ben je slim', 'haha', 'grappig', 'lol', 'wat vind jij daarvan', 'heb je het druk', 'wie heeft jou gemaakt', 'ok', 'oké',
      'prima', 'aha', 'wat leuk',
    ],
    en: ['who are you', 'what are you', 'are you human', 'are you a robot', 'are you chatgpt', 'how are you', 'what is your name', 'who made you', 'haha', 'lol', 'ok', 'cool', 'nice'],
  },
} satisfies Record<string, Utterances>;
