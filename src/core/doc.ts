// The Doc owns the untouched article text; every layer is a list of spans over it.
// Invariant: every `start`/`end` is a UTF-16 code-unit offset into `article.text`, end exclusive,
// so `article.text.slice(start, end)` is always the evidence.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Article {
  readonly id: string;
  readonly title?: string;
  /** ISO date `YYYY-MM-DD`: the reference date for relative expressions. */
  readonly publishedAt?: string;
  readonly text: string;
}

export type Sentence = Span;

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  readonly kind: TokenKind;
  /** The matching key: see `text/normalize.ts` for what it folds. */
  readonly norm: string;
}

export type SegmentRole = 'conj' | 'prep' | 'future' | 'det' | 'stem' | 'pron';

/**
 * One piece of a word after clitic segmentation, e.g. و|ال|مشاركون. Offsets are relative to the
 * start of its token: shapes are shared by every occurrence of the same surface form.
 */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly role: SegmentRole;
}

/** The clitic segmentation and light stem of one surface form. */
export interface WordShape {
  /** Segments relative to the token; they tile it exactly. */
  readonly segments: readonly Segment[];
  /** Light stem for search, in key spelling. Names and particles are their own stem. */
  readonly stem: string;
}

export interface NumberValue extends Span {
  readonly value: number;
  readonly ordinal?: true;
  readonly percent?: true;
}

/** What the text stage assigns. */
export interface TextLayers {
  readonly tokens: readonly Token[];
  /** Parallel to `tokens`: the shape of each word token, null for numbers, punctuation and symbols. */
  readonly words: readonly (WordShape | null)[];
  readonly sentences: readonly Sentence[];
}

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How a mention reached its entity: by the entity's own name, by an alias or spelling variant, as a
 * demonym (الروسي → Russia), a capital standing for its state, an office phrase (وزير الخارجية
 * الروسي → the minister on the article's date), or by coreference inside the article (لافروف,
 * الوزير).
 */
export type LinkVia = 'name' | 'alias' | 'demonym' | 'metonym' | 'role' | 'coref';

/** A name in the text: found by the tagger or the knowledge base, whole tokens less proclitics. */
export interface Mention extends Span {
  readonly text: string;
  readonly type: EntityType;
  /** The canonical entity id; null before linking, or when linking found nothing to tie it to. */
  readonly entity: string | null;
  /** Absent before linking and on mentions without an entity. */
  readonly via?: LinkVia;
}

/** An entity some mention of the article is linked to. */
export interface EntityRef {
  readonly id: string;
  readonly type: EntityType;
  /** `en` is null for a provisional entity: a name the knowledge base does not know. */
  readonly name: { readonly ar: string; readonly en: string | null };
  readonly kind?: string;
  /** The country id of a city, region, organisation body or person. */
  readonly country?: string;
  readonly wikidata?: string;
  readonly geonames?: number;
  readonly lat?: number;
  readonly lon?: number;
  /** True for an entity made from the article's own mentions (id `new:…`), the same in every article that names it alike. */
  readonly provisional?: true;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateMention extends Span {
  /** Gregorian `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as fine as `precision`. */
  readonly value: string;
  readonly precision: DatePrecision;
  /** Deictic: the value is counted from the reference date (أمس · الأحد · العام الماضي · أكتوبر المقبل). */
  readonly relative?: true;
}

export type FigureUnit = 'money' | 'people' | 'percent';

export interface Figure extends Span {
  readonly value: number;
  /** Absent for a plain count. */
  readonly unit?: FigureUnit;
  /** The counted noun or currency as written (شخصاً · قتلى · دولار), for money and people. */
  readonly noun?: string;
  /** ISO 4217 code, where the name settles it (دولار → USD; ريال alone could be several). */
  readonly currency?: string;
}

/** The sixteen event types of the PLOVER ontology (../shared/data/plover). */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** PLOVER's auxiliary modes: an event announced, denied, past before the report, or conditional. */
export type Auxiliary = 'future' | 'negated' | 'historical' | 'hypothetical';

/** One coded event: who did what to whom, where and when, tied to the sentence it comes from. */
export interface EventRecord {
  readonly id: string;
  readonly type: PloverType;
  /** PLOVER mode of the type (meet, multilateral, boycott …), when the text settles it. */
  readonly mode?: string;
  /** PLOVER contexts (diplomatic, economic, terrorism …). */
  readonly context: readonly string[];
  readonly auxiliary?: Auxiliary;
  /** Entity ids (compound actors are lists, as PLOVER says). */
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  /** Entity id of the place. */
  readonly location?: string;
  /** `YYYY[-MM[-DD]]`: the event's own date when the text gives one, else the article's. */
  readonly date?: string;
  readonly fatalities?: number;
  readonly injured?: number;
  /** The sentence (or clause) the event is read from. */
  readonly evidence: Span;
  /** The word or phrase that names the event (انعقد، هجوم، رفض). */
  readonly trigger: Span;
  /** 0–1: how sure the coder is of the type and arguments. */
  readonly confidence: number;
}

/** Speech in the article: quoted word for word, or reported (قال إن، أشار إلى أن، وفقاً لـ). */
export interface Quote extends Span {
  /** Entity id of the speaker, null when the text does not say or the speaker is not linked. */
  readonly speaker: string | null;
  readonly kind: 'direct' | 'reported';
  /** The speech verb or phrase (قال، أكد، وفقاً لـ). */
  readonly cue: Span;
}

export interface Doc extends TextLayers {
  readonly article: Article;
  /** Every number the text writes, in digits or words (text/numbers.ts). */
  readonly numbers: readonly NumberValue[];
  readonly mentions: readonly Mention[];
  /** The entities the mentions are linked to, once per id. */
  readonly entities: readonly EntityRef[];
  readonly dates: readonly DateMention[];
  readonly figures: readonly Figure[];
  /** Speech, quoted or reported, with its speaker. */
  readonly quotes: readonly Quote[];
  /** PLOVER events, one per real event however often the article reports it. */
  readonly events: readonly EventRecord[];
}

/** The segments of token `i` in offsets of the article text. */
export function wordSegments(layers: Pick<TextLayers, 'tokens' | 'words'>, i: number): Segment[] {
  const shape = layers.words[i];
  const base = layers.tokens[i]!.start;
  return shape ? shape.segments.map((s) => ({ start: base + s.start, end: base + s.end, role: s.role })) : [];
}
