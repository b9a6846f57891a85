// Who did what to whom, where and when, around one trigger in one sentence. Arabic news writes the
// verb first and its subject after it (قاطعت يريفان الرسمية الاجتماعات), a verbal noun before its
// genitive (اجتماع مجلس الوزراء), and sometimes the subject first (روسيا تدعم …): so the actor is the
// first entity right after the trigger, else the nearest before it; the recipient is the next entity
// after the actor; names joined by و or commas act together (compound actors, as PLOVER says). A
// place after في is the location, never an actor. Inside reported speech a verbal noun's genitive is
// what the speaker talks about (ليس لديه شك في تورط أوكرانيا): the speaker is the actor.

import type { Figure, Mention, Quote, Token } from '../core/doc.ts';
import type { EventInput, Trigger } from './coder.ts';

/** A sentence as a character span and a token range `[first, last)`. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly first: number;
  readonly last: number;
}

export interface EventArguments {
  readonly actors: string[];
  readonly recipients: string[];
  readonly location?: string;
  readonly date?: string;
  readonly fatalities?: number;
  readonly injured?: number;
  /** Set when the clause leaves the actor implicit: the meeting's participants act (context.ts). */
  readonly implicit?: 'meeting';
  /** A verbal noun whose actor is its genitive, the name right after it (اجتماع مجلس الوزراء). */
  readonly genitive?: true;
}

/** How far after a trigger its subject may stand (الاجتماع الدوري لمجلس …), in tokens. */
const SUBJECT_WINDOW = 6;
/** How far after the actor the recipient may stand, in tokens. */
const OBJECT_WINDOW = 24;
/** How far past its clause the object may stand: an object can follow a second trigger (قاطعت … الاجتماعات … منظمة). */
const OBJECT_REACH = 16;
/** Places are every LOC that is not a state: a state acts and is acted on. */
const STATE_KINDS = new Set(['country', 'former_country']);
/** A name after these is a time, not a party (في مرحلة ما بعد الاتحاد السوفيتي). */
const TEMPORAL = new Set(['بعد', 'قبل', 'منذ']);
/**
 * Prepositions after which a name is an object, not a subject (دعت زملاءها إلى …). Not في or من: the
 * banks in a country (عدد من البنوك في كازاخستان) act for it; nor the genitive ل (الاجتماع لمجلس …).
 */
const PREPOSITION_WORDS = new Set(['الي', 'علي', 'عن', 'مع', 'ضد', 'بين', 'حول', 'لدي', 'نحو', 'تجاه']);
/** Types a speaker performs by speaking (ليس لديه شك في تورط أوكرانيا is an accusation); an attack is not. */
const SPEECH_ACTS = new Set(['AGREE', 'SUPPORT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'CONCEDE']);
/** How far after a verbal noun its genitive starts (الاجتماع الدوري لمجلس …). */
const GENITIVE_REACH = 2;
/** A date further than this from its trigger (commas weighted) is another clause's. */
const DATE_REACH = 15;
/** Prepositions before the place of an event, at most two words before it (في منطقة موسكو). */
const PLACE_PREPOSITIONS = new Set(['في', 'علي', 'داخل', 'قرب', 'بالقرب']);
/** The event types whose reports count the dead and wounded. */
const COUNTS_CASUALTIES = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'MOBILIZE']);
/** Prepositions before the target of a verbal noun. */
const TARGET_PREPOSITIONS = new Set(['علي', 'ضد', 'مع', 'الي', 'تجاه', 'بحق', 'نحو']);
const PASSIVE_MARKERS = new Set(['تم', 'تمت', 'جري', 'جرت']);
/** How far a target preposition may stand before the name it governs (على ست شركات إيرانية). */
const TARGET_REACH = 3;
/**
 * Verbs whose object is the event's verbal noun and whose subject is its actor (فرض عقوبات، شن
 * هجوماً، أجرى محادثات، وجه اتهامات), in matching-key spelling (no hamza on alif, final ي).
 */
