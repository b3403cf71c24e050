// Where the help pages live and which topic helps on which page: a module of its own, apart from the topics' texts
// (help-content.ts), so the layout's "Hulp bij deze pagina" link does not put every help text in the entry script.

/** The main areas that have a help page, in the order of the overview. */
export const HELP_TOPIC_IDS = [
  'zelfscan',
  'implementatieplan',
  'scholingsregister',
  'check-in',
  'groep',
  'ouders-en-partners',
  'leerlingen',
  'team-en-rollen',
  'inwerken-en-welzijn',
  'bestuur',
  'privacy-en-veiligheid',
] as const;
/** One help topic's id; it is also the last part of its address (/hulp/zelfscan). */
export type HelpTopicId = (typeof HELP_TOPIC_IDS)[number];


/** The address of the help overview, or of one topic. */
export function helpPath(topic?: HelpTopicId): string {
  return topic ? `/hulp/${topic}` : '/hulp';
}

/** True when a text is one of the topic ids. */
export function isHelpTopicId(value: string): value is HelpTopicId {
  return (HELP_TOPIC_IDS as readonly string[]).includes(value);
}

// Which topic helps on which page: the first pattern that matches the path wins.
const TOPIC_OF_PATH: readonly [RegExp, HelpTopicId][] = [
  [/^\/besturen\//, 'bestuur'],
  [/^\/scholen\/[^/]+\/zelfscan/, 'zelfscan'],
  [/^\/zelfscan\//, 'zelfscan'],
  [/^\/scholen\/[^/]+\/plan/, 'implementatieplan'],
  [/^\/mijn-acties/, 'implementatieplan'],
  [/^\/scholen\/[^/]+\/scholing/, 'scholingsregister'],
  [/^\/scholen\/[^/]+\/check-in/, 'check-in'],
  [/^\/scholen\/[^/]+\/(groep|sociogrammen|sociogram-instellingen|regulatie)/, 'groep'],
  [/^\/scholen\/[^/]+\/(ouders|ouderpagina|partners)/, 'ouders-en-partners'],
  [/^\/scholen\/[^/]+\/(leerlingen|klassen|locaties)/, 'leerlingen'],
  [/^\/scholen\/[^/]+\/personeel/, 'team-en-rollen'],
  [/^\/scholen\/[^/]+\/team/, 'inwerken-en-welzijn'],
  [/^\/scholen\/[^/]+\/(privacy|logboek|postvak)/, 'privacy-en-veiligheid'],
  [/^\/account/, 'privacy-en-veiligheid'],
];

/** The help topic of the page at this path, or null when the overview fits best. */
export function helpTopicOfPath(pathname: string): HelpTopicId | null {
  const onHelp = /^\/hulp\/([a-z-]+)$/.exec(pathname);
  if (onHelp) return onHelp[1] && isHelpTopicId(onHelp[1]) ? onHelp[1] : null;
  for (const [pattern, topic] of TOPIC_OF_PATH) if (pattern.test(pathname)) return topic;
  return null;
}
