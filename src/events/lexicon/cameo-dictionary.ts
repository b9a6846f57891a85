// The Arabic CAMEO verb dictionary of UniversalPetrarch (../shared/data/universalpetrarch_arabic/
// CAMEO.ar.0.5.txt, MIT), in PETRARCH-2 format:
//
//   &SET                         a synonym set, then one `+member_` line per member (`_` joins words)
//   ####### VERB PATTERNS #######
//   --- رفض [120] ---            a block: a description and its primary code ([---]: none)
//   رفض        [120]  # reject   a verb of the block, with its own code or none (then the block's)
//   سعى+إلى           # look     a verb with the particle (or object) it takes
//   - * طلب [123] # رفض          a pattern: `*` is the verb, then its object; the comment names
//                                the block's verbs the pattern was written for
//
// In patterns `( … )` is a prepositional phrase and `{ … }` a noun phrase (PETRARCH-2 documentation).
// The dictionary was carried over from English CAMEO word by word and much of it shows it, so only
// what reads reliably is kept: single-word verbs (with a preposition or object after `+`), and
// patterns whose whole object is one noun, a synonym set, or a preposition with one of these. Other
// patterns (two loose words, noun phrases, nested phrases, words before `*`) are counted and dropped.

import { isArabicKey, matchKey } from '../../text/normalize.ts';

export interface CameoVerb {
  /** As the dictionary writes it, diacritics removed (hamza, ى kept: the inflector needs them). */
  readonly lemma: string;
  /** What follows `+`: a preposition (سعى+إلى) or an object noun (رفع+دعوى), in key spelling. */
  readonly particles: readonly string[];
  /** Its own code, else the block's; undefined when neither has one. */
  readonly code?: string;
  readonly gloss: string;
}

/** One object a pattern accepts: a noun, or a preposition and a noun, in key spelling without ال. */
export interface PatternObject {
  readonly prep?: string;
  readonly noun: string;
}

export interface CameoPattern {
  readonly code: string;
  readonly objects: readonly PatternObject[];
  /** The block's verbs the comment names (key spelling, `verb+particle` as written); empty: all. */
  readonly verbs: readonly string[];
  readonly line: number;
}

export interface CameoBlock {
  readonly head: string;
  readonly code?: string;
  readonly verbs: readonly CameoVerb[];
  readonly patterns: readonly CameoPattern[];
  readonly line: number;
}

export interface CameoDictionary {
  /** Set name (with &) → its single-word members, in key spelling. */
  readonly synsets: ReadonlyMap<string, readonly string[]>;
  readonly blocks: readonly CameoBlock[];
  /** What was read and what was left out, for the build report. */
  readonly counts: {
    verbLines: number;
    verbsKept: number;
    patternLines: number;
    patternsKept: number;
    dropped: Readonly<Record<string, number>>;
  };
}

/** Prepositions a pattern's phrase may start with, in key spelling. */
export const PATTERN_PREPOSITIONS: ReadonlySet<string> = new Set(
  [
    'من',
    'إلى',
    'على',
    'في',
    'عن',
    'مع',
    'ضد',
    'ب',
    'ل',
    'ك',
    'حول',
    'بشأن',
    'نحو',
    'لدى',
    'عبر',
    'أمام',
    'تجاه',
    'إزاء',
    'بين',
  ].map(matchKey),
);
/** One-letter prepositions news writes joined to the noun (للانتخاب = ل + الانتخاب). */
const JOINED_PREPOSITIONS = new Set(['ب', 'ل', 'ك']);

const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u0640]/g;
const HEADER = /^---\s*(.*?)\s*\[([^\]]*)\]\s*---/;
const CODE = /\[(\d{2,4}|---)\]/;
const ARTICLE = 'ال';

/** A word as the dictionary writes it, without diacritics or tatweel. */
export const bare = (word: string) => word.replace(DIACRITICS, '');

