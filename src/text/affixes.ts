// Arabic clitics and inflectional suffixes as data, in matching-key spelling (see normalize.ts).

/** Conjunctions that attach to the front of a word. */
export const CONJUNCTIONS = ['و', 'ف'] as const;

/** Prepositions that attach to the front of a word (ل before ال drops the alef: للتعاون). */
export const PREPOSITIONS = ['ب', 'ل', 'ك'] as const;

/** The future particle attaches to imperfect verbs, whose first letter is one of these. */
export const FUTURE = 'س';
export const IMPERFECT_PREFIXES = 'يتنا';

export const DETERMINER = 'ال';

/** Third-person and first-person plural object and possessive pronouns, longest first (هما before ها). */
export const PRONOUNS = ['هما', 'هم', 'هن', 'ها', 'نا', 'ه'] as const;

/**
 * Second-person pronouns end many nouns and verbs as plain letters (بنك، أماكن، تمكن) and are rare in
 * news outside quotes: they come off only after the particles below.
 */
export const SECOND_PERSON_PRONOUNS = ['كما', 'كم', 'كن', 'ك'] as const;

/** Prepositions and particles that take a pronoun suffix of any person (عليه، منكم، إليها). */
export const PRONOUN_HOSTS = new Set([
  'ل',
  'ب',
  'من',
  'في',
  'علي',
  'عن',
  'الي',
  'ان',
  'مع',
  'لدي',
  'عند',
  'منذ',
]);

/** The first-person plural نا is also the subject ending of past verbs (طلبنا): only strip it off nouns. */
export const FIRST_PERSON_PLURAL = 'نا';

/**
 * Words whose first letter looks like a clitic but is part of a word that a reader takes whole:
 * particles and very frequent words where splitting would be wrong or ambiguous (كما, ولي العهد).
 */
export const WHOLE_WORDS = new Set([
  'كما',
  'لما',
  'لكن',
  'لكي',
  'كي',
  'لدي',
  'لقد',
  'لعل',
  'ليس',
  'ليست',
  'لان',
  'بل',
  'كل',
  'كلا',
  'كلما',
  'كيف',
  'كذلك',
  'بعد',
  'بين',
  'بينما',
  'بدون',
  'فقط',
  'فوق',
  'في',
  'فيما',
  'ولي',
  'وفق',
  'وفقا',
  'لدن',
  'كان',
  'كانت',
]);

/** Inflectional suffixes that the light stemmer removes when what remains is a known word. */
export const INFLECTIONS = ['تين', 'تان', 'ات', 'ون', 'ين', 'ان', 'وا', 'ه'] as const;

/**
 * Affix sequences that a word never seen in news may carry, for finding its stem: conjunction,
 * preposition and article before; subject endings, plural and dual endings and pronouns after.
 */
export const UNSEEN_PREFIXES: readonly string[] = (() => {
  const out = new Set<string>();
  for (const conj of ['', 'و', 'ف'])
    for (const prep of ['', 'ب', 'ك', 'ل'])
      for (const det of ['', 'ال']) out.add(conj + (prep === 'ل' && det ? 'لل' : prep + det));
  return [...out];
})();

/** The interrogative أ is only told from a verb's own أ when another alef follows (أأبادر). */
export const INTERROGATIVE = 'ا';

export const UNSEEN_SUFFIXES: readonly string[] = (() => {
  const endings = [
    '',
    'ت',
    'تا',
    'تم',
    'تما',
    'تن',
    'تمو',
    'وا',
    'و',
    'ا',
    'ن',
    'ات',
    'ان',
    'ين',
    'ون',
    'تين',
    'تان',
    'ه',
    'ي',
  ];
  const pronouns = ['', 'ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كما', 'كم', 'كن', 'ني', 'نا', 'ي'];
  const out = new Set<string>();
  for (const ending of endings) for (const pronoun of pronouns) out.add(ending + pronoun);
  return [...out];
})();
