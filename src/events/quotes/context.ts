// What the quote finder asks of the layers below it: which sentence a token is in, whether a word
// carries a conjunction or a preposition, whether a token is a speech cue, where a clause ends.

import type { Doc, Mention, Token } from '../../core/doc.ts';
import { insideLonger } from '../../core/span-index.ts';
import { SENTENCE_FINAL } from '../../text/chars.ts';
import { isIgnorable, matchKey } from '../../text/normalize.ts';
import {
  AFTER_CONJUNCTION,
  FINAL_ALEF_MAQSURA,
  IN,
  isComplementiser,
  isJoinedComplementiser,
  LINKERS,
  MIN,
  NATIVE_WAW,
  NOT_BEFORE_COMPLEMENTISER,
  NOT_BEFORE_LINKED_COMPLEMENTISER,
  OPENER_AFTER_FI,
  OPENER_AFTER_MIN,
  OPENERS,
  PREPOSITIONS,
  RELATIVES,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
} from './lexicon.ts';

/** The layers the quote finder reads. `words` is optional: with it, clitics come from the segmentation. */
export type QuoteInput = Pick<Doc, 'article' | 'tokens' | 'sentences' | 'mentions' | 'entities'> & {
  readonly words?: Doc['words'];
};

const FINAL_KEYS = new Set([...SENTENCE_FINAL].map(matchKey));
const NO_MENTIONS: readonly Mention[] = Object.freeze([]);
const WAW = 0x648;
const FA = 0x641;
/** Punctuation that may separate two clauses of one sentence. */
const CLAUSE_PUNCT = new Set([',', ';', '–', '—'].map(matchKey));