/** The key of a noun without the article, when at least two letters stay; undefined if not Arabic. */
export function nounKey(word: string): string | undefined {
  let key = matchKey(bare(word));
  if (key.startsWith(ARTICLE) && key.length >= ARTICLE.length + 3) key = key.slice(ARTICLE.length);
  return isArabicKey(key, 2) ? key : undefined;
}

export function parseCameoDictionary(text: string): CameoDictionary {
  const lines = text.split('\n');
  const synsets = new Map<string, string[]>();
  const blocks: {
    head: string;
    code?: string;
    verbs: CameoVerb[];
    patterns: CameoPattern[];
    line: number;
  }[] = [];
  const dropped: Record<string, number> = {};
  const drop = (why: string) => {
    dropped[why] = (dropped[why] ?? 0) + 1;
  };
  const counts = { verbLines: 0, verbsKept: 0, patternLines: 0, patternsKept: 0, dropped };
  let inPatterns = false;
  let set: string[] | undefined;
  let block: (typeof blocks)[number] | undefined;
  const rawPatterns: { text: string; line: number; block: (typeof blocks)[number] }[] = [];

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (!inPatterns) {
      if (line.includes('VERB PATTERNS')) {
        inPatterns = true;
        return;
      }
      if (line.startsWith('#')) return;
      if (line.startsWith('&')) {
        set = [];
        synsets.set(line.split(/\s/)[0]!, set);
      } else if (line.startsWith('+') && set) {
        // Only single-word members: a pattern object is one word here (see the header).
        const words = line
          .slice(1)
          .split('_')
          .filter((w) => w !== '');
        const key = words.length === 1 ? nounKey(words[0]!) : undefined;
        if (key !== undefined && !set.includes(key)) set.push(key);
      }
      return;
    }
    const header = HEADER.exec(line);
    if (header) {
      const code = header[2]!.trim();
      block = {
        head: bare(header[1]!),
        ...(/^\d+$/.test(code) ? { code } : {}),
        verbs: [],
        patterns: [],
        line: i + 1,
      };
      blocks.push(block);
      return;
    }
    if (!block || line.startsWith('#')) return;
    if (line.startsWith('-')) {
      counts.patternLines++;
      rawPatterns.push({ text: line, line: i + 1, block });
      return;
    }
    counts.verbLines++;
    const verb = readVerbLine(line, block.code);
    if (typeof verb === 'string') drop(`verb: ${verb}`);
    else {
      block.verbs.push(verb);
      counts.verbsKept++;
    }
  });

  for (const { text: line, line: n, block: b } of rawPatterns) {
    const parsed = parsePattern(line, synsets);
    if (typeof parsed === 'string') {
      drop(`pattern: ${parsed}`);
      continue;
    }
    b.patterns.push({ ...parsed, line: n });
    counts.patternsKept++;
  }
  return { synsets, blocks, counts };
}

/** A verb line (`رفض   [120]  # reject`, `سعى+إلى  # look`), or why it is dropped. */
function readVerbLine(line: string, blockCode: string | undefined): CameoVerb | string {
  const hash = line.indexOf('#');
  const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
  const gloss = hash >= 0 ? line.slice(hash + 1).trim() : '';
  const ownCode = CODE.exec(body)?.[1];
  const word = body.replace(CODE, '').trim();
  if (/\s/.test(word) || word.includes('،')) return 'several words';
  const [lemma = '', ...rest] = bare(word).split('+');
  const particles = rest.map((p) => nounKey(p) ?? matchKey(p));
  if (!isArabicKey(matchKey(lemma), 2) || particles.some((p) => !isArabicKey(p, 1)))
    return 'not an Arabic word';
  if (lemma.length > 7 || lemma.endsWith('ة')) return 'not a verb lemma';
  // A few lemmas are written in the imperfect (يشتبه): the inflector needs the perfect.
  if (lemma.startsWith('ي') && lemma.length >= 4) return 'imperfect form';
  const code = ownCode !== undefined && ownCode !== '---' ? ownCode : blockCode;
  return { lemma, particles, ...(code !== undefined ? { code } : {}), gloss };
}

