// Named-entity gold in the CoNLL layout (`token TAG` per line) and its scoring: entity-level exact
// match as conlleval computes it for CoNLL-2003. An entity counts only when its type and both of its
// token boundaries match; a partly overlapping prediction is a miss and a false alarm at once.

import { FORMAT_CONTROLS } from '../text/chars.ts';
import { type Counts, percent, prf, type Scores } from './scores.ts';

export interface TaggedSentence {
  readonly tokens: string[];
  /** IOB2 with the type names PER, LOC, ORG, MISC (other names kept, uppercased). */
  readonly tags: string[];
}

export interface EntitySpan {
  readonly type: string;
  /** Token indices, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface TypeScores extends Scores {
  /** Gold entities. */
  readonly support: number;
  /** Predicted entities. */
  readonly predicted: number;
  /** Predicted entities that match a gold one exactly. */
  readonly correct: number;
}

export interface NerScores {
  /** Micro-averaged over every entity of every type. */
  readonly overall: TypeScores;
  /** Every type seen in the gold or the predictions, in alphabetical order. */
  readonly byType: Readonly<Record<string, TypeScores>>;
  readonly tokens: number;
  /** Share of tokens whose IOB2 tag is right, O included. */
  readonly tokenAccuracy: number;
}

/** ANERcorp writes PERS; everything else (CoNLL, Wojood, CAMeL) writes PER. */
const TYPE_ALIASES: Readonly<Record<string, string>> = { PERS: 'PER' };

/** When a file has no blank lines, a sentence ends after one of these tokens. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '؟']);

const TAG = /^([BI])-([A-Z][A-Z0-9_]*)$/;

const formatControls = FORMAT_CONTROLS.map(
  ([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`,
).join('');
/** Whitespace and invisible direction marks around a token (ANERcorp wraps punctuation in U+200F). */
const TOKEN_PADDING = new RegExp(`^[\\s${formatControls}]+|[\\s${formatControls}]+$`, 'gu');
const LAST_WHITESPACE = /^(.*\S)\s+(\S+)$/su;
const BLANK = /^\s*$/u;

/**
 * Reads `token TAG` lines, split at the last run of whitespace. Sentences are separated by blank
 * lines; a file without any (ANERcorp) is split after each `.`, `!`, `?` or `؟` token instead. A run
 * of them (`. .`) ends one sentence together, and a sentence made only of them stays open, so a stray
 * `.` at the start joins the sentence after it (both as in CAMeL Lab's ANERcorp test file).
 * A line whose tag is not O, B-X or I-X, or whose token is empty or holds whitespace once the marks
 * around it are stripped, is counted as malformed and skipped (ANERcorp has `. Oالإصابة O`, ` O`,
 * and 186 tokens that are nothing but a U+200F).
 */
export function readTagged(text: string): { sentences: TaggedSentence[]; malformed: number } {
  const lines = text.split(/\r\n|\n|\r/);
  const byBlankLines = hasInnerBlankLine(lines);
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let malformed = 0;
  // Set after a sentence end; the sentence closes at the next token unless that one ends it too.
  let ended = false;
  const close = () => {
    if (tokens.length > 0) sentences.push({ tokens, tags: toIob2(tags) });
    tokens = [];
    tags = [];
    ended = false;
  };
  for (const line of lines) {
    if (BLANK.test(line) || line.trimStart().startsWith('-DOCSTART-')) {
      close();
      continue;
    }
    const pair = parseLine(line);
    if (pair === undefined) {
      malformed++;
      continue;
    }
    const endsSentence = !byBlankLines && SENTENCE_ENDS.has(pair.token);
    if (ended && !endsSentence) close();
    tokens.push(pair.token);
    tags.push(pair.tag);
    if (endsSentence && !tokens.every((t) => SENTENCE_ENDS.has(t))) ended = true;
  }
  close();
  return { sentences, malformed };
}

function hasInnerBlankLine(lines: readonly string[]): boolean {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && BLANK.test(lines[first]!)) first++;
  while (last >= first && BLANK.test(lines[last]!)) last--;
  for (let i = first + 1; i < last; i++) if (BLANK.test(lines[i]!)) return true;
  return false;
}

function parseLine(line: string): { token: string; tag: string } | undefined {
  const match = LAST_WHITESPACE.exec(line.trim());
  if (match === null) return undefined;
  const token = match[1]!.replace(TOKEN_PADDING, '');
  const tag = canonicalTag(match[2]!);
  if (token === '' || /\s/u.test(token) || tag === undefined) return undefined;
  return { token, tag };
}

/** `O`, or `B-`/`I-` with the canonical type name; undefined for anything else. */
function canonicalTag(raw: string): string | undefined {
  const upper = raw.toUpperCase();
  if (upper === 'O') return 'O';
  const match = TAG.exec(upper);
  if (match === null) return undefined;
  const type = match[2]!;
  return `${match[1]}-${TYPE_ALIASES[type] ?? type}`;
}