const SUPPORT_VERBS = new Set([
  'فرض',
  'فرضت',
  'شن',
  'شنت',
  'نفذ',
  'نفذت',
  'اجري',
  'اجرت',
  'عقد',
  'عقدت',
  'وجه',
  'وجهت',
  'اطلق',
  'اطلقت',
  'اصدر',
  'اصدرت',
  'قدم',
  'قدمت',
]);
/** How far before its verbal noun a support verb may stand (فرض الاتحاد الأوروبي أمس الاثنين عقوبات). */
const SUPPORT_REACH = 8;
/** قتل، قتلوا، قتلت, with the conjunction. */
const KILLING_VERB = /^[وف]?قتل(وا|ت)?$/;
/** How far before the verb a count of the dead may end (14 جندياً أفغانياً قتلوا: the demonym between). */
const COUNTED_REACH = 2;
/** Prepositions after which an organisation's name is the body its members belong to. */
const MEMBERSHIP_PREPOSITIONS = new Set(['في', 'من']);
/** A definite noun in the plural (-ون) or dual (-ان) of the nominative, as a verb's subject is written. */
const PLURAL_OR_DUAL = /^(ال)[^\s]{2,}(ون|ان)$/;
/** Titles between an affiliation and its holder's name (وزير الخارجية السعودي الأمير فيصل بن فرحان). */
const COURTESY_TITLES = new Set(['الامير', 'الشيخ', 'السيد', 'السيده', 'الدكتور', 'الملك', 'السلطان']);
const PARTICIPANTS = /^(و|ف)?(ال)?(مشارك|حاضر|مجتمع)(ين|ون)$/;
const KILLED = new Set(['مقتل', 'قتل', 'مصرع', 'وفاه', 'استشهاد', 'سقوط']);
const INJURED = new Set(['اصابه', 'جرح', 'اصابات', 'اصيب']);

interface Placed {
  readonly m: Mention;
  readonly first: number;
  readonly last: number;
}

interface SentenceMentions {
  readonly doc: EventInput;
  readonly linked: readonly Mention[];
  readonly byId: ReadonlyMap<string, EventInput['entities'][number]>;
  readonly placed: readonly Placed[];
}

/**
 * The sentence's mentions with their tokens, shared by every trigger of the sentence: built per
 * trigger, the entity map and the token searches were most of argumentsOf. Keyed weakly by the
 * sentence, which the coder makes afresh per document, so nothing outlives the document.
 */
const bySentence = new WeakMap<Sentence, SentenceMentions>();

function sentenceMentions(doc: EventInput, sentence: Sentence, linked: readonly Mention[]): SentenceMentions {
  const known = bySentence.get(sentence);
  if (known && known.doc === doc && known.linked === linked) return known;
  const made: SentenceMentions = {
    doc,
    linked,
    byId: new Map(doc.entities.map((e) => [e.id, e])),
    placed: linked
      .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
      .map((m) => ({ m, first: tokenOf(doc.tokens, m.start), last: tokenOf(doc.tokens, m.end - 1) }))
      .filter((p) => !TEMPORAL.has(doc.tokens[p.first - 1]?.norm ?? '')),
  };
  bySentence.set(sentence, made);
  return made;
}

