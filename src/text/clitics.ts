// Clitic segmentation and light stemming of one word, checked against word counts from real news:
// a clitic comes off only when what remains is a word that news actually writes at least about as
// often (و|قال, ل|ل|تعاون), so names and words that merely begin like a clitic stay whole
// (بوتين is not ب|وتين, وزير is not و|زير). Segments keep offsets into the surface form.

import type { Segment, SegmentRole, WordShape } from '../core/doc.ts';
import {
  CONJUNCTIONS,
  DETERMINER,
  FIRST_PERSON_PLURAL,
  FUTURE,
  IMPERFECT_PREFIXES,
  INFLECTIONS,
  INTERROGATIVE,
  PREPOSITIONS,
  PRONOUN_HOSTS,
  PRONOUNS,
  SECOND_PERSON_PRONOUNS,
  UNSEEN_PREFIXES,
  UNSEEN_SUFFIXES,
  WHOLE_WORDS,
} from './affixes.ts';
import { normalizeWithOffsets } from './normalize.ts';

/** What the segmenter needs to know about words: how often news writes a key, and whether it is a name. */
export interface WordCounts {
  count(key: string): number;
  isName(key: string): boolean;
}

/** A stripped form must be seen at least this often to count as a word. */
const MIN_COUNT = 3;
/**
 * …and at least 1/DOMINANCE as often as the unstripped form, or the unstripped form is its own word.
 * Prefixed forms are often the commoner spelling (بشكل outnumbers شكل ten to one), suffixed ones rarely.
 */
const PREFIX_DOMINANCE = 12;
const SUFFIX_DOMINANCE = 4;
/**
 * A form that news also writes with the article (الفكرة، الكامل، البحر) is a noun in its own right, so
 * its first letter is not a clitic: فكرة is not ف|كرة. بشكل never takes ال (no البشكل), so ب|شكل.
 */
const NOUN_SHARE = 0.05;

const TA_MARBUTA = 'ة';
/** The simile ك (كرئيس) is rarer than the many words that merely begin with ك (كندا، كلف): only before ال. */
const SIMILE = 'ك'.charCodeAt(0);
const LAM = 'ل'.charCodeAt(0);
const FUTURE_CODE = FUTURE.charCodeAt(0);
const codesOf = (letters: Iterable<string>) => new Set([...letters].map((l) => l.charCodeAt(0)));
const CONJUNCTION_CODES = codesOf(CONJUNCTIONS);
const PREPOSITION_CODES = codesOf(PREPOSITIONS);
const IMPERFECT_CODES = codesOf(IMPERFECT_PREFIXES);

/** The article ال at `at`, with at least two letters after it. */
const startsDefinite = (s: string, at: number) => s.startsWith(DETERMINER, at) && s.length - at >= 4;

interface Cut {
  readonly from: number;
  readonly to: number;
  readonly role: SegmentRole;
}

