// Speech cues: the words that can introduce a quote. A speech verb or participle is only a candidate
// here (quotes.ts decides from what follows it), and a verb only where a verb can stand (canBeVerb:
// not رد in حاولت رد الجميل); an attribution (وفقاً لـ X، بحسب X، نقلاً عن X، على
// لسان X) is a cue only when X names a source: a linked person, organisation or place in its first
// three words, or a source noun (مصادر، بيان، وكالة). The source phrase runs from X to the first
// punctuation mark (quotation marks aside) or إن/أن/فإن, at most ten words.

import type { Span } from '../../core/doc.ts';
import type { QuoteContext } from './context.ts';
import {
  BEFORE_VERB,
  BY,
  BY_WHAT,
  CITING,
  FROM,
  IN,
  isComplementiser,
  isJoinedComplementiser,
  LAM,
  NEEDS_LAM,
  ON,
  SOURCE_NOUNS,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  STATEMENT_VERB,
  TONGUE,
  WHAT,
} from './lexicon.ts';
import type { QuotedSpan } from './marks.ts';

export type CueKind = 'verb' | 'participle' | 'statement' | 'attribution';

export interface Cue {
  readonly kind: CueKind;
  /** First and last token of the cue phrase (for وجاء في: the في). */
  readonly first: number;
  readonly last: number;
  readonly span: Span;
  /** Attributions: the source phrase, tokens [from, to). */
  readonly source?: { readonly from: number; readonly to: number };
}

const MAX_SOURCE_WORDS = 10;

const WAW = 'و'.charCodeAt(0);

/**
 * Whether word `i`, or word `i` less a leading و (وبحسب، ووفقاً), is in `set`: 0 no, 1 the whole word,
 * 2 after the و. ف is not stripped (فحسب: only).
 */
function attributionKey(ctx: QuoteContext, i: number, set: ReadonlySet<string>): 0 | 1 | 2 {
  const key = ctx.key(i);
  if (set.has(key)) return 1;
  return key.charCodeAt(0) === WAW && set.has(key.slice(1)) ? 2 : 0;
}

const HEADS = [NEEDS_LAM, BY, BY_WHAT, CITING, ON];

/**
 * The largest attributionKey of word `i` over the heads: every word asks, so the word less its و
 * is cut once, not once per set, and most words end it in five lookups with no array built.
 */
function attributionHead(ctx: QuoteContext, i: number): 0 | 1 | 2 {
  const key = ctx.key(i);
  const stripped = key.charCodeAt(0) === WAW ? key.slice(1) : undefined;
  let head: 0 | 1 | 2 = 0;
  for (const set of HEADS) {
    if (set.has(key)) head = 1;
    else if (stripped !== undefined && set.has(stripped)) return 2;
  }
  return head;
}

function isSourceNoun(key: string): boolean {
  return [key, key.replace(/^[لب]/, ''), key.replace(/^ال/, ''), key.replace(/^[لب]?ال|^لل/, '')].some((k) =>
    SOURCE_NOUNS.has(k),
  );
}

/** The source phrase starting at token `from` (a leading في skipped), or null when it names no source. */
function sourcePhrase(
  ctx: QuoteContext,
  from: number,
  marks: ReadonlyMap<number, QuotedSpan>,
): { from: number; to: number } | null {
  const end = ctx.sentenceEnd(from);
  if (ctx.key(from) === IN) from++;
  let to = from;
  let words = 0;
  for (; to < end; to++) {
    const mark = marks.get(to);
    if (mark?.close != null) {
      to = mark.close;
      continue;
    }
    if (ctx.isPunct(to)) break;
    const key = ctx.key(to);
    if (to > from && (isComplementiser(key) || isJoinedComplementiser(key))) break;
    if (ctx.isWord(to) && ++words > MAX_SOURCE_WORDS) return null;
  }
  if (to === from) return null;
  const headEnd = ctx.tokens[Math.min(from + 3, to) - 1]!.end;
  const named = ctx
    .mentionsIn(ctx.tokens[from]!.start, headEnd)
    .some((m) => m.type !== 'LOC' || m.via !== 'demonym');
  return named || isSourceNoun(ctx.key(from)) ? { from, to } : null;
}

