// The search vocabulary shared by the query parser, the store interface and every adapter. A query
// is parsed once (query.ts) into clauses the adapters translate to their own full-text syntax (FTS5
// MATCH now, a PostgreSQL tsquery later), so parsing never depends on the database.

import type { EntityType, PloverType } from '../core/doc.ts';

/** A list that cannot be empty: a clause always has something to match. */
export type NonEmpty<T> = readonly [T, ...T[]];

/** One way a clause can match: its words as stems (one stem, or an exact phrase), or an entity. */
export type Alternative =
  | { readonly kind: 'stems'; readonly stems: NonEmpty<string> }
  | { readonly kind: 'entity'; readonly id: string };

/** One word, quoted phrase or entity name of the query; it matches when any alternative does. */
export interface Clause {
  /** The query text it came from, for display. */
  readonly written: string;
  readonly alternatives: NonEmpty<Alternative>;
}

/** Every clause must match (AND). No clauses: the query only filters. */
export interface ParsedQuery {
  readonly clauses: readonly Clause[];
}

/** An ISO date `YYYY-MM-DD`; compared as text, which orders such dates correctly. */
export type IsoDay = string;

export interface SearchFilters {
  /** Articles linked to this entity id. */
  readonly entity?: string;
  /** Articles with at least one linked entity of this type. */
  readonly entityType?: EntityType;
  /** Articles with at least one event of this PLOVER type. */
  readonly eventType?: PloverType;
  /** Articles linked to this country id (`country:ru`) or to an entity in it (Moscow, Lavrov). */
  readonly country?: string;
  readonly source?: string;
  /** Inclusive bounds on publishedAt; articles without a date fall outside any range. */
  readonly from?: IsoDay;
  readonly to?: IsoDay;
}

/** `date`: newest first, undated last. `relevance` without query words falls back to `date`. */
export type SearchSort = 'relevance' | 'date';

export interface SearchRequest {
  readonly query: ParsedQuery;
  readonly filters?: SearchFilters;
  readonly sort?: SearchSort;
  /** 1–100, default 20. */
  readonly limit?: number;
  /** Default 0. */
  readonly offset?: number;
  /**
   * How many matches facets are counted over at most (default DEFAULT_FACET_SAMPLE): all of them
   * when there are no more, else a deterministic uniform sample of about this many, and the counts
   * are estimates (see SearchResult.facetsSampled).
   */
  readonly facetSample?: number;
}

export interface SearchHit {
  readonly articleId: string;
  readonly title: string | null;
  /** Higher is better (SQLite: negated bm25; PostgreSQL: ts_rank_cd); null when the query has no words to rank by. */
  readonly score: number | null;
  /** A cut of the original text around the first match, matches marked `[…]`. */
  readonly snippet: string;
  readonly publishedAt: string | null;
  readonly source: string | null;
}

/**
 * Counts of matching articles (all of them, not only the page) per value: exact when
 * SearchResult.facetsSampled is null, else estimates from a sample of the matches.
 */
export interface SearchFacets {
  readonly entityType: Readonly<Record<string, number>>;
  readonly eventType: Readonly<Record<string, number>>;
  readonly source: Readonly<Record<string, number>>;
  readonly country: Readonly<Record<string, number>>;
}

export interface SearchResult {
  /** Every matching article, always counted exactly. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: SearchFacets;
  /**
   * Null when the facets count every match. Otherwise there were more than facetSample matches,
   * and the facets were counted over this many of them, a sample that is the same for the same
   * store and query, then scaled to `total` and rounded: an estimate is off by about
   * √((1 − p) / (p · sample)) of itself for a value held by a share p of the matches (sampling
   * error; with 2,000, 7 % at p = 0.1, 2 % at p = 0.5).
   */
  readonly facetsSampled: number | null;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Facets are exact up to this many matches, and estimated from a sample of about as many above. */
export const DEFAULT_FACET_SAMPLE = 2000;
