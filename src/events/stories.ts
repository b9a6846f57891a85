// Stories: the events of many articles grouped so that one real event is counted once. Agencies and
// papers reprint and rewrite each other, so a meeting reported by five outlets is five EventRecords;
// counting reports instead of events is the first complaint GDELT users make. A Story keeps every
// report as evidence (article, event, sentence span, the sentence itself when the text is given) and
// agrees one record from them.
//
// Two reports are the same real event when all of these hold (`link`):
//   1. Same PLOVER type and the same auxiliary mode. A meeting announced for next week (AGREE, or
//      CONSULT + future) and the meeting held never merge: they are two events on two dates.
//   2. Not from the same article. The coder already keeps one event per real event in an article
//      (docs/ANALYSIS.md), so two events of one article are two events; a story counts articles.
//   3. Compatible dates: equal at the coarser precision (2024-04 and 2024-04-12 agree; 2024-03 and
//      2024-04-12 do not), or within ±1 day when both are days — agencies date an event by their own
//      publication day, a day late across a time zone or a night. An undated report (no date in the
//      text and no publication date) joins only by strong argument overlap: the same actors and the
//      same recipients, not both empty.
//   4. Compatible location: the same place, or one report without one. Different cities are
//      different events even on one day (protests in two towns are two protests).
//   5. Overlapping participants: the Jaccard index of actors ∪ recipients is at least 0.5, or the
//      actor lists are the same (one outlet names the host, the other does not). Roles are pooled
//      because outlets swap visitor and host. With `partOf` (the knowledge base's org:cis-cfm →
//      org:cis), an entity matches the body it is part of, never a sibling: "the CIS foreign
//      ministers" and "the CIS" are one participant, the UN Security Council and UN General Assembly
//      two. Two reports that name no participant at all merge only at the same named place.
//
// Grouping is union–find over those links, taken strongest first (participant overlap, then a shared
// named place, then equal dates, then input order), and a union is made only when the merged group
// stays coherent: every date in it agrees with every other (so a chain 10th ~ 11th ~ 12th cannot
// turn a daily shelling into one month-long story, and one report dated only "2024" cannot bridge
// two days), at most one named place, and at most one report per article. Participants need only
// link pairwise (single linkage), which is what lets three rewrites of one wire story join.
//
// The result depends only on the set of reports, not their order: reports are sorted first (by
// publication date, article id, event id) and edges by their strength with that order as the tie
// break. A story's id is a hash of its earliest report (article id and event id), so it stays the
// same when later reports join; an earlier-published report joining changes it.
//
// The agreed record: the most precise date the reports agree on (the day most of them give, the
// earlier of two on a tie, else their month, else their year); the one named place; each participant
// in the role most reports give it; the most frequent mode; every context; the highest fatality and
// injury counts (later reports update tolls upward); confidence is 1 − Π(1 − c) over distinct sources,
// each counted by its most confident report, so independent outlets corroborate and a paper that
// reprints itself does not.

import { createHash } from 'node:crypto';
import type { EventRecord, Span } from '../core/doc.ts';

/** One coded event as one article reports it. */
export interface ReportInput {
  readonly articleId: string;
  /** Publisher or agency (the JSON-lines `source`): reports of one source corroborate once. */
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** `YYYY-MM-DD`: orders reports (the earliest names the story). */
  readonly publishedAt?: string | undefined;
  readonly event: EventRecord;
  /** The article text the event's spans point into: gives the report its evidence quote. */
  readonly text?: string | undefined;
}

export interface StoryReport {
  readonly articleId: string;
  readonly eventId: string;
  readonly source?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  /** The date this report gives the event. */
  readonly date?: string;
  /** The sentence the event is read from, in offsets of the article text. */
  readonly evidence: Span;
  readonly trigger: Span;
  /** The evidence sentence as written, when the text was given. */
  readonly quote?: string;
  /** The trigger word or phrase as written, when the text was given. */
  readonly triggerText?: string;
  readonly confidence: number;
}

/** One real event, with every report of it: an event's fields, agreed across the reports. */
export interface Story extends Omit<EventRecord, 'evidence' | 'trigger' | 'date'> {
  /** The most precise date the reports agree on; absent when none gives one. */
  readonly date?: string;
  /** Earliest published first. */
  readonly reports: readonly StoryReport[];
}

export interface ClusterOptions {
  /** The entity `id` is part of (org:cis-cfm → org:cis), as the knowledge base's `partOf` says. */
  readonly partOf?: (id: string) => string | undefined;
}

