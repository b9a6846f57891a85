// What an article leaves implicit in one sentence it has said in another. Events are coded sentence
// by sentence (coder.ts); this pass fills them across the article:
//   - a passive (تم اعتماد وثيقتين) or "the participants" (أعرب المشاركون …) acts through the actors
//     of the meeting the article reports;
//   - a definite verbal noun reports again an event named before it (الهجوم الإرهابي … في مارس،
//     … منفذو الهجوم الإرهابي … مقتل 144): the reports become one event, whose evidence is the report
//     that says most, completed from the others;
//   - an attack with no named target hits the state it happened in;
//   - an event without its own date happened on the article's, unless it is historical;
//   - a consultation among an organisation's members, or among three or more, is multilateral.

import type { EventRecord, Token } from '../core/doc.ts';
import type { EventInput, Trigger } from './coder.ts';

const ARTICLE = /^(و|ف)?(ب|ل)?(ال|لل)/;
/** Types whose report is an event once it has a place, even with nobody named (an attack in Moscow). */
const HAPPENS_AT_A_PLACE = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'MOBILIZE', 'CONSULT']);
const MEMBERSHIP_KINDS = new Set(['organisation', 'body']);
/** Words before a verbal noun that make it the circumstance of the event before it (قُتل … في هجوم). */
const CIRCUMSTANTIAL = new Set(['في', 'خلال', 'اثر', 'جراء', 'بسبب']);
/** An indefinite verbal noun in the accusative, an adverbial of purpose (احتجاجاً، تضامناً). */
const ADVERBIAL = /^[^\s]{3,}ا$/;

