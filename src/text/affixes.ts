// Arabic clitics and inflectional suffixes as data, in matching-key spelling (see normalize.ts).

/** Conjunctions that attach to the front of a word. */
export const CONJUNCTIONS = ['و', 'ف'] as const;

/** Prepositions that attach to the front of a word (ل before ال drops the alef: للتعاون). */
export const PREPOSITIONS = ['ب', 'ل', 'ك'] as const;

/** The future particle attaches to imperfect verbs, whose first letter is one of these. */
export const FUTURE = 'س';
export const IMPERFECT_PREFIXES = 'يتنا';

export const DETERMINER = 'ال';

/** Object and possessive pronouns, longest first so هما wins over ها. */
export const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ه'] as const;

/** The second-person ك is also the last letter of many nouns (بنك، ملك): only strip it after these. */
export const PRONOUN_K = 'ك';
export const PRONOUN_K_HOSTS = new Set([
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
