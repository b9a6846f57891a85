// PLOVER event coding, sentence by sentence: a trigger word from the lexicon (انعقد، هجوم، رفض …)
// names the event; its arguments are the linked entity mentions around it, read in the order Arabic
// news writes them: verb, then subject, then object (قاطعت يريفان … الاجتماعات), or a verbal noun
// and its genitive (اجتماع مجلس وزراء …). See arguments.ts for who is who, modality.ts for the
// auxiliary mode; what the text leaves implicit is filled across events in context.ts.

import { BoundedMap } from '../core/bounded-map.ts';
import type { Doc, EventRecord, Mention, Quote, Token } from '../core/doc.ts';
import { insideLonger, overlappedTokens } from '../core/span-index.ts';
import { argumentsOf, type Sentence } from './arguments.ts';
import { fillFromContext } from './context.ts';
import {
  type PhraseTrigger,
  type Trigger as Reading,
  type TriggerLexicon,
  triggerKeys,
} from './lexicon/triggers.ts';
import { auxiliaryOf } from './modality.ts';

export type EventInput = Pick<
  Doc,
  'article' | 'tokens' | 'words' | 'sentences' | 'mentions' | 'entities' | 'dates' | 'figures'
>;

/** How far after a trigger a required word may stand, in tokens. */
const REQUIRES_WINDOW = 4;
/** Two triggers of one type this close in a sentence name one event (انعقد … الاجتماع). */
const SAME_EVENT_WINDOW = 8;
const TERROR = /^(ال)?ارهاب/;
const DEFINITE = /^(و|ف)?(ب|ل|ك)?(ال|لل)/;
const PREPOSITIONS = new Set(['في', 'من', 'عن', 'علي', 'الي', 'بعد', 'قبل', 'عند', 'حول', 'خلال', 'بشان']);

/** A trigger found in the text: its first token, how many tokens it spans, and the reading taken. */
export interface Trigger {
  readonly t: number;
  readonly length: number;
  readonly sense: Reading;
  readonly sentence: Sentence;
}

export interface CoderOptions {
  /** Whether news writes this key as a word of its own (the lexicon's count): وزارة is, وقاطعت is not. */
  readonly isWord?: (key: string) => boolean;
}

export function createEventCoder(lexicon: TriggerLexicon, { isWord = () => false }: CoderOptions = {}) {
  const wordTriggers = createWordTriggers(lexicon, isWord);
  return (doc: EventInput, quotes: readonly Quote[] = []): EventRecord[] => {
    const linked = outermost(doc.mentions.filter((m) => m.entity !== null));
    const triggers = findTriggers(doc, lexicon, wordTriggers, linked);
    const drafts = triggers.map((trigger, n) => {
      const { t, sense, sentence } = trigger;
      const others = triggers.filter((o) => o.sentence === sentence && o !== trigger);
      const { implicit, genitive, ...args } = argumentsOf(doc, trigger, others, linked, quotes);
      const token = doc.tokens[t]!;
      const last = doc.tokens[t + trigger.length - 1]!;
      const auxiliary = auxiliaryOf(doc.tokens, sentence.first, t, sense.pos === 'verb');
      const terror = [doc.tokens[t + 1], doc.tokens[t + 2]].some((x) => x && TERROR.test(x.norm));
      const event: EventRecord = {
        id: `${doc.article.id}:e${n + 1}`,
        type: sense.type,
        ...(sense.mode ? { mode: sense.mode } : {}),
        context: [...new Set([...sense.context, ...(terror ? ['terrorism'] : [])])],
        ...(auxiliary ? { auxiliary } : {}),
        ...args,
        evidence: { start: sentence.start, end: sentence.end },
        trigger: { start: token.start, end: last.end },
        confidence: 0.5,
      };
      return { event, trigger, ...(implicit ? { implicit } : {}), ...(genitive ? { genitive } : {}) };
    });
    return fillFromContext(doc, drafts);
  };
}

/** Mentions not inside another linked mention: the CIS Council, not the CIS inside it. */
function outermost(mentions: readonly Mention[]): Mention[] {
  const inside = insideLonger(mentions, () => true);
  return mentions.filter((m) => !inside.has(m));
}

/** A trigger of the same type kept within SAME_EVENT_WINDOW tokens before `i` (looked for from the latest back). */
function sameEventNearby(kept: readonly Trigger[], type: Trigger['sense']['type'], i: number): boolean {
  for (let k = kept.length - 1; k >= 0 && i - kept[k]!.t <= SAME_EVENT_WINDOW; k--)
    if (kept[k]!.sense.type === type) return true;
  return false;
}

function findTriggers(
  doc: EventInput,
  lexicon: TriggerLexicon,
  wordTriggers: (norm: string) => WordTriggers,
  linked: readonly Mention[],
): Trigger[] {
  const out: Trigger[] = [];
  const named = overlappedTokens(doc.tokens, linked);
  let t = 0;
  for (const s of doc.sentences) {
    const first = t;
    while (t < doc.tokens.length && doc.tokens[t]!.end <= s.end) t++;
    const sentence: Sentence = { start: s.start, end: s.end, first, last: t };
    const kept: Trigger[] = [];
    for (let i = first; i < t; i++) {
      const token = doc.tokens[i]!;
      if (token.kind !== 'word' || named[i]) continue;
      const word = wordTriggers(token.norm);
      const found = phraseAt(doc.tokens, word, i, t) ?? wordAt(doc, lexicon, word, i, t);
      if (!found || sameEventNearby(kept, found.sense.type, i)) continue;
      kept.push({ t: i, ...found, sentence });
      i += found.length - 1;
    }
    out.push(...kept);
  }
  return out;
}