interface Draft {
  readonly event: EventRecord;
  readonly trigger: Trigger;
  /** The clause leaves the actor implicit: the meeting's participants act. */
  readonly implicit?: 'meeting';
  /** A verbal noun whose actor is the name right after it. */
  readonly genitive?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function fillFromContext(doc: EventInput, drafts: readonly Draft[]): EventRecord[] {
  const kinds = new Map(doc.entities.map((e) => [e.id, e]));
  const events = drafts.map(({ event }) => ({ ...event }) as Mutable<EventRecord>);
  const groups = reports(doc.tokens, drafts);
  const copy = (e: EventRecord) => ({ ...e }) as Mutable<EventRecord>;
  // The meetings the article reports, each as its reports merged, in the order they are first named.
  const meetings = groups
    .map((g) => ({ first: g[0]!, reports: g.length, event: merge(g.map((i) => copy(events[i]!))) }))
    .filter(({ event: e }) => e.type === 'CONSULT' && e.auxiliary === undefined && e.actors.length > 0);
  drafts.forEach(({ implicit }, i) => {
    if (implicit !== 'meeting') return;
    // The meeting the article has reported most so far, or, in a lead, the first one it tells.
    const before = meetings
      .filter((m) => m.first < i)
      .sort((a, b) => b.reports - a.reports || b.first - a.first);
    const meeting = (before[0] ?? meetings[0])?.event;
    if (!meeting) return;
    const e = events[i]!;
    e.actors = meeting.actors;
    if (e.location === undefined && meeting.location !== undefined) e.location = meeting.location;
    if (e.date === undefined && meeting.date !== undefined) e.date = meeting.date;
  });
  const merged = groups.map((g) => merge(g.map((i) => events[i]!)));
  for (const e of merged)
    if (e.type === 'ASSAULT' && e.recipients.length === 0 && e.location) {
      const place = kinds.get(e.location);
      const state = place?.kind === 'country' ? place.id : place?.country;
      if (state) e.recipients = [state];
    }
  // A verbal noun that nobody does, that nothing undergoes and that happened nowhere in particular is
  // a topic, not a report (التهديد المشترك، التضامن العام); a verb always reports.
  const kept = merged.filter(
    (e, n) =>
      e.actors.length > 0 ||
      e.recipients.length > 0 ||
      e.fatalities !== undefined ||
      e.injured !== undefined ||
      (e.location !== undefined && HAPPENS_AT_A_PLACE.has(e.type)) ||
      groups[n]!.some((i) => drafts[i]!.trigger.sense.pos === 'verb'),
  );
  for (const e of kept) {
    if (e.date === undefined && e.auxiliary !== 'historical' && doc.article.publishedAt)
      e.date = doc.article.publishedAt;
    if (
      e.type === 'CONSULT' &&
      e.mode === undefined &&
      (e.actors.length >= 3 || e.actors.some((id) => MEMBERSHIP_KINDS.has(kinds.get(id)?.kind ?? '')))
    )
      e.mode = 'multilateral';
    // Everyone at a multilateral meeting takes part in it: PLOVER codes them all as actors.
    if (e.mode === 'multilateral' && e.recipients.length > 0) {
      e.actors = [...new Set([...e.actors, ...e.recipients])];
      e.recipients = [];
    }
    e.confidence = confidence(e);
  }
  return kept.map((e, n) => ({ ...e, id: `${doc.article.id}:e${n + 1}` }));
}

/**
 * Trigger indices grouped by the real event they report: a definite verbal noun (الهجوم، الاجتماع)
 * refers to the nearest event before it of the same type and mode of being (or, in a lead that
 * names the event before telling it, the first such event after it); every other trigger is an
 * event of its own.
 */
function reports(tokens: readonly Token[], drafts: readonly Draft[]): number[][] {
  const sameKind = (a: Draft, b: Draft) =>
    a.event.type === b.event.type && a.event.auxiliary === b.event.auxiliary;
  // A verbal noun with the article, or one whose genitive names who met (اجتماع مجلس الوزراء), is definite.
  const definite = (d: Draft) =>
    d.trigger.sense.pos === 'noun' &&
    (ARTICLE.test(tokens[d.trigger.t]!.norm) || (d.genitive === true && d.event.actors.length > 0));
  // An indefinite verbal noun that names the circumstance of an event just told in its sentence
  // (قُتل 5 أشخاص في هجوم …، تظاهر مئات المتقاعدين … احتجاجاً على …) is that event again.
  const sameSentence = (a: Draft, b: Draft) => a.trigger.sentence.start === b.trigger.sentence.start;
  const circumstanceOf = (d: Draft, i: number): number => {
    const word = tokens[d.trigger.t]!.norm;
    if (d.trigger.sense.pos !== 'noun' || ARTICLE.test(word)) return -1;
    if (!CIRCUMSTANTIAL.has(tokens[d.trigger.t - 1]?.norm ?? '') && !ADVERBIAL.test(word)) return -1;
    return drafts.findLastIndex((o, k) => k < i && sameKind(o, d) && sameSentence(o, d));
  };
  const groupOf = new Map<number, number[]>();
  const joined = new Set<number>();
  drafts.forEach((d, i) => {
    const group = groupOf.get(circumstanceOf(d, i));
    if (group) {
      group.push(i);
      groupOf.set(i, group);
      joined.add(i);
    } else if (!definite(d)) groupOf.set(i, [i]);
  });
  drafts.forEach((d, i) => {
    if (!definite(d) || joined.has(i)) return;
    // The same noun named before (الاجتماع … الاجتماع), else the nearest event of its kind before it.
    const noun = nounOf(tokens, d);
    let antecedent = -1;
    for (let k = i - 1; k >= 0 && antecedent < 0; k--)
      if (sameKind(drafts[k]!, d) && nounOf(tokens, drafts[k]!) === noun) antecedent = k;
    for (let k = i - 1; k >= 0 && antecedent < 0; k--) if (sameKind(drafts[k]!, d)) antecedent = k;
    for (let k = i + 1; k < drafts.length && antecedent < 0; k++)
      if (sameKind(drafts[k]!, d) && !definite(drafts[k]!)) antecedent = k;
    const group = groupOf.get(antecedent) ?? [];
    group.push(i);
    groupOf.set(i, group);
  });
  return [...new Set(groupOf.values())]
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}

/** The verbal noun of a report, without clitics; '' for a verb. */
function nounOf(tokens: readonly Token[], d: Draft): string {
  return d.trigger.sense.pos === 'noun' ? tokens[d.trigger.t]!.norm.replace(ARTICLE, '') : '';
}

/** One event from its reports: the report that says most, completed from the others. */
function merge(group: readonly Mutable<EventRecord>[]): Mutable<EventRecord> {
  const says = (e: EventRecord) =>
    2 * Number(e.fatalities !== undefined || e.injured !== undefined) +
    Number(e.actors.length > 0) +
    Number(e.recipients.length > 0) +
    Number(e.location !== undefined) +
    Number(e.date !== undefined);
  const head = group.reduce((best, e) => (says(e) > says(best) ? e : best), group[0]!);
  const others = group.filter((e) => e !== head);
  for (const field of ['date', 'location', 'fatalities', 'injured', 'mode'] as const) {
    const lender = others.find((o) => o[field] !== undefined);
    if (head[field] === undefined && lender) Object.assign(head, { [field]: lender[field] });
  }
  if (head.actors.length === 0) head.actors = others.find((o) => o.actors.length > 0)?.actors ?? [];
  if (head.recipients.length === 0)
    head.recipients = others.find((o) => o.recipients.length > 0)?.recipients ?? [];
  head.context = [...new Set(group.flatMap((e) => e.context))];
  return head;
}

/** A rough 0–1: a type from the lexicon, then who, whom, where and when each add to it. */
function confidence(e: EventRecord): number {
  let c = 0.4;
  if (e.actors.length > 0) c += 0.25;
  if (e.recipients.length > 0) c += 0.15;
  if (e.location) c += 0.1;
  if (e.date) c += 0.1;
  return Math.round(c * 100) / 100;
}