export class QuoteContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Sentence index of every token. */
  readonly sentenceOf: Int32Array;
  /** Token range [first, end) of every sentence. */
  readonly sentenceTokens: { first: number; end: number }[];
  /** Linked mentions, by start, less persons inside a longer name (مركز الملك سلمان للإغاثة). */
  readonly mentions: readonly Mention[];
  /** Entity ids of countries and former countries: the places that can speak (قالت روسيا إن). */
  readonly states: ReadonlySet<string>;
  private readonly words: Doc['words'] | undefined;
  /** Per token: the mentions that end inside it, and whether some mention covers any of it. */
  private readonly ending: (Mention[] | undefined)[];
  private readonly covered: Uint8Array;
  /** conjStripped by token, filled as asked: the cue finder asks up to five times a word. */
  private readonly stripped: (string | undefined)[];

  constructor(doc: QuoteInput) {
    this.text = doc.article.text;
    this.tokens = doc.tokens;
    this.words = doc.words;
    const insideName = insideLonger(doc.mentions, (n) => n.type !== 'PER');
    this.mentions = doc.mentions
      .filter((m) => m.entity !== null && !(m.type === 'PER' && insideName.has(m)))
      .sort((a, b) => a.start - b.start);
    // Most tokens end no mention: an array only where one does.
    this.ending = new Array(doc.tokens.length);
    this.covered = new Uint8Array(doc.tokens.length);
    this.stripped = new Array(doc.tokens.length);
    for (const m of this.mentions) {
      const first = this.tokenAt(m.start);
      const last = this.tokenAt(m.end - 1);
      if (first < 0 || last < 0) continue;
      this.ending[last] ??= [];
      this.ending[last].push(m);
      this.covered.fill(1, first, last + 1);
    }
    this.states = new Set(
      doc.entities.filter((e) => e.kind === 'country' || e.kind === 'former_country').map((e) => e.id),
    );
    this.sentenceOf = new Int32Array(doc.tokens.length).fill(-1);
    this.sentenceTokens = [];
    let t = 0;
    doc.sentences.forEach((s, index) => {
      while (t < doc.tokens.length && doc.tokens[t]!.end <= s.start) t++;
      const first = t;
      while (t < doc.tokens.length && doc.tokens[t]!.start < s.end) this.sentenceOf[t++] = index;
      this.sentenceTokens.push({ first, end: t });
    });
    // Tokens outside every sentence (there should be none) form sentences of their own.
    for (let i = 0; i < doc.tokens.length; i++)
      if (this.sentenceOf[i] === -1) {
        this.sentenceOf[i] = this.sentenceTokens.length;
        this.sentenceTokens.push({ first: i, end: i + 1 });
      }
  }

  key(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  isWord(i: number): boolean {
    return this.tokens[i]?.kind === 'word';
  }

  isPunct(i: number, chars?: string): boolean {
    const token = this.tokens[i];
    return token?.kind === 'punct' && (chars === undefined || chars.includes(this.text[token.start]!));
  }

  isFinal(i: number): boolean {
    return this.tokens[i]?.kind === 'punct' && FINAL_KEYS.has(this.key(i));
  }

  isClausePunct(i: number): boolean {
    return this.tokens[i]?.kind === 'punct' && CLAUSE_PUNCT.has(this.key(i));
  }

  /** The end (exclusive) of the sentence that holds token `i`. */
  sentenceEnd(i: number): number {
    return this.sentenceTokens[this.sentenceOf[i]!]!.end;
  }

  sentenceFirst(i: number): number {
    return this.sentenceTokens[this.sentenceOf[i]!]!.first;
  }

  /** Whether word `i` starts with the conjunction و or ف. */
  hasConjunction(i: number): boolean {
    if (!this.isWord(i)) return false;
    const shape = this.words?.[i];
    if (shape) return shape.segments[0]?.role === 'conj' && shape.segments.length > 1;
    // No segmentation: a و starts a conjunction unless the word is a name or a noun of its own
    // (وزير، واشنطن); ف only before ال, a function word or a speech verb (فإن، فقد، فقال).
    const key = this.key(i);
    if (key.length < 3) return false;
    const rest = key.slice(1);
    if (rest.startsWith('ال') || AFTER_CONJUNCTION.has(rest) || SPEECH_VERBS.has(rest))
      return /^[وف]/.test(key);
    if (!key.startsWith('و') || NATIVE_WAW.some((stem) => key.startsWith(stem))) return false;
    const start = this.tokens[i]!.start;
    return !this.mentionsIn(start, start + 1).length;
  }

  /** The key of word `i` without a leading conjunction. */
  bareKey(i: number): string {
    const key = this.key(i);
    return this.hasConjunction(i) ? key.slice(1) : key;
  }

  /** Whether word `i` starts (after any conjunction) with the preposition ب، ل or ك. */
  hasPreposition(i: number): boolean {
    if (!this.isWord(i)) return false;
    const shape = this.words?.[i];
    if (shape) {
      const segments = shape.segments[0]?.role === 'conj' ? shape.segments.slice(1) : shape.segments;
      return segments[0]?.role === 'prep' && segments.length > 1;
    }
    return /^(?:لل|بال|كال)/.test(this.bareKey(i));
  }

  /** A standalone preposition, or a word that begins with one. */
  isPrepositional(i: number): boolean {
    return PREPOSITIONS.has(this.key(i)) || this.hasPreposition(i) || this.key(i) === 'ل';
  }

  /** The speech verb at word `i` (after any conjunction): قال، وأضافت، يؤكد. */
  isSpeechVerb(i: number): boolean {
    if (!this.isWord(i)) return false;
    const key = SPEECH_VERBS.has(this.key(i)) ? this.key(i) : this.conjStripped(i);
    if (!SPEECH_VERBS.has(key)) return false;
    return !(FINAL_ALEF_MAQSURA.has(key) && this.lastLetter(i) === 'ي');
  }

  /** The last letter of token `i` as written (diacritics and tatweel skipped). */
  private lastLetter(i: number): string {
    const token = this.tokens[i]!;
    let at = token.end - 1;
    while (at > token.start && isIgnorable(this.text.charCodeAt(at))) at--;
    return this.text[at]!;
  }

  isParticiple(i: number): boolean {
    return (
      this.isWord(i) && (SPEECH_PARTICIPLES.has(this.key(i)) || SPEECH_PARTICIPLES.has(this.conjStripped(i)))
    );
  }

  /** The key less a leading و or ف, whatever the segmentation says (cue words are checked against lists). */
  conjStripped(i: number): string {
    const known = this.stripped[i];
    if (known !== undefined) return known;
    const key = this.key(i);
    const first = key.charCodeAt(0);
    const stripped = first === WAW || first === FA ? key.slice(1) : key;
    if (i >= 0 && i < this.stripped.length) this.stripped[i] = stripped;
    return stripped;
  }

  /** Offset just past the first letter of token `i` and its marks: after the و of وقال, the ل of لسيرغي. */
  afterFirstLetter(i: number): number {
    const token = this.tokens[i]!;
    let at = token.start + 1;
    while (at < token.end && isIgnorable(this.text.charCodeAt(at))) at++;
    return at;
  }

  /** إن/أن at token `i` as the complement of a speech verb (not بعد أن، إلا أن، على الرغم من أن). */
  isComplementiserAt(i: number): boolean {
    if (!isComplementiser(this.key(i))) return false;
    const before = this.key(i - 1);
    if (NOT_BEFORE_COMPLEMENTISER.has(before)) return false;
    if (LINKERS.has(before) && NOT_BEFORE_LINKED_COMPLEMENTISER.has(this.key(i - 2))) return false;
    // أن before a present-tense verb is the subjunctive particle (أن يكون), unless a name follows (أن يريفان).
    if (this.key(i) === 'ان' && this.key(i + 1).startsWith('ي')) {
      const next = this.tokens[i + 1]!;
      return this.mentionsIn(next.start, next.end).length > 0;
    }
    return true;
  }

  /**
   * Whether word `i`, right after a comma, opens a new clause: a word with a conjunction (other than
   * وأن/وإن, which go on with the same speech, and و before a relative pronoun), or an opener (من
   * جانبه، في المقابل، بدوره، بينما).
   */
  opensClause(i: number): boolean {
    if (!this.isWord(i)) return false;
    const key = this.key(i);
    if (OPENERS.has(key)) return true;
    if (key === MIN && OPENER_AFTER_MIN.has(this.key(i + 1))) return true;
    if (key === IN && OPENER_AFTER_FI.has(this.key(i + 1))) return true;
    if (!this.hasConjunction(i)) return false;
    if (isJoinedComplementiser(key)) return false;
    return !RELATIVES.has(key.slice(1));
  }

  /** The first token of the clause that holds token `i`: after the last clause break before it in its sentence. */
  clauseStart(i: number): number {
    const first = this.sentenceFirst(i);
    let k = i;
    while (k > first && !(this.isClausePunct(k - 1) && this.opensClause(k))) k--;
    return k;
  }

  /** The mentions that start inside [from, to) (offsets). */
  mentionsIn(from: number, to: number): Mention[] {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Mention[] = [];
    for (let k = lo; k < this.mentions.length && this.mentions[k]!.start < to; k++)
      out.push(this.mentions[k]!);
    return out;
  }

  /** The mentions that end inside token `i`. */
  mentionsEndingIn(i: number): readonly Mention[] {
    return this.ending[i] ?? NO_MENTIONS;
  }

  /** Whether a linked mention covers some of token `i`. */
  isCovered(i: number): boolean {
    return this.covered[i] === 1;
  }

  /** Whether a mention is the object of a preposition: للأمم المتحدة، بلافروف، لـ رويترز. */
  isPrepositionObject(m: Mention): boolean {
    const i = this.tokenAt(m.start);
    if (i < 0) return false;
    const token = this.tokens[i]!;
    if (m.start === token.start) {
      const before = this.key(i - 1);
      return before === 'ل' || before === 'ب';
    }
    const prefix = matchKey(this.text.slice(token.start, m.start)).replace(/^[وف]/, '');
    return /^[بلك]/.test(prefix);
  }

  /** Index of the token that holds offset `at`, or -1. */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const token = this.tokens[mid]!;
      if (at < token.start) hi = mid - 1;
      else if (at >= token.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