export function createWordShaper(lexicon: WordCounts): (surface: string, key: string) => WordShape {
  // Each rule asks for the count of the word it is looking at, and the next rule asks again: the
  // last two answers are kept, since every lookup in a large table is a trip to main memory.
  let lastKey = '';
  let lastCount = 0;
  let lastKey2 = '';
  let lastCount2 = 0;
  const count = (key: string): number => {
    if (key === lastKey) return lastCount;
    if (key === lastKey2) return lastCount2;
    const c = lexicon.count(key);
    lastKey2 = lastKey;
    lastCount2 = lastCount;
    lastKey = key;
    lastCount = c;
    return c;
  };
  const counts: WordCounts = { count, isName: (key) => lexicon.isName(key) };
  const known = (key: string) => count(key) >= MIN_COUNT;
  const supports = (whole: string, stripped: string, dominance: number) => {
    if (stripped.length < 2) return false;
    const c = count(stripped);
    return c >= MIN_COUNT && c * dominance >= count(whole);
  };
  const takesArticle = (word: string) => count(DETERMINER + word) > NOUN_SHARE * count(word);
  /** A proclitic comes off when the rest is a word and the whole is not a noun of its own. */
  const procliticSupported = (whole: string, stripped: string) =>
    supports(whole, stripped, PREFIX_DOMINANCE) && !(known(whole) && takesArticle(whole));
  /** و، ب، ل before a definite noun (والمشاركون، بالإضافة): a clitic whenever that noun is a word. */
  const beforeArticle = (whole: string) =>
    whole.startsWith(DETERMINER, 1) && whole.length >= 5 && (!known(whole) || known(whole.slice(1)));
  const allPronouns: readonly string[] = [...PRONOUNS, ...SECOND_PERSON_PRONOUNS];
  const isPronoun = (s: string) => allPronouns.includes(s);
  /** Particle + pronoun such as إليها, عليه: the ال of إلى is no article. */
  const isHostWithPronoun = (s: string) =>
    PRONOUN_HOSTS.has(s) ||
    allPronouns.some((p) => s.endsWith(p) && PRONOUN_HOSTS.has(s.slice(0, -p.length)));

  /** Proclitic cuts of a key, left to right: conjunction, preposition or future, determiner. */
  function proclitics(key: string, cuts: Cut[]): number {
    let pos = 0;
    let r = key;
    if (CONJUNCTION_CODES.has(r.charCodeAt(0)) && r.length >= 3 && !WHOLE_WORDS.has(r)) {
      if (beforeArticle(r) || procliticSupported(r, r.slice(1)) || isPrepositionPronoun(r.slice(1))) {
        cuts.push({ from: 0, to: 1, role: 'conj' });
        pos = 1;
        r = key.slice(1);
      }
    }
    let definite = false;
    const first = r.charCodeAt(0);
    if (PREPOSITION_CODES.has(first) && !WHOLE_WORDS.has(r)) {
      if (isPrepositionPronoun(r)) {
        cuts.push({ from: pos, to: pos + 1, role: 'prep' });
        pos += 1;
      } else if (
        first === LAM &&
        r.charCodeAt(1) === LAM &&
        r.length >= 4 &&
        (supports(r, DETERMINER + r.slice(2), PREFIX_DOMINANCE) || !known(r))
      ) {
        cuts.push({ from: pos, to: pos + 1, role: 'prep' }, { from: pos + 1, to: pos + 2, role: 'det' });
        pos += 2;
        definite = true;
      } else if (beforeArticle(r) || (first !== SIMILE && procliticSupported(r, r.slice(1)))) {
        cuts.push({ from: pos, to: pos + 1, role: 'prep' });
        pos += 1;
      }
    } else if (
      first === FUTURE_CODE &&
      IMPERFECT_CODES.has(r.charCodeAt(1)) &&
      r.length >= 4 &&
      procliticSupported(r, r.slice(1))
    ) {
      cuts.push({ from: pos, to: pos + 1, role: 'future' });
      pos += 1;
    }
    if (!definite && startsDefinite(key, pos)) {
      r = key.slice(pos);
      if (!WHOLE_WORDS.has(r) && !isHostWithPronoun(r)) {
        cuts.push({ from: pos, to: pos + 2, role: 'det' });
        pos += 2;
      }
    }
    return pos;
  }

  function isPrepositionPronoun(s: string): boolean {
    return s.length >= 2 && PREPOSITION_CODES.has(s.charCodeAt(0)) && isPronoun(s.slice(1));
  }

  /** The pronoun suffix of a stem, if its host is a word news writes (نشرت|ها، حكومت|ه، علي|ه). */
  function pronounLength(stem: string): number {
    if (WHOLE_WORDS.has(stem)) return 0;
    for (const pronoun of allPronouns) {
      if (!stem.endsWith(pronoun) || stem.length - pronoun.length < 2) continue;
      const host = stem.slice(0, -pronoun.length);
      if (PRONOUN_HOSTS.has(host)) return pronoun.length;
      if (!(PRONOUNS as readonly string[]).includes(pronoun)) continue;
      if (hostsPronoun(stem, host, pronoun)) return pronoun.length;
      // A ta marbuta becomes ت before a pronoun: حكومته is حكومة + ه.
      if (host.endsWith('ت') && hostsPronoun(stem, `${host.slice(0, -1)}ه`, pronoun)) return pronoun.length;
    }
    return 0;
  }

  function hostsPronoun(stem: string, host: string, pronoun: string): boolean {
    return (
      supports(stem, host, SUFFIX_DOMINANCE) &&
      (pronoun !== FIRST_PERSON_PLURAL || takesArticle(host)) &&
      !(counts.isName(stem) && count(host) < count(stem))
    );
  }

  /** A name is a name when news never writes it with the article: بوتين yes, متحدة (of المتحدة) no. */
  const isProperName = (key: string) => counts.isName(key) && !takesArticle(key);

  const isInflection = (stem: string, suffix: string) =>
    suffix !== 'ه' && stem.endsWith(suffix) && stem.length - suffix.length >= 3;

  function lightStem(stem: string, endsInTaMarbuta: boolean): string {
    if (stem.length <= 3 || WHOLE_WORDS.has(stem)) return stem;
    // Most words end in no inflection: decide that from the letters before asking the lexicon.
    if (endsInTaMarbuta) return isProperName(stem) ? stem : stem.slice(0, -1);
    if (!INFLECTIONS.some((suffix) => isInflection(stem, suffix)) || isProperName(stem)) return stem;
    // A word news has never written may well be a name no list knows (قيرغيزستان): keep it whole.
    for (const suffix of INFLECTIONS) {
      if (!isInflection(stem, suffix)) continue;
      const base = stem.slice(0, -suffix.length);
      if (supports(stem, base, SUFFIX_DOMINANCE) || supports(stem, `${base}ه`, SUFFIX_DOMINANCE)) return base;
    }
    return stem;
  }

  /**
   * A word news never wrote (classical forms, rare inflections) gets no help from counts for its
   * clitics, but its stem can still be found: peel known affixes off it and keep the shortest stem
   * of three letters or more that news does write (بمعهدك → معهد، وطفلتين → طفل، أأبادتاكما → اباد).
   */
  function unseenStem(key: string): string | undefined {
    let best: string | undefined;
    const better = (stem: string) =>
      best === undefined ||
      (stem.length >= 3 ? best.length < 3 || stem.length < best.length : stem.length > best.length);
    const bare = key.startsWith(INTERROGATIVE + INTERROGATIVE) ? key.slice(1) : key;
    for (const prefix of UNSEEN_PREFIXES) {
      if (!bare.startsWith(prefix)) continue;
      for (const suffix of UNSEEN_SUFFIXES) {
        if (bare.length - prefix.length - suffix.length < 2 || !bare.endsWith(suffix)) continue;
        let stem = bare.slice(prefix.length, bare.length - suffix.length);
        if (!known(stem)) {
          if (!stem.endsWith('ت') || !known(`${stem.slice(0, -1)}ه`)) continue;
          stem = stem.slice(0, -1);
        }
        if (better(stem)) best = stem;
      }
    }
    return best;
  }

  function stemOf(key: string, host: string, taMarbuta: boolean): string {
    if (counts.count(key) === 0 && !isProperName(key)) {
      const unseen = unseenStem(key);
      if (unseen !== undefined) return unseen;
    }
    return lightStem(host, taMarbuta) || key;
  }

  return function shape(surface: string, key: string): WordShape {
    const cuts: Cut[] = [];
    const afterProclitics = proclitics(key, cuts);
    const definite = cuts.at(-1)?.role === 'det';
    const endsInTaMarbuta = lastLetter(surface) === TA_MARBUTA;
    let stemEnd = key.length;
    if (!definite && !endsInTaMarbuta) stemEnd -= pronounLength(key.slice(afterProclitics));
    if (stemEnd > afterProclitics) cuts.push({ from: afterProclitics, to: stemEnd, role: 'stem' });
    if (stemEnd < key.length) cuts.push({ from: stemEnd, to: key.length, role: 'pron' });
    return new LazyStemShape(
      toSurface(cuts, surface, key),
      key,
      afterProclitics,
      stemEnd,
      endsInTaMarbuta,
      stemFor,
    );
  };

  function stemFor(shape: LazyStemShape): string {
    const { key, hostStart, hostEnd } = shape;
    let host = key.slice(hostStart, hostEnd);
    // حكومته stems like حكومة: the ت before a pronoun is the ta marbuta.
    const restored = hostEnd < key.length && host.endsWith('ت') && !known(host);
    if (restored) host = `${host.slice(0, -1)}ه`;
    return stemOf(key, host, shape.endsInTaMarbuta || restored);
  }
}