export function argumentsOf(
  doc: EventInput,
  trigger: Trigger,
  otherTriggers: readonly Trigger[],
  linked: readonly Mention[],
  quotes: readonly Quote[],
): EventArguments {
  const { t, sentence } = trigger;
  // The clause of this trigger: up to the other triggers of the sentence on either side.
  const others = otherTriggers.map((o) => o.t);
  // The clause: up to the other verbs of the sentence on either side (a verbal noun after a verb is
  // often its object: قاطعت … الاجتماعات … منظمة معاهدة الأمن الجماعي).
  const verbs = otherTriggers.filter((o) => o.sense.pos === 'verb').map((o) => o.t);
  const from = Math.max(sentence.first, ...verbs.filter((o) => o < t).map((o) => o + 1));
  const to = Math.min(sentence.last, ...verbs.filter((o) => o > t));
  const { byId, placed } = sentenceMentions(doc, sentence, linked);
  const isPlace = (p: Placed) => p.m.type === 'LOC' && !STATE_KINDS.has(byId.get(p.m.entity!)?.kind ?? '');
  const triggers = [t, ...others];
  const places = placed.filter(
    (p) => isPlace(p) && afterPlacePreposition(doc.tokens, p) && ownedBy(doc.tokens, triggers, t, p.first),
  );
  // A name that only says whose office the next name holds (الأمين العام للأمم المتحدة أنطونيو
  // غوتيريش، وزير الخارجية الروسي سيرغي لافروف) is not a party of its own: the person acts.
  const parties = placed.filter((p, i) => !isPlace(p) && !affiliationOf(doc.tokens, p, placed[i + 1]));
  const location = (places.find((p) => p.first > t) ?? places.at(-1))?.m.entity ?? undefined;

  const quote = quotes.find(
    (q) => q.speaker && q.start <= doc.tokens[t]!.start && doc.tokens[t]!.end <= q.end,
  );
  const implicit = implicitActor(doc.tokens, trigger, others, parties);
  // A verbal noun in reported speech with no name before it in the quote, and one it acts on after
  // it: the speaker's act (ليس لديه شك في تورط أوكرانيا).
  const speakerActs =
    implicit === undefined &&
    quote !== undefined &&
    trigger.sense.pos === 'noun' &&
    SPEECH_ACTS.has(trigger.sense.type) &&
    !parties.some((p) => p.m.start >= quote.start && p.last < t) &&
    parties.some((p) => p.first > t && nounObject(doc.tokens, t, p));
  const after = parties.filter((p) => p.first > t && p.first < to + OBJECT_REACH);
  // A subject stands bare: a name after a preposition (دعت زملاءها إلى … البريكس) is an object.
  const bare = (p: Placed) =>
    !PREPOSITION_WORDS.has(doc.tokens[p.first - 1]?.norm ?? '') && !/^[وف]?ب/.test(attached(doc.tokens, p));
  const subjectAfter = after.find(
    (p) => p.first - t <= SUBJECT_WINDOW && (trigger.sense.pos === 'noun' || bare(p)),
  );
  // The verb that carries a verbal noun names its actor (فرض الاتحاد الأوروبي عقوبات على …، شن
  // الجيش هجوماً): the subject of that verb, not a name after the noun.
  const verb = trigger.sense.pos === 'noun' ? supportVerbBefore(doc.tokens, from, t) : undefined;
  const supportSubject =
    verb === undefined ? undefined : parties.find((p) => p.first > verb && p.last < t && bare(p));
  let actors: Placed[] = [];
  // Named before a killing verb with the count of its dead (14 جندياً أفغانياً قتلوا): the victims.
  const dead = countedDeadBefore(doc, t);
  let victims: Placed[] = [];
  if (implicit || speakerActs) {
    // Who acts is said elsewhere (context.ts) or is the speaker; what follows is acted on.
  } else if (trigger.sense.pos === 'verb' && unnamedSubject(doc.tokens, t, placed)) {
    // The verb's subject is a noun no name stands for (ودعا الوزيران …، وطالب المحتجون الحكومة …):
    // nobody named acts, and the names after it are what it acts on.
  } else if (supportSubject) {
    actors = group(doc.tokens, parties, parties.indexOf(supportSubject));
  } else if (subjectAfter) {
    actors = group(doc.tokens, after, after.indexOf(subjectAfter));
  } else if (trigger.sense.pos === 'verb') {
    // Subject first (روسيا تدعم …), close before the verb; a verbal noun takes no subject before it.
    const before = parties.filter(
      (p) =>
        p.last < t &&
        p.first >= from &&
        p.m.start >= (quote?.start ?? 0) &&
        bare(p) &&
        distance(doc.tokens, p.last, t) <= SUBJECT_WINDOW,
    );
    if (dead !== undefined) victims = parties.filter((p) => p.first >= dead && p.last < t);
    else if (before.length > 0) actors = group(doc.tokens, before, before.length - 1, -1);
  }
  const objectsFrom = Math.max(t, ...actors.map((a) => a.last));
  const rest = after.filter(
    (p) =>
      p.first > objectsFrom &&
      p.first - objectsFrom <= OBJECT_WINDOW &&
      !actors.includes(p) &&
      (trigger.sense.pos === 'verb' || nounObject(doc.tokens, t, p)),
  );
  // A count of the dead as the subject makes the verb a passive: what follows is no object.
  const recipients = dead !== undefined ? victims : rest.length > 0 ? group(doc.tokens, rest, 0) : [];
  const ids = (ps: readonly Placed[]) => [...new Set(ps.map((p) => p.m.entity!))];
  const actorIds = actors.length > 0 ? ids(actors) : speakerActs && quote.speaker ? [quote.speaker] : [];

  return {
    actors: actorIds,
    recipients: ids(recipients).filter((id) => !actorIds.includes(id)),
    ...(implicit ? { implicit } : {}),
    ...(trigger.sense.pos === 'noun' &&
    actors[0] &&
    actors[0].first > t &&
    actors[0].first - t <= GENITIVE_REACH
      ? { genitive: true }
      : {}),
    ...(location ? { location } : {}),
    ...dateOf(doc, sentence, triggers, t),
    ...(COUNTS_CASUALTIES.has(trigger.sense.type) ? casualties(doc.tokens, doc.figures, sentence) : {}),
  };
}

/**
 * Whose act a trigger is when its clause does not name them: a passive (تم اعتماد) is the act of
 * the meeting the article reports, and so is one whose clause names "the participants" (أعرب
 * المشاركون عن تضامنهم).
 */
