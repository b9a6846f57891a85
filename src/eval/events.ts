// `marsad eval events [FILE]`: event coding against a hand-labelled gold set of SaudiNewsNet sentences
// (src/eval/data/events-gold.jsonl; how it was labelled: docs/EVENTS-ANNOTATION.md).
//
// SaudiNewsNet is CC BY-NC-SA, so a gold file holds offsets only: one JSON object per labelled
// sentence, `{ article, sentence: [s, e], events: [{ type, trigger, actors, recipients, auxiliary? }] }`,
// every span `[start, end]` in UTF-16 code units of the article's `text`. The text is read from
// ../shared/data/saudinewsnet at run time and never stored.
//
// The system analyses each whole article; a predicted event belongs to the labelled sentence that
// holds the start of its trigger (events elsewhere are not scored). In a sentence a predicted event
// matches a gold one when the types are equal and the triggers overlap (one to one, the largest
// overlap first): precision, recall and F1 overall and per type. Two looser readings are reported
// beside it: `sameSentence` (a predicted type counts while the sentence has a gold event of that
// type not yet counted) and `trigger` (overlapping triggers whatever the types). On strict matches:
// the auxiliary mode (absent = "happened") and the actors and recipients. A predicted actor id is
// right when a mention of the Doc linked to that id overlaps a gold actor span; a gold span is found
// when some predicted id has such a mention. Events whose gold list is empty (the actor is a pronoun
// from an earlier sentence, a passive without agent) are left out of that role's figures.
//
// `agreement(first, second)` compares two annotations of the same sentences (the second file holds
// a seeded sample of 50 re-labelled blind): sentence-level kappa on "has an event", event detection
// (triggers overlapping), Cohen's kappa on the types of the detected pairs, and agreement on
// auxiliary modes, actors and recipients.

import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Auxiliary,
  type EventRecord,
  type Mention,
  PLOVER_TYPES,
  type PloverType,
} from '../core/doc.ts';
import { fail } from '../core/errors.ts';
import { readSaudiNewsNet, type SaudiArticle } from '../corpus/saudinewsnet.ts';
import { requireSharedData } from '../corpus/shared-data.ts';
import { percent, prf, type Scores } from './scores.ts';

export const EVENT_GOLD_PATH = fileURLToPath(new URL('./data/events-gold.jsonl', import.meta.url));
export const EVENT_GOLD_SECOND_PATH = fileURLToPath(
  new URL('./data/events-gold-second.jsonl', import.meta.url),
);

export type Offsets = readonly [number, number];

export interface GoldEvent {
  readonly type: PloverType;
  readonly trigger: Offsets;
  readonly actors: readonly Offsets[];
  readonly recipients: readonly Offsets[];
  readonly auxiliary?: Auxiliary;
}

export interface GoldSentence {
  readonly article: string;
  readonly sentence: Offsets;
  readonly events: readonly GoldEvent[];
}

/** What the system gives for one article: its events and the mentions their entity ids come from. */
export interface SystemOutput {
  readonly events: readonly EventRecord[];
  readonly mentions: readonly Mention[];
}

export interface EventArticle {
  readonly id: string;
  readonly text: string;
  readonly publishedAt: string;
}

export type EventSystem = (article: EventArticle) => SystemOutput;

const AUXILIARIES: readonly Auxiliary[] = ['future', 'negated', 'historical', 'hypothetical'];
const TYPES = new Set<string>(PLOVER_TYPES);

// ---------------------------------------------------------------------------------------------
// Reading gold files

/** Parses one gold file (JSON lines); throws DATA_CORRUPT naming the line on anything malformed. */
export function parseEventGold(text: string, source = 'event gold'): GoldSentence[] {
  const out: GoldSentence[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw corrupt(where, `not JSON (${(error as Error).message})`);
    }
    const sentence = toGoldSentence(value, where);
    const key = sentenceKey(sentence);
    if (seen.has(key)) throw corrupt(where, `sentence ${key} labelled twice`);
    seen.add(key);
    out.push(sentence);
  });
  return out;
}