/** The stem is for search: it is worked out when first asked for, not on the analysis path. */
class LazyStemShape implements WordShape {
  #stem: string | undefined;
  constructor(
    readonly segments: readonly Segment[],
    readonly key: string,
    readonly hostStart: number,
    readonly hostEnd: number,
    readonly endsInTaMarbuta: boolean,
    private readonly stemFor: (shape: LazyStemShape) => string,
  ) {}

  get stem(): string {
    this.#stem ??= this.stemFor(this);
    return this.#stem;
  }
}

function lastLetter(surface: string): string | undefined {
  for (let i = surface.length - 1; i >= 0; i--) {
    const c = surface.charCodeAt(i);
    // skip harakat, tatweel and other marks that follow the last letter
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) continue;
    return surface[i];
  }
  return undefined;
}

/** Maps cuts in key positions back to the surface form; marks stay with the letter before them. */
function toSurface(cuts: readonly Cut[], surface: string, key: string): readonly Segment[] {
  if (cuts.length === 0 || (cuts.length === 1 && key.length === surface.length))
    return wholeWord(surface.length);
  // Letter folds (أ→ا، ة→ه) keep positions; only dropped marks and split ligatures move them.
  if (key.length === surface.length && !hasPresentationForms(surface))
    return cuts.map(({ from, to, role }) => ({ start: from, end: to, role }));
  const { offsets } = normalizeWithOffsets(surface);
  const at = (k: number) => (k >= key.length ? surface.length : offsets[k]!);
  const segments: Segment[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i]!;
    const start = i === 0 ? 0 : at(cut.from);
    const end = i === cuts.length - 1 ? surface.length : at(cut.to);
    if (end > start) segments.push({ start, end, role: cut.role });
  }
  return segments;
}

function hasPresentationForms(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xfb00 && c <= 0xfeff) return true;
  }
  return false;
}

// Most words have no clitics: they share one frozen segment list per length.
const wholeWords: (readonly Segment[])[] = [];
function wholeWord(length: number): readonly Segment[] {
  wholeWords[length] ??= Object.freeze([Object.freeze({ start: 0, end: length, role: 'stem' as const })]);
  return wholeWords[length]!;
}