function implicitActor(
  tokens: readonly Token[],
  { t, sentence }: Trigger,
  others: readonly number[],
  parties: readonly Placed[],
): 'meeting' | undefined {
  // The marker may carry the conjunction (وتم) and may open the trigger phrase (تم اعتماد).
  const word = (i: number) => tokens[i]?.norm.replace(/^[وف](?=..)/, '') ?? '';
  if (PASSIVE_MARKERS.has(word(t - 1)) || PASSIVE_MARKERS.has(word(t))) return 'meeting';
  // Back from the trigger to the nearest named party or other event: "the participants" before it
  // are the subject.
  for (let k = t - 1; k >= sentence.first; k--) {
    // A meeting named after في is where the participants were (المشاركين في الاجتماع), not a predicate.
    const predicate = others.includes(k) && tokens[k - 1]?.norm !== 'في';
    if (predicate || parties.some((p) => p.first <= k && k <= p.last)) return undefined;
    if (PARTICIPANTS.test(tokens[k]!.norm)) return 'meeting';
  }
  return undefined;
}

/**
 * What a verbal noun acts on: its genitive right after it (تورط أوكرانيا), or a name after a
 * preposition that takes the target (تضامنهم مع روسيا، الهجوم على …); not any later name in the sentence.
 */
function nounObject(tokens: readonly Token[], t: number, p: Placed): boolean {
  if (p.first - t <= 2 || TARGET_PREPOSITIONS.has(tokens[p.first - 1]?.norm ?? '')) return true;
  // The target may be qualified before the name (عقوبات على ست شركات إيرانية).
  const k = tokens.slice(t + 1, p.first).findIndex((x) => TARGET_PREPOSITIONS.has(x.norm));
  return k >= 0 && p.first - (t + 1 + k) <= TARGET_REACH;
}

/** The support verb, if any, that a verbal noun is the object of: فرض … عقوبات، شن … هجوماً. */
function supportVerbBefore(tokens: readonly Token[], from: number, t: number): number | undefined {
  for (let k = t - 1; k >= Math.max(from, t - SUPPORT_REACH); k--)
    if (SUPPORT_VERBS.has(tokens[k]!.norm.replace(/^[وف](?=...)/, ''))) return k;
  return undefined;
}

/**
 * Where the count of people starts that is the subject of killing verb `t`, just before it (14 جندياً
 * أفغانياً قتلوا: they were killed; news leaves the passive unmarked); undefined when there is none.
 */
function countedDeadBefore(doc: EventInput, t: number): number | undefined {
  if (!KILLING_VERB.test(doc.tokens[t]!.norm)) return undefined;
  const count = doc.figures.find((f) => {
    if (f.unit !== 'people') return false;
    const last = tokenOf(doc.tokens, f.end - 1);
    return last < t && t - last <= COUNTED_REACH;
  });
  return count === undefined ? undefined : tokenOf(doc.tokens, count.start);
}

/**
 * Whether the word right after verb `t` is its subject, a definite plural or dual noun that no name
 * covers or follows at once (المحتجون، الوزيران، المسلحون; not الرئيس الأمريكي, where the name is
 * the subject's own) and whose next name is not the organisation it belongs to.
 */
function unnamedSubject(tokens: readonly Token[], t: number, placed: readonly Placed[]): boolean {
  const word = tokens[t + 1];
  if (word === undefined || !PLURAL_OR_DUAL.test(word.norm)) return false;
  if (placed.some((p) => p.first <= t + 2 && p.last >= t + 1)) return false;
  // Those in a body act for it (المسؤولون في الاتحاد الأوروبي); a state after في is more often
  // where the noun is (طرفي النزاع في السودان).
  const next = placed.find((p) => p.first > t + 1);
  return (
    next === undefined ||
    next.m.type !== 'ORG' ||
    !MEMBERSHIP_PREPOSITIONS.has(tokens[next.first - 1]?.norm ?? '')
  );
}

/**
 * Whether `p` is the affiliation in a title before the name of its holder `next`: a name of an
 * organisation or a state right before a person's name, at most a courtesy title between.
 */
function affiliationOf(tokens: readonly Token[], p: Placed, next: Placed | undefined): boolean {
  if (next === undefined || next.m.type !== 'PER' || p.m.type === 'PER') return false;
  const between = tokens.slice(p.last + 1, next.first);
  return between.length === 0 || (between.length === 1 && COURTESY_TITLES.has(between[0]!.norm));
}