/** What the lexicon says of one written word, whatever its context. */
interface WordTriggers {
  /**
   * The phrases that may start at the word, in the order to try them: those of each of its keys,
   * and, for a short first word that keeps its conjunction in triggerKeys (وتم), of the word without it.
   */
  readonly phrases: readonly PhraseTrigger[];
  /** Whether news writes the word as a word of its own (CoderOptions.isWord). */
  readonly isWord: boolean;
  /** Whether it starts with the article, after a conjunction or preposition if any. */
  readonly definite: boolean;
  /** Its readings (lexicon.find) without and with the conjunction reading, filled in as asked. */
  bare?: readonly Reading[] | undefined;
  withConjunction?: readonly Reading[] | undefined;
}

const NO_PHRASES: readonly PhraseTrigger[] = Object.freeze([]);

/** Above this many distinct words the cache starts afresh. */
const CACHE_LIMIT = 50_000;

/**
 * WordTriggers by word, remembered: every word token of every article asks, and news repeats its
 * words; before, each question (every key's phrases, isWord, the readings) was a lookup of its own.
 */
function createWordTriggers(lexicon: TriggerLexicon, isWord: (key: string) => boolean) {
  const known = new BoundedMap<string, WordTriggers>(CACHE_LIMIT);
  return (norm: string): WordTriggers =>
    known.get(norm) ??
    known.set(norm, {
      phrases: phrasesOf(lexicon, [...triggerKeys(norm), ...(/^[وف]../.test(norm) ? [norm.slice(1)] : [])]),
      isWord: isWord(norm),
      definite: DEFINITE.test(norm),
      // Present from the start, so that every entry has one shape for the coder's property reads.
      bare: undefined,
      withConjunction: undefined,
    });
}

function phrasesOf(lexicon: TriggerLexicon, keys: readonly string[]): readonly PhraseTrigger[] {
  const phrases = keys.flatMap((key) => lexicon.phrases(key));
  // Most words start no phrase: they share one empty list.
  return phrases.length > 0 ? phrases : NO_PHRASES;
}

/** The readings of the word `norm`, asked of the lexicon the first time only. */
function readingsOf(lexicon: TriggerLexicon, word: WordTriggers, norm: string, conjunction: boolean) {
  if (conjunction) {
    word.withConjunction ??= lexicon.find(norm, { conjunction });
    return word.withConjunction;
  }
  word.bare ??= lexicon.find(norm, { conjunction });
  return word.bare;
}

/** The longest phrase that starts at token `i`: every later word has the phrase's key among its readings. */
function phraseAt(tokens: readonly Token[], word: WordTriggers, i: number, to: number) {
  if (word.phrases.length === 0) return undefined;
  // A common first word (تم) starts dozens of phrases: the keys of each word after it are asked once.
  const after: KeysAfter = [];
  for (const phrase of word.phrases) {
    const { keys } = phrase;
    if (i + keys.length > to) continue;
    let k = 1;
    while (k < keys.length && keysAt(tokens, after, i, i + k).includes(keys[k]!)) k++;
    if (k === keys.length && satisfied(tokens, i + keys.length - 1, to, phrase, after, i))
      return { length: keys.length, sense: phrase };
  }
  return undefined;
}

function wordAt(doc: EventInput, lexicon: TriggerLexicon, word: WordTriggers, i: number, to: number) {
  const { tokens } = doc;
  // A word news writes whole, and the text layer keeps whole, has no conjunction: وزارة is not و + زاره.
  const shape = doc.words[i];
  const conjunction = !shape || shape.segments[0]?.role === 'conj' || !word.isWord;
  const readings = readingsOf(lexicon, word, tokens[i]!.norm, conjunction);
  // Most words have no reading: nothing to weigh.
  if (readings.length === 0) return undefined;
  // رفض is a verb or its verbal noun: without the article and not after a preposition, a verb.
  const verbal = !word.definite && !PREPOSITIONS.has(tokens[i - 1]?.norm ?? '');
  // The first verb reading that holds when verbal, else the first that holds: one pass, no copies.
  let first: Reading | undefined;
  const after: KeysAfter = [];
  for (const x of readings) {
    if (!satisfied(tokens, i, to, x, after, i)) continue;
    if (verbal && x.pos === 'verb') return { length: 1, sense: x };
    first ??= x;
    if (!verbal) break;
  }
  return first && { length: 1, sense: first };
}

/**
 * The keys of the words after a candidate, by token offset from `base`, each asked of triggerKeys
 * once: a word's readings (and a first word's phrases) look at the same few words again and again.
 */
type KeysAfter = (readonly string[] | undefined)[];

function keysAt(tokens: readonly Token[], known: KeysAfter, base: number, k: number): readonly string[] {
  const keys = known[k - base] ?? triggerKeys(tokens[k]!.norm);
  known[k - base] = keys;
  return keys;
}

/** A reading that needs a word after it (أعرب … عن تضامنه) holds only when one follows closely. */
function satisfied(
  tokens: readonly Token[],
  i: number,
  to: number,
  sense: Reading,
  known: KeysAfter,
  base: number,
): boolean {
  if (!sense.requires?.length) return true;
  const { requires } = sense;
  for (let k = i + 1; k < Math.min(to, i + 1 + REQUIRES_WINDOW); k++)
    for (const key of keysAt(tokens, known, base, k)) if (requires.includes(key)) return true;
  return false;
}