/** An attribution starting at token `i`, or null. */
function attributionAt(ctx: QuoteContext, i: number, marks: ReadonlyMap<number, QuotedSpan>): Cue | null {
  const tokens = ctx.tokens;
  const head = attributionHead(ctx, i);
  if (head === 0) return null;
  const start = head === 2 ? ctx.afterFirstLetter(i) : tokens[i]!.start;
  let last = i;
  let end = tokens[i]!.end;
  let from: number;
  let relative = false;
  if (attributionKey(ctx, i, NEEDS_LAM)) {
    const next = ctx.key(i + 1);
    if (next === LAM) {
      last = i + 1;
      end = tokens[i + 1]!.end;
      from = i + 2;
    } else if (WHAT.has(next)) {
      last = i + 1;
      end = tokens[i + 1]!.end;
      from = i + 2;
      relative = true;
    } else if (next.length > 1 && next.startsWith('ل') && ctx.isWord(i + 1)) {
      end = ctx.afterFirstLetter(i + 1); // the ل of لسيرغي
      from = i + 1;
    } else return null;
  } else if (attributionKey(ctx, i, BY)) {
    from = i + 1;
    if (WHAT.has(ctx.key(i + 1))) {
      last = i + 1;
      end = tokens[i + 1]!.end;
      from = i + 2;
      relative = true;
    }
  } else if (attributionKey(ctx, i, BY_WHAT)) {
    from = i + 1;
    relative = true;
  } else if (attributionKey(ctx, i, CITING) && ctx.key(i + 1) === FROM) {
    last = i + 1;
    end = tokens[i + 1]!.end;
    from = i + 2;
  } else if (attributionKey(ctx, i, ON) && ctx.key(i + 1) === TONGUE) {
    last = i + 1;
    end = tokens[i + 1]!.end;
    from = i + 2;
  } else return null;
  // حسبما أفادت الوكالة، وفقاً لما ذكره البيان: the verb of the relative is part of the cue.
  if (relative && ctx.isWord(from)) {
    last = from;
    end = tokens[from]!.end;
    from++;
  }
  if (from >= ctx.sentenceEnd(i) || !ctx.isWord(from)) return null;
  const source = sourcePhrase(ctx, from, marks);
  if (source === null) return null;
  return { kind: 'attribution', first: i, last, span: { start, end }, source };
}

/**
 * Whether word `i` stands where a verb can: with a conjunction (وقال), first in its sentence or after
 * punctuation (، قال), after a particle (كما أكد، الذي قال), or after its subject — a name or a definite
 * noun (لافروف قال، الشرطة قالت).
 */
function canBeVerb(ctx: QuoteContext, i: number): boolean {
  if (ctx.hasConjunction(i) || i === ctx.sentenceFirst(i) || !ctx.isWord(i - 1)) return true;
  const before = ctx.key(i - 1);
  if (BEFORE_VERB.has(before) || ctx.bareKey(i - 1).startsWith('ال')) return true;
  return ctx.mentionsEndingIn(i - 1).length > 0;
}

/** Every speech cue of the text, in order. */
export function findCues(ctx: QuoteContext, marks: ReadonlyMap<number, QuotedSpan>): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (!ctx.isWord(i)) continue;
    const attribution = attributionAt(ctx, i, marks);
    if (attribution) {
      cues.push(attribution);
      i = attribution.last;
      continue;
    }
    const token = ctx.tokens[i]!;
    const bare = ctx.key(i) === ctx.conjStripped(i) ? token.start : ctx.afterFirstLetter(i);
    if (ctx.conjStripped(i) === STATEMENT_VERB && ctx.key(i + 1) === IN && canBeVerb(ctx, i)) {
      cues.push({
        kind: 'statement',
        first: i,
        last: i + 1,
        span: { start: bare, end: ctx.tokens[i + 1]!.end },
      });
      i++;
    } else if ((ctx.isSpeechVerb(i) && canBeVerb(ctx, i)) || ctx.isParticiple(i)) {
      // A form that is itself listed keeps its first letter; وقال، فأضاف start after the conjunction.
      const whole = SPEECH_VERBS.has(ctx.key(i)) || SPEECH_PARTICIPLES.has(ctx.key(i));
      cues.push({
        kind: ctx.isSpeechVerb(i) ? 'verb' : 'participle',
        first: i,
        last: i,
        span: { start: whole ? token.start : bare, end: token.end },
      });
    }
  }
  return cues;
}
