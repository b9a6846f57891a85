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

/** One piece of a word token after clitic segmentation, e.g. و|ال|مشاركون. */
export interface Segment extends Span {
  readonly role: SegmentRole;
}

export interface WordAnalysis {
  /** Index of the token in `tokens`. */
  readonly token: number;
  readonly segments: readonly Segment[];
  /** Light stem for search: a matching key, or the whole key for names and function words. */
  readonly stem: string;
}

export interface NumberValue extends Span {
  readonly value: number;
  readonly ordinal?: true;
  readonly percent?: true;
}

export interface TextLayers {
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly words: readonly WordAnalysis[];
  readonly numbers: readonly NumberValue[];
}

export interface Doc extends TextLayers {
  readonly article: Article;
}
