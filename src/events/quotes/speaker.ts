// Who speaks. A speech verb's subject is the noun phrase right after it (Arabic news is verb first:
// وقال وزير الخارجية الروسي سيرجي لافروف إن …); failing that, a name that ends right before the verb
// (لافروف قال …); failing that the subject is a pronoun ("he said") and the speaker is the nearest
// earlier speaker: the speaker of an earlier quote or a person mentioned outside quoted text, whichever
// comes last, within the verb's sentence and the two before it — unless that speaker is in an earlier
// sentence and this one opens a clause with a verb and its subject before the cue, who then goes on
// speaking.
//
// In a subject phrase a person wins over an organisation (phraseSpeaker says which person); a state
// counts only as the head of the subject (قالت روسيا إن، قالت موسكو إن: the government). The phrase
// ends at the first standalone preposition (… في مؤتمر صحفي مع نظيره): what follows is an adverbial,
// not the subject. Objects of a preposition (قال لرويترز) are never the subject.

import type { Mention, Span } from '../../core/doc.ts';
import type { QuoteContext } from './context.ts';
import { ADVERBS, MAY, PREPOSITIONS, RELATIVES } from './lexicon.ts';

export interface SpokenSoFar {
  readonly cue: Span;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
}

/** The earliest mention of a type, the longest at equal starts. */
function earliest(mentions: readonly Mention[], type: Mention['type']): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions)
    if (m.type === type && (!best || m.start < best.start || (m.start === best.start && m.end > best.end)))
      best = m;
  return best;
}

/** A state named by the head word of a phrase (قالت روسيا، قالت موسكو for its government). */
function stateAt(ctx: QuoteContext, mentions: readonly Mention[], head: number): string | null {
  const token = ctx.tokens[head]!;
  const m = mentions.find(
    (m) =>
      m.type === 'LOC' &&
      m.via !== 'demonym' &&
      ctx.states.has(m.entity!) &&
      m.start >= token.start &&
      m.start < token.end,
  );
  return m?.entity ?? null;
}

/**
 * The speaker named by the noun phrase from token `head` to `to` (exclusive): the person it names, else
 * the earliest organisation, else a state at its head. A title comes before the name it goes with
 * (وزير الخارجية الروسي سيرجي لافروف، المتحدث باسم الرئيس الروسي فلاديمير بوتين دميتري بيسكوف), so the
 * person is the last one named before the phrase moves on: past a person, a comma, a preposition, a
 * conjunction or a relative ends it (الرئيس بوتين لنظيره الصيني …، لافروف، الذي التقى …). A person
 * after a noun with a preposition is its complement, not the speaker (المتحدث لمركز الملك سلمان …).
 * With `headPreposition`, the head word's preposition belongs to the cue (وفقاً لسيرغي لافروف).
 */
function phraseSpeaker(ctx: QuoteContext, head: number, to: number, headPreposition: boolean): string | null {
  const mentions: Mention[] = [];
  let person: Mention | undefined;
  for (let k = head; k < to; k++) {
    if (k > head && PREPOSITIONS.has(ctx.key(k))) break;
    if (
      person &&
      (ctx.isClausePunct(k) || ctx.hasPreposition(k) || ctx.hasConjunction(k) || RELATIVES.has(ctx.key(k)))
    )
      break;
    const token = ctx.tokens[k]!;
    for (const m of ctx.mentionsIn(token.start, token.end)) {
      if (ctx.isPrepositionObject(m) && !(headPreposition && k === head)) continue;
      mentions.push(m);
      if (m.type !== 'PER') continue;
      const complement = k > head && ctx.hasPreposition(k - 1) && !ctx.isCovered(k - 1);
      if (complement) continue;
      if (!person || m.start > person.start || m.end > person.end) person = m;
    }
  }
  return person?.entity ?? earliest(mentions, 'ORG')?.entity ?? stateAt(ctx, mentions, head);
}

export interface Subject {
  /** False when the subject slot holds no noun phrase: the subject is a pronoun. */
  readonly explicit: boolean;
  readonly speaker: string | null;
}

/** The subject in tokens [from, to) after a speech verb. */
export function subjectAfter(ctx: QuoteContext, from: number, to: number): Subject {
  let i = from;
  while (i < to && (!ctx.isWord(i) || ADVERBS.has(ctx.bareKey(i)) || ctx.isParticiple(i))) i++;
  if (i >= to || ctx.isPrepositional(i)) return { explicit: false, speaker: null };
  return { explicit: true, speaker: phraseSpeaker(ctx, i, to, false) };
}