/** Jaccard of actors ∪ recipients at or above this links two reports. */
export const MIN_OVERLAP = 0.5;
/** How far up a partOf chain is followed (and a guard against cycles). */
const MAX_ANCESTORS = 8;

interface Prepared {
  readonly input: ReportInput;
  readonly index: number;
  readonly participants: readonly string[];
  /** Each participant with the bodies it is part of. */
  readonly lineage: ReadonlyMap<string, ReadonlySet<string>>;
  readonly actorsKey: string;
  readonly recipientsKey: string;
  readonly date: string | undefined;
  /** Day numbers covered by the date, [-∞, ∞] when undated. */
  readonly from: number;
  readonly to: number;
  /** The index keys it is filed under (see candidateEdges), sorted. */
  readonly keys: readonly string[];
  readonly keySet: ReadonlySet<string>;
}

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly overlap: number;
  readonly samePlace: boolean;
  readonly gap: number;
}

/** Groups reports of the same real event into stories; see the header for the rules. */
export function clusterStories(inputs: readonly ReportInput[], options: ClusterOptions = {}): Story[] {
  const unique = new Map<string, ReportInput>();
  for (const input of inputs) {
    const key = `${input.articleId}\u0000${input.event.id}`;
    const seen = unique.get(key);
    if (seen === undefined || compareInputs(input, seen) < 0) unique.set(key, input);
  }
  const sorted = [...unique.values()].sort(compareInputs);
  const reports = sorted.map((input, index) => prepare(input, index, options.partOf));

  const edges = candidateEdges(reports);
  edges.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      Number(y.samePlace) - Number(x.samePlace) ||
      x.gap - y.gap ||
      x.a - y.a ||
      x.b - y.b,
  );

  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const groups: Group[] = reports.map((r) => ({
    members: [r.index],
    articles: new Set([r.input.articleId]),
    places: new Set(r.input.event.location === undefined ? [] : [r.input.event.location]),
    dates: new Set(r.date === undefined ? [] : [r.date]),
  }));
  for (const { a, b } of edges) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [big, small] = groups[ra]!.members.length >= groups[rb]!.members.length ? [ra, rb] : [rb, ra];
    const g = groups[big]!;
    const h = groups[small]!;
    if (!coherent(g, h)) continue;
    parent[small] = big;
    g.members.push(...h.members);
    for (const x of h.articles) g.articles.add(x);
    for (const x of h.places) g.places.add(x);
    for (const x of h.dates) g.dates.add(x);
  }

  const stories: Story[] = [];
  for (let i = 0; i < reports.length; i++) {
    if (find(i) !== i) continue;
    const members = groups[i]!.members.sort((x, y) => x - y);
    stories.push(buildStory(members.map((m) => reports[m]!.input)));
  }
  return stories.sort(compareStories);
}

interface Group {
  readonly members: number[];
  readonly articles: Set<string>;
  readonly places: Set<string>;
  readonly dates: Set<string>;
}

/** Whether two groups may become one: no article twice, one named place, every date agreeing. */
function coherent(g: Group, h: Group): boolean {
  for (const x of h.articles) if (g.articles.has(x)) return false;
  for (const x of h.places) for (const y of g.places) if (x !== y) return false;
  for (const d of h.dates) for (const e of g.dates) if (d !== e && !datesAgree(d, e)) return false;
  return true;
}

/** A story of one report: what an export of events that were never clustered shows. */
export function singletonStory(input: ReportInput): Story {
  return buildStory([input]);
}