/**
 * IOB1 or IOB2 tags to IOB2: an I-X that opens an entity (after O, at the start, or after another
 * type) becomes B-X. Type names are made canonical; a tag that is not O, B-X or I-X becomes O.
 */
export function toIob2(tags: readonly string[]): string[] {
  let previousType = '';
  return tags.map((raw) => {
    const tag = canonicalTag(raw);
    if (tag === undefined || tag === 'O') {
      previousType = '';
      return 'O';
    }
    const type = tag.slice(2);
    const opens = tag[0] === 'B' || type !== previousType;
    previousType = type;
    return `${opens ? 'B' : 'I'}-${type}`;
  });
}

/** Entities as token spans, the way conlleval reads tags: an I-X without an open X entity starts one. */
export function entitySpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: { type: string; start: number } | undefined;
  const iob2 = toIob2(tags);
  iob2.forEach((tag, i) => {
    if (tag[0] === 'I') return; // toIob2 leaves I- only where it continues the open entity
    if (open) spans.push({ type: open.type, start: open.start, end: i });
    open = tag === 'O' ? undefined : { type: tag.slice(2), start: i };
  });
  if (open) spans.push({ type: open.type, start: open.start, end: iob2.length });
  return spans;
}

/**
 * CoNLL-2003 scores: entity-level exact match per type and micro-averaged, plus token accuracy on
 * IOB2 tags. `gold` and `predicted` are parallel: one tag sequence per sentence, of equal lengths.
 */
export function scoreNer(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): NerScores {
  if (gold.length !== predicted.length) {
    throw new RangeError(`${predicted.length} predicted sentences for ${gold.length} gold ones`);
  }
  const counts = new Map<string, Counts>();
  const countsOf = (type: string) => {
    const c = counts.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    counts.set(type, c);
    return c;
  };
  let tokens = 0;
  let rightTokens = 0;
  gold.forEach((goldTags, s) => {
    const predictedTags = predicted[s]!;
    if (goldTags.length !== predictedTags.length) {
      throw new RangeError(
        `sentence ${s}: ${predictedTags.length} predicted tags for ${goldTags.length} tokens`,
      );
    }
    const goldIob2 = toIob2(goldTags);
    const predictedIob2 = toIob2(predictedTags);
    tokens += goldIob2.length;
    goldIob2.forEach((tag, i) => {
      if (tag === predictedIob2[i]) rightTokens++;
    });
    const goldKeys = new Set<string>();
    for (const e of entitySpans(goldIob2)) {
      countsOf(e.type).gold++;
      goldKeys.add(`${e.type} ${e.start} ${e.end}`);
    }
    for (const e of entitySpans(predictedIob2)) {
      const c = countsOf(e.type);
      c.predicted++;
      if (goldKeys.has(`${e.type} ${e.start} ${e.end}`)) c.tp++;
    }
  });
  const total: Counts = { tp: 0, predicted: 0, gold: 0 };
  const byType: Record<string, TypeScores> = {};
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    total.tp += c.tp;
    total.predicted += c.predicted;
    total.gold += c.gold;
    byType[type] = typeScores(c);
  }
  return {
    overall: typeScores(total),
    byType,
    tokens,
    tokenAccuracy: tokens === 0 ? 0 : rightTokens / tokens,
  };
}

function typeScores(c: Counts): TypeScores {
  return { ...prf(c), support: c.gold, predicted: c.predicted, correct: c.tp };
}

/** A conlleval-like table: precision, recall and F1 in percent, then gold, found and correct counts. */
export function formatNerScores(scores: NerScores): string {
  const header = `${'type'.padEnd(8)}${['precision', 'recall', 'F1', 'gold', 'found', 'correct'].map((h) => h.padStart(10)).join('')}`;
  const row = (name: string, s: TypeScores) =>
    name.padEnd(8) +
    [percent(s.precision), percent(s.recall), percent(s.f1), s.support, s.predicted, s.correct]
      .map((cell) => String(cell).padStart(10))
      .join('');
  const lines = [
    `${scores.tokens} tokens, token accuracy ${percent(scores.tokenAccuracy)}%; ${scores.overall.support} gold entities, ${scores.overall.predicted} found, ${scores.overall.correct} correct`,
    header,
    row('overall', scores.overall),
    ...Object.entries(scores.byType).map(([type, s]) => row(type, s)),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Reads a CoNLL-layout gold file, tags its sentences with `tag`, and scores the result. The tagger
 * gets every sentence at once, in order, so it can use what it saw elsewhere in the text.
 */
export function evaluateNer(
  text: string,
  tag: (sentences: readonly (readonly string[])[]) => readonly (readonly string[])[],
): { scores: NerScores; sentences: number; tokens: number; malformed: number } {
  const { sentences, malformed } = readTagged(text);
  const gold = sentences.map((s) => s.tags);
  const predicted = tag(sentences.map((s) => s.tokens));
  const scores = scoreNer(gold, predicted);
  return { scores, sentences: sentences.length, tokens: scores.tokens, malformed };
}