/** A name that ends right before the verb at token `cue`, or before a comma or قد there: لافروف قال، X قد قال. */
export function subjectBefore(ctx: QuoteContext, cue: number): string | null {
  let last = cue - 1;
  if (ctx.isClausePunct(last) || ctx.key(last) === MAY) last--;
  if (last < ctx.sentenceFirst(cue) || !ctx.isWord(last)) return null;
  const mentions = ctx.mentionsEndingIn(last).filter((m) => m.type !== 'LOC' && !ctx.isPrepositionObject(m));
  return (earliest(mentions, 'PER') ?? earliest(mentions, 'ORG'))?.entity ?? null;
}

/**
 * The speaker of a pronoun subject at token `cue`: the latest of the earlier quotes' speakers (counted
 * at their cue) and the persons that are the first person named in their clause, outside earlier
 * quoted text, in the cue's sentence and the two before it.
 */
export function pronounSpeaker(
  ctx: QuoteContext,
  cue: number,
  earlier: readonly SpokenSoFar[],
): string | null {
  const sentence = ctx.sentenceOf[cue]!;
  const windowStart = ctx.tokens[ctx.sentenceTokens[Math.max(0, sentence - 2)]!.first]!.start;
  const at = ctx.tokens[cue]!.start;
  let best: { at: number; speaker: string } | null = null;
  const consider = (position: number, speaker: string | null) => {
    if (speaker !== null && position >= windowStart && position < at && (!best || position >= best.at))
      best = { at: position, speaker };
  };
  for (const q of earlier) consider(q.cue.start, q.speaker);
  // A person counts where it is the first person named in its clause: the subject of a verb-first
  // clause, not its object (التقى لافروف نظيره وانغ يي).
  for (const m of ctx.mentionsIn(windowStart, at)) {
    if (m.type !== 'PER' || ctx.isPrepositionObject(m)) continue;
    if (earlier.some((q) => m.start < q.end && m.end > q.start)) continue;
    const token = ctx.tokenAt(m.start);
    if (token < 0) continue;
    const clause = ctx.clauseStart(token);
    const firstOfClause = ctx
      .mentionsIn(ctx.tokens[clause]!.start, m.start + 1)
      .find(
        (n) =>
          n.type === 'PER' &&
          !ctx.isPrepositionObject(n) &&
          !earlier.some((q) => n.start < q.end && n.end > q.start),
      );
    if (firstOfClause && firstOfClause.entity !== m.entity) continue;
    consider(m.start, m.entity);
  }
  const found = best as { at: number; speaker: string } | null;
  // Nobody spoke or was named earlier in this sentence: the subject of its verb-first clause goes on
  // speaking (رفضت قوات الدعم السريع الاتهامات، وقالت إنها …؛ دعا المكتب …، مشيراً إلى أن …).
  const sentenceStart = ctx.tokens[ctx.sentenceFirst(cue)]!.start;
  if (found === null || found.at < sentenceStart)
    return sentenceSubject(ctx, sentenceStart, at, earlier) ?? found?.speaker ?? null;
  return found.speaker;
}

/**
 * The subject of a verb-first clause of [from, to): a person or organisation named right after the
 * clause's first word (رفضت قوات الدعم السريع …، ودعا مكتب الأمم المتحدة …), outside earlier quotes;
 * the last such clause's.
 */
function sentenceSubject(
  ctx: QuoteContext,
  from: number,
  to: number,
  earlier: readonly SpokenSoFar[],
): string | null {
  const subjects = ctx.mentionsIn(from, to).filter((m) => {
    if ((m.type !== 'PER' && m.type !== 'ORG') || m.entity === null || ctx.isPrepositionObject(m))
      return false;
    if (earlier.some((q) => m.start < q.end && m.end > q.start)) return false;
    const token = ctx.tokenAt(m.start);
    return token > 0 && ctx.clauseStart(token) === token - 1;
  });
  return subjects.at(-1)?.entity ?? null;
}

/** The source named in tokens [from, to) after an attribution (وفقاً لـ X، بحسب X): prepositions allowed. */
export function sourceSpeaker(ctx: QuoteContext, from: number, to: number): string | null {
  return from < to ? phraseSpeaker(ctx, from, to, true) : null;
}