/** Stories in export order: by date (undated last), then type, then id. */
export function compareStories(a: Story, b: Story): number {
  return compare(a.date ?? '\uffff', b.date ?? '\uffff') || compare(a.type, b.type) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: published first (undated last), then by article and event id. */
function compareInputs(a: ReportInput, b: ReportInput): number {
  return (
    compare(a.publishedAt ?? '\uffff', b.publishedAt ?? '\uffff') ||
    compare(a.articleId, b.articleId) ||
    compare(a.event.id, b.event.id) ||
    compare(a.source ?? '', b.source ?? '') ||
    compare(a.url ?? '', b.url ?? '')
  );
}

function prepare(input: ReportInput, index: number, partOf: ClusterOptions['partOf']): Prepared {
  const { event } = input;
  const participants = [...new Set([...event.actors, ...event.recipients])].sort(compare);
  const lineage = new Map<string, Set<string>>();
  for (const id of participants) {
    const up = new Set<string>();
    let at = partOf?.(id);
    for (let step = 0; at !== undefined && step < MAX_ANCESTORS && !up.has(at) && at !== id; step++) {
      up.add(at);
      at = partOf?.(at);
    }
    lineage.set(id, up);
  }
  const [from, to] = dayRange(event.date);
  // Blocked by type and auxiliary; filed under each participant and the bodies it is part of, or
  // under the place when it names no participant (and nowhere without either).
  const block = `${event.type}\t${event.auxiliary ?? ''}\t`;
  const keys = new Set<string>();
  for (const [id, up] of lineage) {
    keys.add(block + id);
    for (const x of up) keys.add(block + x);
  }
  if (participants.length === 0 && event.location !== undefined) keys.add(`${block}@${event.location}`);
  return {
    input,
    index,
    participants,
    lineage,
    actorsKey: [...new Set(event.actors)].sort(compare).join('\t'),
    recipientsKey: [...new Set(event.recipients)].sort(compare).join('\t'),
    date: event.date,
    from,
    to,
    keys: [...keys].sort(compare),
    keySet: keys,
  };
}

/**
 * Every pair that `link` accepts, found without comparing all pairs: reports are blocked by type and
 * auxiliary, indexed by each participant (and the bodies it is part of; by place when they name
 * none), and within one index list only reports whose date ranges come within a day are compared.
 */
function candidateEdges(reports: readonly Prepared[]): Edge[] {
  const lists = new Map<string, Prepared[]>();
  for (const r of reports)
    for (const key of r.keys) {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [r]);
      else list.push(r);
    }
  const edges: Edge[] = [];
  for (const [key, list] of lists) {
    list.sort((x, y) => x.from - y.from || x.index - y.index);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        if (b.from > a.to + 1) break;
        // A pair filed together under several keys is looked at under the first of them only.
        if (firstSharedKey(a, b) !== key) continue;
        const edge = a.index < b.index ? link(a, b) : link(b, a);
        if (edge !== undefined) edges.push(edge);
      }
    }
  }
  return edges;
}

function firstSharedKey(a: Prepared, b: Prepared): string | undefined {
  for (const key of a.keys) if (b.keySet.has(key)) return key;
  return undefined;
}

/** The link between two reports of one type and auxiliary, if they report the same event. */
function link(a: Prepared, b: Prepared): Edge | undefined {
  const x = a.input.event;
  const y = b.input.event;
  if (a.input.articleId === b.input.articleId) return undefined;
  if (x.type !== y.type || x.auxiliary !== y.auxiliary) return undefined;
  if (x.location !== undefined && y.location !== undefined && x.location !== y.location) return undefined;
  if (a.date !== undefined && b.date !== undefined) {
    const days = a.from === a.to && b.from === b.to;
    if (days ? Math.abs(a.from - b.from) > 1 : !datesAgree(a.date, b.date)) return undefined;
  }
  const samePlace = x.location !== undefined && x.location === y.location;
  const gap = a.date === b.date ? 0 : 1;
  let overlap: number;
  if (a.date === undefined || b.date === undefined) {
    const strong =
      a.participants.length > 0 && a.actorsKey === b.actorsKey && a.recipientsKey === b.recipientsKey;
    if (!strong) return undefined;
    overlap = 1;
  } else if (a.participants.length === 0 || b.participants.length === 0) {
    if (a.participants.length + b.participants.length > 0 || !samePlace) return undefined;
    overlap = MIN_OVERLAP;
  } else {
    overlap = jaccard(a, b);
    if (overlap < MIN_OVERLAP && !(a.actorsKey !== '' && a.actorsKey === b.actorsKey)) return undefined;
  }
  return { a: a.index, b: b.index, overlap, samePlace, gap };
}

/**
 * Jaccard of the two participant sets, where an entity also matches a body it is part of (either
 * way): a one-to-one matching, exact matches first.
 */
function jaccard(a: Prepared, b: Prepared): number {
  const left = new Set(b.participants);
  let matched = 0;
  const rest: string[] = [];
  for (const id of a.participants) {
    if (left.delete(id)) matched++;
    else rest.push(id);
  }
  for (const id of rest) {
    const up = a.lineage.get(id)!;
    for (const other of left) {
      if (up.has(other) || b.lineage.get(other)!.has(id)) {
        left.delete(other);
        matched++;
        break;
      }
    }
  }
  return matched / (a.participants.length + b.participants.length - matched);
}

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;

/** The first and last day a `YYYY[-MM[-DD]]` date covers; the whole line when undated. */
function dayRange(date: string | undefined): [number, number] {
  if (date === undefined) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const [y = 0, m, d] = date.split('-').map(Number);
  if (d !== undefined && m !== undefined) return [dayNumber(y, m, d), dayNumber(y, m, d)];
  if (m !== undefined) return [dayNumber(y, m, 1), dayNumber(y, m + 1, 0)];
  return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
}

