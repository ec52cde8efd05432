/**
 * A deterministic corpus of Dutch policy-like documents for the retrieval benchmark: raadsbrieven,
 * collegeberichten and uitvoeringsplannen of many gemeenten on many safety themes, with dates,
 * numbers and lists, in the front-matter text format of src/content/corpus/. Same seed, same corpus.
 */

/** mulberry32: a small seeded generator, so every run measures the same documents and questions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gemeenten = [
  'Almelo',
  'Borne',
  'Dinkelland',
  'Enschede',
  'Haaksbergen',
  'Hellendoorn',
  'Hof van Twente',
  'Losser',
  'Oldenzaal',
  'Rijssen-Holten',
  'Tubbergen',
  'Wierden',
  'Zwolle',
  'Deventer',
  'Apeldoorn',
  'Zutphen',
  'Haarlem',
  'Bloemendaal',
  'Zandvoort',
  'Velsen',
  'Beverwijk',
  'Leiden',
  'Gouda',
  'Delft',
  'Amersfoort',
  'Nijmegen',
  'Arnhem',
  'Ede',
  'Assen',
  'Emmen',
];

const themes = [
  { name: 'ondermijning', object: 'ondermijnende criminaliteit', measure: 'integrale controles', partner: 'het RIEC' },
  { name: 'jeugdoverlast', object: 'overlast door jongeren', measure: 'inzet van jongerenwerkers', partner: 'het jongerenwerk' },
  { name: 'woninginbraak', object: 'woninginbraken', measure: 'voorlichtingsavonden over inbraakpreventie', partner: 'de politie' },
  { name: 'cameratoezicht', object: 'cameratoezicht in het centrum', measure: "plaatsing van extra camera's", partner: 'de politie' },
  { name: 'buurtbemiddeling', object: 'burenruzies', measure: 'inzet van vrijwillige buurtbemiddelaars', partner: 'de woningcorporaties' },
  { name: 'drugsoverlast', object: 'drugsoverlast', measure: 'sluiting van drugspanden op grond van de Opiumwet', partner: 'het Openbaar Ministerie' },
  { name: 'huiselijk geweld', object: 'huiselijk geweld en kindermishandeling', measure: 'tijdelijke huisverboden', partner: 'Veilig Thuis' },
  { name: 'cybercrime', object: 'online fraude en phishing', measure: 'een bewustwordingscampagne voor ouderen', partner: 'het Digitaal Trustcenter' },
  { name: 'radicalisering', object: 'radicalisering en polarisatie', measure: 'een casusoverleg radicalisering', partner: 'het Zorg- en Veiligheidshuis' },
  { name: 'evenementenveiligheid', object: 'veiligheid bij evenementen', measure: 'een risicoscan per evenement', partner: 'de veiligheidsregio' },
  { name: 'horecaveiligheid', object: 'geweld in het uitgaansgebied', measure: 'een horecaconvenant', partner: 'Koninklijke Horeca Nederland' },
  { name: 'verkeersveiligheid', object: 'verkeersonveilige situaties rond scholen', measure: 'snelheidscontroles', partner: 'Veilig Verkeer Nederland' },
  { name: 'zorg en veiligheid', object: 'personen met verward gedrag', measure: 'een meldpunt zorg en overlast', partner: 'de GGZ' },
  { name: 'brandveiligheid', object: 'brandonveilige woningen', measure: 'huisbezoeken door de brandweer', partner: 'de brandweer' },
  { name: 'vuurwerkoverlast', object: 'vuurwerkoverlast rond de jaarwisseling', measure: 'vuurwerkvrije zones', partner: "de boa's" },
];

const docTypes = ['raadsbrief', 'collegebericht', 'uitvoeringsplan', 'notitie', 'beleidsplan'];
const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const roles = ['de burgemeester', 'de wethouder', 'de gemeentesecretaris', 'de teamleider OOV', 'de strategisch adviseur veiligheid'];

export interface SyntheticDocument {
  fileName: string;
  text: string;
}

export interface SyntheticCorpus {
  documents: SyntheticDocument[];
  questions: string[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function documentText(random: () => number, index: number): string {
  const gemeente = pick(random, gemeenten);
  const theme = pick(random, themes);
  const second = pick(random, themes);
  const docType = pick(random, docTypes);
  const year = int(random, 2018, 2025);
  const month = int(random, 1, 12);
  const day = int(random, 1, 28);
  const reports = int(random, 12, 900);
  const change = int(random, 2, 45);
  const budget = int(random, 20, 900) * 1000;
  const fte = int(random, 1, 12) / 2;
  const zaak = 1_000_000 + index * 37;
  const meeting = `${int(random, 1, 28)} ${pick(random, months)} ${year + 1}`;
  const owner = pick(random, roles);
  const title = `${docType[0]!.toUpperCase()}${docType.slice(1)} ${theme.name} ${gemeente} ${year}`;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const up = random() < 0.5;
  return [
    '---',
    `title: ${title}`,
    `gemeente: ${gemeente}`,
    `type: ${docType}`,
    `date: ${date}`,
    `note: Gegenereerd voor de benchmark; zaaknummer ${zaak}.`,
    '---',
    '',
    'Inleiding',
    '',
    `Deze ${docType} beschrijft de aanpak van ${theme.object} in de gemeente ${gemeente} in ${year}. Het college informeert de raad over de stand van zaken en de plannen voor het komende jaar. Zaaknummer: ${zaak}.`,
    '',
    `In ${year} zijn in ${gemeente} ${reports} meldingen van ${theme.object} geregistreerd. Dat is ${change} procent ${up ? 'meer' : 'minder'} dan in ${year - 1}. De meeste meldingen kwamen binnen in de wijken rond het centrum.`,
    '',
    'Aanpak',
    '',
    `De gemeente zet in op ${theme.measure}, samen met ${theme.partner}. Daarnaast besteden wij aandacht aan ${second.object}, omdat beide thema's in de wijken samenkomen.`,
    '',
    `De speerpunten voor ${year + 1} zijn:`,
    `- ${theme.measure} uitbreiden naar alle wijken;`,
    `- de samenwerking met ${theme.partner} vastleggen in een convenant;`,
    `- inwoners beter informeren over ${theme.object};`,
    `- ${second.measure} onderzoeken.`,
    '',
    'Financiën en planning',
    '',
    `Voor de aanpak van ${theme.name} is in de begroting ${year + 1} een bedrag van € ${budget.toLocaleString('nl-NL')} beschikbaar. Er is ${fte} fte ingezet voor de uitvoering. ${owner[0]!.toUpperCase()}${owner.slice(1)} is verantwoordelijk voor de uitvoering en rapporteert twee keer per jaar aan de raad.`,
    '',
    `De raad bespreekt het uitvoeringsplan ${theme.name} op ${meeting}. Een evaluatie volgt in het vierde kwartaal van ${year + 1}.`,
    '',
  ].join('\n');
}

function question(random: () => number): string {
  const gemeente = pick(random, gemeenten);
  const theme = pick(random, themes);
  const year = int(random, 2018, 2025);
  const forms = [
    () => `Hoeveel meldingen van ${theme.object} waren er in ${year} in ${gemeente}?`,
    () => `Wanneer bespreekt de raad van ${gemeente} het uitvoeringsplan ${theme.name}?`,
    () => `Wat zijn de speerpunten voor ${theme.name}?`,
    () => `Wie is verantwoordelijk voor de aanpak van ${theme.name} in ${gemeente}?`,
    () => `Hoeveel geld is er beschikbaar voor ${theme.name}?`,
    () => `Met wie werkt de gemeente samen bij ${theme.object}?`,
    () => `Wat doet ${gemeente} tegen ${theme.object}?`,
    () => `Wanneer volgt de evaluatie van de aanpak ${theme.name}?`,
  ];
  return pick(random, forms)();
}

/** `count` documents and `questions` questions about them, the same for the same seed. */
export function syntheticCorpus(count: number, questions: number, seed = 20240915): SyntheticCorpus {
  const random = seededRandom(seed);
  const documents = Array.from({ length: count }, (_, i) => ({ fileName: `bench-${String(i + 1).padStart(4, '0')}.txt`, text: documentText(random, i) }));
  return { documents, questions: Array.from({ length: questions }, () => question(random)) };
}