export function readEventGold(path: string): GoldSentence[] {
  if (!existsSync(path)) throw fail('INPUT_NOT_FOUND', path);
  return parseEventGold(readFileSync(path, 'utf8'), path);
}

function corrupt(where: string, detail: string) {
  return fail('DATA_CORRUPT', where, detail, 'fix the line (format: docs/EVENTS-ANNOTATION.md)');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function toOffsets(x: unknown, where: string, what: string): Offsets {
  if (
    !Array.isArray(x) ||
    x.length !== 2 ||
    !Number.isInteger(x[0]) ||
    !Number.isInteger(x[1]) ||
    x[0] < 0 ||
    x[1] <= x[0]
  ) {
    throw corrupt(where, `${what} must be [start, end] with 0 <= start < end, got ${JSON.stringify(x)}`);
  }
  return [x[0], x[1]];
}

function toGoldSentence(value: unknown, where: string): GoldSentence {
  if (!isRecord(value)) throw corrupt(where, 'not a JSON object');
  const { article, sentence, events } = value;
  if (typeof article !== 'string' || article === '') throw corrupt(where, '"article" must be an id');
  const span = toOffsets(sentence, where, '"sentence"');
  if (!Array.isArray(events)) throw corrupt(where, '"events" must be a list (empty for no event)');
  const inside = (o: Offsets, what: string) => {
    if (o[0] < span[0] || o[1] > span[1])
      throw corrupt(where, `${what} ${JSON.stringify(o)} is outside the sentence`);
    return o;
  };
  const parsed = events.map((e, k): GoldEvent => {
    if (!isRecord(e)) throw corrupt(where, `event ${k + 1} is not an object`);
    if (typeof e.type !== 'string' || !TYPES.has(e.type)) {
      throw corrupt(where, `event ${k + 1}: unknown type ${JSON.stringify(e.type)}`);
    }
    const list = (x: unknown, what: string) => {
      if (x === undefined) return [];
      if (!Array.isArray(x)) throw corrupt(where, `event ${k + 1}: ${what} must be a list of spans`);
      return x.map((o) => inside(toOffsets(o, where, what), what));
    };
    const event = {
      type: e.type as PloverType,
      trigger: inside(toOffsets(e.trigger, where, 'trigger'), 'trigger'),
      actors: list(e.actors, 'actors'),
      recipients: list(e.recipients, 'recipients'),
    };
    if (e.auxiliary === undefined) return event;
    if (!AUXILIARIES.includes(e.auxiliary as Auxiliary)) {
      throw corrupt(where, `event ${k + 1}: unknown auxiliary ${JSON.stringify(e.auxiliary)}`);
    }
    return { ...event, auxiliary: e.auxiliary as Auxiliary };
  });
  return { article, sentence: span, events: parsed };
}

const sentenceKey = (s: Pick<GoldSentence, 'article' | 'sentence'>) =>
  `${s.article}@${s.sentence[0]}-${s.sentence[1]}`;

/**
 * The SaudiNewsNet articles a gold set names, read once through the corpus (stops when all are
 * found). Throws DATA_MISSING without the corpus and DATA_CORRUPT when an article is absent or a
 * span runs past its text.
 */
export function goldArticles(
  gold: readonly GoldSentence[],
  articles: Iterable<SaudiArticle> = readSaudiNewsNet(),
): Map<string, SaudiArticle> {
  const wanted = new Set(gold.map((s) => s.article));
  const found = new Map<string, SaudiArticle>();
  for (const article of articles) {
    if (!wanted.has(article.id)) continue;
    found.set(article.id, article);
    if (found.size === wanted.size) break;
  }
  for (const s of gold) {
    const article = found.get(s.article);
    if (!article) {
      throw fail(
        'DATA_CORRUPT',
        'saudinewsnet',
        `no article ${s.article}`,
        'the gold set needs SaudiNewsNet 2015',
      );
    }
    if (s.sentence[1] > article.text.length) {
      throw fail(
        'DATA_CORRUPT',
        sentenceKey(s),
        `sentence ends past the article's ${article.text.length} characters`,
        'the gold offsets and the corpus disagree',
      );
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Matching

const overlap = (a: Offsets, b: Offsets) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
const overlaps = (a: Offsets, b: Offsets) => overlap(a, b) > 0;
const spanOf = (s: { start: number; end: number }): Offsets => [s.start, s.end];

/** One-to-one pairs of overlapping triggers among those `allowed`, the largest overlap first. */
function pairTriggers<A extends { trigger: Offsets }, B extends { trigger: Offsets }>(
  left: readonly A[],
  right: readonly B[],
  allowed: (a: A, b: B) => boolean,
): [number, number][] {
  const candidates: [number, number, number][] = [];
  left.forEach((a, i) => {
    right.forEach((b, j) => {
      const o = overlap(a.trigger, b.trigger);
      if (o > 0 && allowed(a, b)) candidates.push([o, i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedLeft.has(i) || usedRight.has(j)) continue;
    usedLeft.add(i);
    usedRight.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

export interface MatchScores extends Scores {
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
}

const scored = (tp: number, predicted: number, gold: number): MatchScores => ({
  tp,
  predicted,
  gold,
  ...prf({ tp, predicted, gold }),
});

export interface RoleScores {
  /** Matched events whose gold list for the role is non-empty (only these are scored). */
  readonly events: number;
  /** Of those, events where every predicted id is right and every gold span is found. */
  readonly exact: number;
  readonly accuracy: number;
  /** Predicted ids with a linked mention overlapping a gold span, over predicted ids. */
  readonly precision: number;
  /** Gold spans overlapped by a mention of some predicted id, over gold spans. */
  readonly recall: number;
  readonly predictedIds: number;
  readonly rightIds: number;
  readonly goldSpans: number;
  readonly foundSpans: number;
  /** Matched events with an empty gold list, not scored for the role. */
  readonly unscored: number;
}

export interface AuxiliaryScores {
  readonly events: number;
  readonly correct: number;
  readonly accuracy: number;
  /** `gold→predicted` counts of the disagreements, e.g. `future→(none)`. */
  readonly confusions: Readonly<Record<string, number>>;
}

export interface EventScores {
  readonly sentences: number;
  readonly sentencesWithEvents: number;
  readonly goldEvents: number;
  /** Predicted events whose trigger starts in a labelled sentence. */
  readonly predictedEvents: number;
  /** Type equal and triggers overlapping. */
  readonly strict: MatchScores;
  /** Type equal, anywhere in the same sentence. */
  readonly sameSentence: MatchScores;
  /** Triggers overlapping, whatever the types. */
  readonly trigger: MatchScores;
  readonly byType: Readonly<Record<string, { strict: MatchScores; sameSentence: MatchScores }>>;
  readonly auxiliary: AuxiliaryScores;
  readonly actors: RoleScores;
  readonly recipients: RoleScores;
}

export interface EventError {
  readonly article: string;
  readonly kind: 'missed' | 'spurious';
  readonly type: PloverType;
  readonly trigger: Offsets;
}

interface RoleTally {
  events: number;
  exact: number;
  predictedIds: number;
  rightIds: number;
  goldSpans: number;
  foundSpans: number;
  unscored: number;
}

const emptyRole = (): RoleTally => ({
  events: 0,
  exact: 0,
  predictedIds: 0,
  rightIds: 0,
  goldSpans: 0,
  foundSpans: 0,
  unscored: 0,
});

function tallyRole(
  tally: RoleTally,
  goldSpans: readonly Offsets[],
  ids: readonly string[],
  mentionsOf: (id: string) => readonly Offsets[],
): void {
  if (goldSpans.length === 0) {
    tally.unscored++;
    return;
  }
  const unique = [...new Set(ids)];
  const right = unique.filter((id) => mentionsOf(id).some((m) => goldSpans.some((g) => overlaps(m, g))));
  const found = goldSpans.filter((g) => unique.some((id) => mentionsOf(id).some((m) => overlaps(m, g))));
  tally.events++;
  tally.predictedIds += unique.length;
  tally.rightIds += right.length;
  tally.goldSpans += goldSpans.length;
  tally.foundSpans += found.length;
  if (unique.length > 0 && right.length === unique.length && found.length === goldSpans.length) tally.exact++;
}

const roleScores = (t: RoleTally): RoleScores => ({
  ...t,
  accuracy: t.events === 0 ? 0 : t.exact / t.events,
  precision: t.predictedIds === 0 ? 0 : t.rightIds / t.predictedIds,
  recall: t.goldSpans === 0 ? 0 : t.foundSpans / t.goldSpans,
});

const auxName = (a: Auxiliary | undefined) => a ?? '(none)';

/**
 * Scores predicted events against the gold sentences. `predicted` gives the system's output per
 * article id; an article of the gold set with no entry counts as one with no events.
 */
export function scoreEvents(
  gold: readonly GoldSentence[],
  predicted: ReadonlyMap<string, SystemOutput>,
  errors?: EventError[],
): EventScores {
  const counts = new Map<string, { strict: number[]; loose: number[] }>();
  const countsOf = (type: string) => {
    let c = counts.get(type);
    if (!c) {
      c = { strict: [0, 0, 0], loose: [0, 0, 0] };
      counts.set(type, c);
    }
    return c;
  };
  let strictTp = 0;
  let looseTp = 0;
  let triggerTp = 0;
  let predictedTotal = 0;
  let goldTotal = 0;
  let withEvents = 0;
  const aux = { events: 0, correct: 0, confusions: {} as Record<string, number> };
  const actors = emptyRole();
  const recipients = emptyRole();

  const byArticle = new Map<string, GoldSentence[]>();
  for (const s of gold) {
    const list = byArticle.get(s.article) ?? [];
    list.push(s);
    byArticle.set(s.article, list);
  }

  for (const [article, sentences] of byArticle) {
    const output = predicted.get(article) ?? { events: [], mentions: [] };
    const mentionSpans = new Map<string, Offsets[]>();
    for (const m of output.mentions) {
      if (m.entity === null) continue;
      const list = mentionSpans.get(m.entity) ?? [];
      list.push(spanOf(m));
      mentionSpans.set(m.entity, list);
    }
    const mentionsOf = (id: string) => mentionSpans.get(id) ?? [];
    const events = output.events.map((e) => ({ event: e, trigger: spanOf(e.trigger) }));

    for (const s of sentences) {
      const [start, end] = s.sentence;
      const inSentence = events.filter((e) => e.trigger[0] >= start && e.trigger[0] < end);
      if (s.events.length > 0) withEvents++;
      goldTotal += s.events.length;
      predictedTotal += inSentence.length;
      for (const g of s.events) countsOf(g.type).strict[2]!++;
      for (const p of inSentence) countsOf(p.event.type).strict[1]!++;

      const strict = pairTriggers(s.events, inSentence, (g, p) => g.type === p.event.type);
      strictTp += strict.length;
      for (const [i, j] of strict) {
        const g = s.events[i]!;
        const p = inSentence[j]!.event;
        countsOf(g.type).strict[0]!++;
        aux.events++;
        if (auxName(g.auxiliary) === auxName(p.auxiliary)) aux.correct++;
        else {
          const key = `${auxName(g.auxiliary)}→${auxName(p.auxiliary)}`;
          aux.confusions[key] = (aux.confusions[key] ?? 0) + 1;
        }
        tallyRole(actors, g.actors, p.actors, mentionsOf);
        tallyRole(recipients, g.recipients, p.recipients, mentionsOf);
      }
      triggerTp += pairTriggers(s.events, inSentence, () => true).length;

      const goldTypes = new Map<string, number>();
      for (const g of s.events) goldTypes.set(g.type, (goldTypes.get(g.type) ?? 0) + 1);
      const predTypes = new Map<string, number>();
      for (const p of inSentence) predTypes.set(p.event.type, (predTypes.get(p.event.type) ?? 0) + 1);
      for (const [type, n] of goldTypes) {
        const tp = Math.min(n, predTypes.get(type) ?? 0);
        looseTp += tp;
        const c = countsOf(type).loose;
        c[0]! += tp;
      }

      if (errors) {
        const matchedGold = new Set(strict.map(([i]) => i));
        const matchedPred = new Set(strict.map(([, j]) => j));
        s.events.forEach((g, i) => {
          if (!matchedGold.has(i)) errors.push({ article, kind: 'missed', type: g.type, trigger: g.trigger });
        });
        inSentence.forEach((p, j) => {
          if (!matchedPred.has(j)) {
            errors.push({ article, kind: 'spurious', type: p.event.type, trigger: p.trigger });
          }
        });
      }
    }
  }

  const byType: Record<string, { strict: MatchScores; sameSentence: MatchScores }> = {};
  for (const type of PLOVER_TYPES) {
    const c = counts.get(type);
    if (!c) continue;
    const [tp, p, g] = c.strict as [number, number, number];
    byType[type] = { strict: scored(tp, p, g), sameSentence: scored(c.loose[0]!, p, g) };
  }
  return {
    sentences: gold.length,
    sentencesWithEvents: withEvents,
    goldEvents: goldTotal,
    predictedEvents: predictedTotal,
    strict: scored(strictTp, predictedTotal, goldTotal),
    sameSentence: scored(looseTp, predictedTotal, goldTotal),
    trigger: scored(triggerTp, predictedTotal, goldTotal),
    byType,
    auxiliary: { ...aux, accuracy: aux.events === 0 ? 0 : aux.correct / aux.events },
    actors: roleScores(actors),
    recipients: roleScores(recipients),
  };
}

// ---------------------------------------------------------------------------------------------
// Inter-annotator agreement

export interface Agreement {
  /** Sentences labelled in both files. */
  readonly sentences: number;
  /** Cohen's kappa on "the sentence holds at least one event". */
  readonly sentenceKappa: number;
  readonly sentenceAgreement: number;
  readonly firstEvents: number;
  readonly secondEvents: number;
  /** Event pairs with overlapping triggers, whatever their types (one to one). */
  readonly detected: number;
  /** 2·detected / (first + second): F1 of one annotation scored against the other. */
  readonly detection: number;
  /** Pairs with overlapping triggers and the same type; `strict` is its F1. */
  readonly strictPairs: number;
  readonly strict: number;
  /** Share of the detected pairs with the same type, and Cohen's kappa on those types. */
  readonly typeAgreement: number;
  readonly typeKappa: number;
  /** Share of the detected pairs with the same auxiliary mode (absent counts as a value). */
  readonly auxiliaryAgreement: number;
  readonly actors: SpanAgreement;
  readonly recipients: SpanAgreement;
}

export interface SpanAgreement {
  /** Spans of either annotation overlapping a span of the other, over all spans (Dice). */
  readonly spans: number;
  /** Detected pairs whose two lists agree exactly (each span of each overlaps one of the other; both empty agrees). */
  readonly exact: number;
}

/** Cohen's kappa for two parallel lists of labels. */
export function cohenKappa(first: readonly string[], second: readonly string[]): number {
  const n = first.length;
  if (n === 0 || n !== second.length) return 0;
  let agree = 0;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (first[i] === second[i]) agree++;
    a.set(first[i]!, (a.get(first[i]!) ?? 0) + 1);
    b.set(second[i]!, (b.get(second[i]!) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, k] of a) pe += (k / n) * ((b.get(label) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function spanAgreement(pairs: [GoldEvent, GoldEvent][], role: 'actors' | 'recipients'): SpanAgreement {
  let total = 0;
  let covered = 0;
  let exact = 0;
  for (const [x, y] of pairs) {
    const a = x[role];
    const b = y[role];
    const ca = a.filter((s) => b.some((t) => overlaps(s, t))).length;
    const cb = b.filter((s) => a.some((t) => overlaps(s, t))).length;
    total += a.length + b.length;
    covered += ca + cb;
    if (ca === a.length && cb === b.length) exact++;
  }
  return { spans: total === 0 ? 1 : covered / total, exact: pairs.length === 0 ? 0 : exact / pairs.length };
}

/** Agreement between two annotations, over the sentences both label. */
export function agreement(first: readonly GoldSentence[], second: readonly GoldSentence[]): Agreement {
  const other = new Map(second.map((s) => [sentenceKey(s), s]));
  const hasA: string[] = [];
  const hasB: string[] = [];
  let firstEvents = 0;
  let secondEvents = 0;
  let strictPairs = 0;
  const detected: [GoldEvent, GoldEvent][] = [];
  for (const a of first) {
    const b = other.get(sentenceKey(a));
    if (!b) continue;
    hasA.push(a.events.length > 0 ? 'event' : 'none');
    hasB.push(b.events.length > 0 ? 'event' : 'none');
    firstEvents += a.events.length;
    secondEvents += b.events.length;
    for (const [i, j] of pairTriggers(a.events, b.events, () => true))
      detected.push([a.events[i]!, b.events[j]!]);
    strictPairs += pairTriggers(a.events, b.events, (x, y) => x.type === y.type).length;
  }
  const both = firstEvents + secondEvents;
  const sameType = detected.filter(([x, y]) => x.type === y.type).length;
  const sameAux = detected.filter(([x, y]) => auxName(x.auxiliary) === auxName(y.auxiliary)).length;
  return {
    sentences: hasA.length,
    sentenceKappa: cohenKappa(hasA, hasB),
    sentenceAgreement: hasA.length === 0 ? 0 : hasA.filter((x, i) => x === hasB[i]).length / hasA.length,
    firstEvents,
    secondEvents,
    detected: detected.length,
    detection: both === 0 ? 0 : (2 * detected.length) / both,
    strictPairs,
    strict: both === 0 ? 0 : (2 * strictPairs) / both,
    typeAgreement: detected.length === 0 ? 0 : sameType / detected.length,
    typeKappa: cohenKappa(
      detected.map(([x]) => x.type),
      detected.map(([, y]) => y.type),
    ),
    auxiliaryAgreement: detected.length === 0 ? 0 : sameAux / detected.length,
    actors: spanAgreement(detected, 'actors'),
    recipients: spanAgreement(detected, 'recipients'),
  };
}

// ---------------------------------------------------------------------------------------------
// Running and printing

export interface EventEvaluationOptions {
  /** The gold file (default: the shipped gold set). */
  readonly gold?: string;
  /**
   * The second annotation for the agreement figures: a path, or null for none. By default the
   * shipped second file beside the shipped gold set, or `<gold>-second.jsonl` beside another file,
   * when it exists.
   */
  readonly second?: string | null;
  /** The articles to look the gold ids up in (default: SaudiNewsNet from ../shared/data). */
  readonly articles?: Iterable<SaudiArticle>;
  /** List up to this many missed and spurious events, with their trigger text (default 0). */
  readonly errors?: number;
}

export interface EventErrorExample extends EventError {
  readonly text: string;
}

export interface EventReport {
  readonly gold: { readonly path: string; readonly articles: number };
  readonly scores: EventScores;
  readonly agreement?: { readonly path: string } & Agreement;
  readonly errors?: readonly EventErrorExample[];
}

function defaultSecond(gold: string): string | null {
  const candidate =
    gold === EVENT_GOLD_PATH ? EVENT_GOLD_SECOND_PATH : gold.replace(/(\.jsonl)?$/, '-second.jsonl');
  return candidate !== gold && existsSync(candidate) ? candidate : null;
}

/**
 * Runs `analyze` on every article of the gold set (its whole text, dated by the crawl date) and
 * scores the events; adds the agreement of the two annotations when a second file exists.
 */
export function runEventEvaluation(analyze: EventSystem, options: EventEvaluationOptions = {}): EventReport {
  const goldPath = options.gold ?? EVENT_GOLD_PATH;
  const gold = readEventGold(goldPath);
  let source = options.articles;
  if (source === undefined) {
    requireSharedData('saudinewsnet/dataset');
    source = readSaudiNewsNet();
  }
  const articles = goldArticles(gold, source);
  const predicted = new Map<string, SystemOutput>();
  for (const article of articles.values()) {
    const output = analyze({ id: article.id, text: article.text, publishedAt: article.date });
    predicted.set(article.id, output);
  }
  const wanted = options.errors ?? 0;
  const errors: EventError[] | undefined = wanted > 0 ? [] : undefined;
  const scores = scoreEvents(gold, predicted, errors);
  const secondPath = options.second === undefined ? defaultSecond(goldPath) : options.second;
  const report: EventReport = {
    gold: { path: goldPath, articles: articles.size },
    scores,
    ...(secondPath === null
      ? {}
      : { agreement: { path: secondPath, ...agreement(gold, readEventGold(secondPath)) } }),
    ...(errors
      ? {
          errors: errors.slice(0, wanted).map((e) => ({
            ...e,
            text: articles.get(e.article)!.text.slice(e.trigger[0], e.trigger[1]),
          })),
        }
      : {}),
  };
  return report;
}

const pct = (x: number) => `${percent(x).padStart(5)} %`;
const row = (label: string, s: MatchScores) =>
  `  ${label.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (${s.tp} / ${s.predicted} predicted / ${s.gold} gold)`;

function roleLine(label: string, r: RoleScores): string {
  if (r.events === 0) return `  ${label}: no matched event with gold ${label}`;
  return (
    `  ${label.padEnd(11)} accuracy ${pct(r.accuracy)} (${r.exact}/${r.events} events)   ` +
    `ids right ${pct(r.precision)} (${r.rightIds}/${r.predictedIds})   spans found ${pct(r.recall)} (${r.foundSpans}/${r.goldSpans})` +
    (r.unscored > 0 ? `   [${r.unscored} matched without gold ${label}]` : '')
  );
}

/** A path as the user would type it from the working folder. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** The report as the CLI prints it. */
export function formatEventReport(report: EventReport): string {
  const s = report.scores;
  const lines = [
    `${shown(report.gold.path)}: ${s.sentences} sentences in ${report.gold.articles} articles, ` +
      `${s.sentencesWithEvents} with events; ${s.goldEvents} gold events, ${s.predictedEvents} predicted in those sentences`,
    'Events (strict: same type, overlapping triggers)',
    row('strict', s.strict),
    row('same sentence', s.sameSentence),
    row('trigger only', s.trigger),
    'Per type (strict; same-sentence F1 in brackets)',
  ];
  for (const [type, t] of Object.entries(s.byType)) {
    lines.push(`${row(type, t.strict)}  [${percent(t.sameSentence.f1)}]`);
  }
  lines.push('On strict matches');
  lines.push(
    s.auxiliary.events === 0
      ? '  auxiliary: no matched event'
      : `  auxiliary   accuracy ${pct(s.auxiliary.accuracy)} (${s.auxiliary.correct}/${s.auxiliary.events})` +
          (Object.keys(s.auxiliary.confusions).length > 0
            ? `   gold→predicted: ${Object.entries(s.auxiliary.confusions)
                .map(([k, n]) => `${k} ${n}`)
                .join(', ')}`
            : ''),
  );
  lines.push(roleLine('actors', s.actors), roleLine('recipients', s.recipients));
  const a = report.agreement;
  if (a) {
    lines.push(
      `Inter-annotator agreement (${shown(a.path)}: ${a.sentences} sentences labelled twice, ${a.firstEvents} and ${a.secondEvents} events)`,
      `  sentence has an event: agreement ${pct(a.sentenceAgreement)}, kappa ${a.sentenceKappa.toFixed(2)}`,
      `  event detection (overlapping triggers): F1 ${pct(a.detection)} (${a.detected} pairs); with the same type ${pct(a.strict)}`,
      `  type of detected pairs: agreement ${pct(a.typeAgreement)}, Cohen's kappa ${a.typeKappa.toFixed(2)}`,
      `  auxiliary ${pct(a.auxiliaryAgreement)}   actors: spans ${pct(a.actors.spans)}, events exact ${pct(a.actors.exact)}   recipients: spans ${pct(a.recipients.spans)}, events exact ${pct(a.recipients.exact)}`,
    );
  }
  if (report.errors && report.errors.length > 0) {
    lines.push('Errors (first ones)');
    for (const e of report.errors) {
      lines.push(
        `  ${e.kind.padEnd(8)} ${e.type.padEnd(9)} ${e.article} [${e.trigger[0]}, ${e.trigger[1]}] ${e.text}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