type Element =
  | { kind: 'word'; text: string }
  | { kind: 'set'; name: string }
  | { kind: 'pp'; items: Element[] }
  | { kind: 'np'; items: Element[] };

/** The pattern's code, objects and verbs, or why it is dropped. */
export function parsePattern(
  line: string,
  synsets: ReadonlyMap<string, readonly string[]>,
): Omit<CameoPattern, 'line'> | string {
  const hash = line.indexOf('#');
  const body = (hash >= 0 ? line.slice(0, hash) : line).replace(/^-/, '').trim();
  const verbs = (hash >= 0 ? line.slice(hash + 1) : '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '' && !v.includes('_') && !/\s/.test(v))
    .map((v) => matchKey(bare(v)));
  const code = CODE.exec(body)?.[1];
  if (code === undefined || code === '---') return 'no code';
  const star = body.indexOf('*');
  if (star !== 0) return star < 0 ? 'no verb place' : 'words before the verb';
  const elements = tokenize(body.slice(1).replace(CODE, ''));
  if (elements === undefined) return 'unbalanced brackets';
  if (elements.length !== 1) return elements.length === 0 ? 'no object' : 'several object words';
  const objects = objectsOf(elements[0]!, synsets);
  return typeof objects === 'string' ? objects : { code, objects, verbs };
}

function objectsOf(
  element: Element,
  synsets: ReadonlyMap<string, readonly string[]>,
): PatternObject[] | string {
  const nouns = (e: Element): string[] | string => {
    if (e.kind === 'word') {
      const key = nounKey(e.text);
      return key === undefined ? 'not an Arabic word' : [key];
    }
    if (e.kind === 'set') {
      const members = synsets.get(e.name);
      return members === undefined ? 'unknown synonym set' : [...members];
    }
    return e.kind === 'np' ? 'noun phrase' : 'nested phrase';
  };
  if (element.kind !== 'pp') {
    const found = nouns(element);
    return typeof found === 'string' ? found : found.map((noun) => ({ noun }));
  }
  const items = element.items;
  if (items.length === 1 && items[0]!.kind === 'word') {
    // A preposition joined to its noun: (للانتخاب) is ل + الانتخاب.
    const key = matchKey(bare(items[0]!.text));
    const prep = key[0] ?? '';
    // ل before the article drops the article's alef: لل|انتخاب is ل + الانتخاب.
    const written = key.startsWith('لل') ? ARTICLE + key.slice(2) : key.slice(1);
    const noun = JOINED_PREPOSITIONS.has(prep) ? nounKey(written) : undefined;
    return noun !== undefined && noun.length >= 3 ? [{ prep, noun }] : 'phrase without a preposition';
  }
  if (items.length !== 2 || items[0]!.kind !== 'word') return 'phrase of several words';
  // (لل &NEGOTIATION): ل with the article's ل.
  const written = matchKey(bare(items[0]!.text));
  const prep = written === 'لل' ? 'ل' : written;
  if (!PATTERN_PREPOSITIONS.has(prep)) return 'phrase without a preposition';
  const found = nouns(items[1]!);
  return typeof found === 'string' ? found : found.map((noun) => ({ prep, noun }));
}

/** Splits a pattern body into words, &sets, ( ) and { } groups; undefined when brackets do not match. */
function tokenize(text: string): Element[] | undefined {
  const stack: { close: string; items: Element[]; kind: 'pp' | 'np' }[] = [];
  const top: Element[] = [];
  const current = () => stack.at(-1)?.items ?? top;
  for (const token of text.match(/[(){}]|[^\s(){}]+/g) ?? []) {
    if (token === '(' || token === '{')
      stack.push({ close: token === '(' ? ')' : '}', items: [], kind: token === '(' ? 'pp' : 'np' });
    else if (token === ')' || token === '}') {
      const group = stack.pop();
      if (!group || group.close !== token) return undefined;
      current().push({ kind: group.kind, items: group.items });
    } else if (token.startsWith('&')) current().push({ kind: 'set', name: token });
    else current().push({ kind: 'word', text: token });
  }
  return stack.length === 0 ? top : undefined;
}