/** Equal at the coarser precision, or two days at most one apart. */
export function datesAgree(a: string, b: string): boolean {
  if (a.length === 10 && b.length === 10) return Math.abs(dayRange(a)[0] - dayRange(b)[0]) <= 1;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function buildStory(inputs: readonly ReportInput[]): Story {
  const first = inputs[0]!;
  const events = inputs.map((r) => r.event);
  const event = first.event;
  const id = `s-${createHash('sha256').update(`${first.articleId}\n${event.id}`).digest('hex').slice(0, 16)}`;
  const mode = mostFrequent(events.flatMap((e) => (e.mode === undefined ? [] : [e.mode])));
  const location = events.find((e) => e.location !== undefined)?.location;
  const date = agreedDate(events.flatMap((e) => (e.date === undefined ? [] : [e.date])));
  const fatalities = maxOf(events.map((e) => e.fatalities));
  const injured = maxOf(events.map((e) => e.injured));
  const { actors, recipients } = roles(events);
  return {
    id,
    type: event.type,
    ...(mode !== undefined ? { mode } : {}),
    context: [...new Set(events.flatMap((e) => e.context))].sort(compare),
    ...(event.auxiliary !== undefined ? { auxiliary: event.auxiliary } : {}),
    actors,
    recipients,
    ...(location !== undefined ? { location } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(fatalities !== undefined ? { fatalities } : {}),
    ...(injured !== undefined ? { injured } : {}),
    reports: inputs.map(toReport),
    confidence: corroborated(inputs),
  };
}

function toReport(r: ReportInput): StoryReport {
  const { event, text } = r;
  return {
    articleId: r.articleId,
    eventId: event.id,
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.url !== undefined ? { url: r.url } : {}),
    ...(r.publishedAt !== undefined ? { publishedAt: r.publishedAt } : {}),
    ...(event.date !== undefined ? { date: event.date } : {}),
    evidence: { start: event.evidence.start, end: event.evidence.end },
    trigger: { start: event.trigger.start, end: event.trigger.end },
    ...(text !== undefined
      ? {
          quote: text.slice(event.evidence.start, event.evidence.end),
          triggerText: text.slice(event.trigger.start, event.trigger.end),
        }
      : {}),
    confidence: event.confidence,
  };
}

/** The most frequent value, the alphabetically first on a tie. */
function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) {
    const m = best === undefined ? 0 : counts.get(best)!;
    if (n > m || (n === m && best !== undefined && v < best)) best = v;
  }
  return best;
}

/** The day most reports give (the earlier on a tie), else the month, else the year. */
function agreedDate(dates: readonly string[]): string | undefined {
  for (const length of [10, 7, 4]) {
    const at = dates.filter((d) => d.length === length);
    if (at.length === 0) continue;
    const counts = new Map<string, number>();
    for (const d of at) counts.set(d, (counts.get(d) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))[0]![0];
  }
  return undefined;
}

function maxOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

/** Each participant in the role most reports give it (actor on a tie); most often named first. */
function roles(events: readonly EventRecord[]): { actors: string[]; recipients: string[] } {
  const tally = new Map<string, { actor: number; recipient: number }>();
  const count = (id: string, role: 'actor' | 'recipient') => {
    const t = tally.get(id) ?? { actor: 0, recipient: 0 };
    t[role]++;
    tally.set(id, t);
  };
  for (const e of events) {
    for (const id of new Set(e.actors)) count(id, 'actor');
    for (const id of new Set(e.recipients)) count(id, 'recipient');
  }
  const order = [...tally].sort(
    (x, y) => y[1].actor + y[1].recipient - (x[1].actor + x[1].recipient) || compare(x[0], y[0]),
  );
  return {
    actors: order.filter(([, t]) => t.actor >= t.recipient).map(([id]) => id),
    recipients: order.filter(([, t]) => t.actor < t.recipient).map(([id]) => id),
  };
}

/** 1 − Π(1 − c) over distinct sources (an article without one is its own source), 3 decimals. */
function corroborated(inputs: readonly ReportInput[]): number {
  const best = new Map<string, number>();
  for (const r of inputs) {
    const key = r.source ?? `article:${r.articleId}`;
    best.set(key, Math.max(best.get(key) ?? 0, r.event.confidence));
  }
  let miss = 1;
  for (const c of best.values()) miss *= 1 - Math.min(1, Math.max(0, c));
  return Math.round((1 - miss) * 1000) / 1000;
}