/** في مينسك، بموسكو، في منطقة موسكو، على قاعة مدينة كروكوس: a place the event happens at. */
function afterPlacePreposition(tokens: readonly Token[], p: Placed): boolean {
  const own = tokens[p.first]!;
  if (p.m.start > own.start && /^[وف]?ب/.test(own.norm)) return true;
  return [tokens[p.first - 1], tokens[p.first - 2], tokens[p.first - 3]].some(
    (x) => x !== undefined && PLACE_PREPOSITIONS.has(x.norm.replace(/^[وف](?=..)/, '')),
  );
}

/** The proclitic letters a mention's first token carries before the name (لمجلس → ل). */
function attached(tokens: readonly Token[], p: Placed): string {
  const token = tokens[p.first]!;
  return token.norm.slice(0, Math.max(0, p.m.start - token.start));
}

/** The index of the token holding character `at`. */
function tokenOf(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mention at `i` and the names coordinated with it (كازاخستان وقيرغيزستان، أذربيجان وكازاخستان …), read in `step` direction. */
function group(tokens: readonly Token[], ps: readonly Placed[], i: number, step: 1 | -1 = 1): Placed[] {
  const out = [ps[i]!];
  for (let k = i + step; k >= 0 && k < ps.length; k += step) {
    const [left, right] = step === 1 ? [out.at(-1)!, ps[k]!] : [ps[k]!, out.at(-1)!];
    if (!coordinated(tokens, left, right)) break;
    out.push(ps[k]!);
  }
  return out;
}

/** Whether only a conjunction or a comma stands between two names. */
function coordinated(tokens: readonly Token[], left: Placed, right: Placed): boolean {
  const between = tokens.slice(left.last + 1, right.first);
  if (between.length === 0) return tokens[right.first]!.norm.startsWith('و');
  return between.length === 1 && ['،', ',', 'و'].includes(between[0]!.norm);
}

/** A comma between a date and a trigger weighs as this many words: it usually closes a clause. */
const COMMA_WEIGHT = 5;
const COMMAS = new Set(['،', ',', ';', '؛']);

/**
 * Whether the word at token `at` belongs to the trigger `t` rather than to another trigger of the
 * sentence: it is nearer to `t`, a comma counting as COMMA_WEIGHT words (it usually closes a clause).
 */
function ownedBy(tokens: readonly Token[], triggers: readonly number[], t: number, at: number): boolean {
  const own = distance(tokens, at, t);
  return !triggers.some((o) => o !== t && distance(tokens, at, o) < own);
}

/** Words between two tokens, a comma counting as COMMA_WEIGHT words. */
function distance(tokens: readonly Token[], from: number, to: number): number {
  const [a, b] = from < to ? [from, to] : [to, from];
  let d = b - a;
  for (let k = a + 1; k < b; k++) if (COMMAS.has(tokens[k]!.norm)) d += COMMA_WEIGHT;
  return d;
}

/** The event's own date: of the sentence's dates it owns (ownedBy), the nearest. */
function dateOf(
  doc: EventInput,
  sentence: Sentence,
  triggers: readonly number[],
  t: number,
): { date?: string } {
  const owned = doc.dates
    .filter((d) => d.start >= sentence.start && d.end <= sentence.end)
    .map((d) => ({ value: d.value, at: tokenOf(doc.tokens, d.start) }))
    .filter(({ at }) => ownedBy(doc.tokens, triggers, t, at) && distance(doc.tokens, at, t) <= DATE_REACH)
    .sort((a, b) => Math.abs(a.at - t) - Math.abs(b.at - t));
  return owned[0] ? { date: owned[0].value } : {};
}

/** Deaths and injuries: a count of people right after مقتل / إصابة … in the sentence. */
function casualties(
  tokens: readonly Token[],
  figures: readonly Figure[],
  sentence: Sentence,
): { fatalities?: number; injured?: number } {
  const out: { fatalities?: number; injured?: number } = {};
  for (const f of figures) {
    if (f.unit !== 'people' || f.start < sentence.start || f.end > sentence.end) continue;
    const t = tokenOf(tokens, f.start);
    const before = [tokens[t - 1]?.norm ?? '', tokens[t - 2]?.norm ?? ''].map((w) => w.replace(/^[وب]/, ''));
    // … or the count is the subject of a killing verb right after it (14 جندياً أفغانياً قتلوا).
    const last = tokenOf(tokens, f.end - 1);
    const after = tokens.slice(last + 1, last + 1 + COUNTED_REACH).map((x) => x.norm);
    if (before.some((w) => KILLED.has(w)) || after.some((w) => KILLING_VERB.test(w)))
      out.fatalities ??= f.value;
    else if (before.some((w) => INJURED.has(w))) out.injured ??= f.value;
  }
  return out;
}
