// The one store interface, with two adapters on the same schema and migrations (migrations.ts):
// SQLite (sqlite.ts), the embedded default, and PostgreSQL (postgres.ts). Async because the
// PostgreSQL client is; the SQLite adapter answers at once. Everything an article brings is written in one transaction, so a store never holds half an
// article, and saving is idempotent: the same article (by id or content hash) is stored once.

import type { Doc, EntityRef, EntityType, EventRecord, LinkVia, PloverType, Span } from '../core/doc.ts';
import type { AnalysisJson } from '../pipeline/contract.ts';
import type { SearchDocument } from '../search/index-document.ts';
import type { SearchRequest, SearchResult } from '../search/types.ts';

export type SaveOutcome = 'added' | 'duplicate';

/** One article's part in saveArticles: its outcome, or why it could not be saved. */
export type SaveResult =
  | { readonly ok: true; readonly outcome: SaveOutcome }
  | { readonly ok: false; readonly error: unknown };

export interface SaveArticleInput {
  readonly doc: Doc;
  /** Where the article came from (a feed, a site, a corpus name). */
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** ISO 639 code of the article's language ('ar'). */
  readonly language: string;
  /** The ingest's hash of the content: a second article with the same hash is a duplicate. */
  readonly contentHash: string;
  /** Unsigned 64-bit simhash of the text, for findNearDuplicate. */
  readonly simhash?: bigint | undefined;
  /** An article already stored that this one nearly repeats (it must exist). */
  readonly duplicateOf?: string | undefined;
  /**
   * What the store would otherwise build from `doc`, built already where the article was analysed
   * (an ingest worker, rows.ts prepareArticle), so that the thread that writes need not.
   */
  readonly prepared?: PreparedArticle | undefined;
}

/** The stored analysis and search document of a Doc (rows.ts prepareArticle): they must be that Doc's. */
export interface PreparedArticle {
  /** `toStoredAnalysis(doc)` (src/pipeline/stored-analysis.ts). */
  readonly analysis: string;
  readonly search: SearchDocument;
}

export interface StoredArticle {
  readonly id: string;
  readonly contentHash: string;
  readonly language: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly simhash: bigint | null;
  readonly duplicateOf: string | null;
  /** ISO timestamp of the save. */
  readonly addedAt: string;
  /** The public analysis JSON (src/pipeline/contract.ts), title, date and text included. */
  readonly analysis: AnalysisJson;
}

export interface StoredEntity {
  /** As first saved: later articles never rename an entity. */
  readonly entity: EntityRef;
  /** Its mentions over every stored article. */
  readonly mentions: number;
  /** The stored articles that mention it. */
  readonly articles: number;
}

export interface NearDuplicate {
  readonly articleId: string;
  /** Hamming distance between the two simhashes. */
  readonly distance: number;
  /** What the found article is itself a near duplicate of, to reach the first of a chain. */
  readonly duplicateOf: string | null;
}

export interface StoreStats {
  readonly articles: number;
  /** Articles saved with duplicateOf. */
  readonly nearDuplicates: number;
  readonly entities: number;
  readonly provisionalEntities: number;
  readonly mentions: number;
  readonly events: number;
  readonly quotes: number;
  /** The highest migration applied; 0 before migrate(). */
  readonly schemaVersion: number;
}

export interface Repository {
  /** Applies the migrations not yet applied, in order; returns their versions (none: already current). */
  migrate(): Promise<readonly number[]>;
  close(): Promise<void>;
  /** 'duplicate' when an article with the same id or content hash is stored; nothing is written then. */
  saveArticle(input: SaveArticleInput): Promise<SaveOutcome>;
  /**
   * Saves each article as saveArticle would, in order, one result each: an article that fails is
   * left out whole and the others are kept. SQLite commits the lot at once (bulk ingest: one commit
   * writes each page the articles share once, not once per article); PostgreSQL commits each.
   */
  saveArticles(inputs: readonly SaveArticleInput[]): Promise<SaveResult[]>;
  /**
   * Ends a load (an ingest run): what the store left to the end of it is done now. SQLite opened for
   * bulk writing, loading into an empty store, counts co-occurrences and builds the read paths'
   * indexes here (sqlite-bulk-load.ts); closing does it too. Saving may go on after it.
   */
  finishLoad(): Promise<void>;
  hasArticle(id: string): Promise<boolean>;
  /**
   * The nearest stored article within `maxDistance` bits (0–64), earliest saved on a tie, among
   * those sharing one of the simhash's four 16-bit bands: every one within 3 bits, and 87 % of those
   * within 6 (measured, src/ingest/dedupe/index.ts), at the cost of a lookup instead of a scan;
   * `exhaustive` compares with every stored hash.
   */
  findNearDuplicate(
    simhash: bigint,
    maxDistance: number,
    options?: { readonly exhaustive?: boolean },
  ): Promise<NearDuplicate | null>;
  getArticle(id: string): Promise<StoredArticle | null>;
  getEntity(id: string): Promise<StoredEntity | null>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Counts of every table: on PostgreSQL each is a scan, so not for a health check. */
  stats(): Promise<StoreStats>;
  /** The highest migration applied (0 before migrate()), read without touching the data. */
  schemaVersion(): Promise<number>;
  /**
   * A value that changes whenever the stored data may have changed, by this handle or any other, so
   * that a cache of reads knows when it is stale; null where the store cannot tell cheaply
   * (PostgreSQL), and a cache must expire on time instead.
   */
  dataVersion(): Promise<string | null>;

  // ---- reads for the API and UI (src/server): every list is paged and counted ----------------
  /** Stored articles, newest first (undated last, then by id). */
  listArticles(request?: ArticleListRequest): Promise<Page<ArticleSummary>>;
  /**
   * Stored entities whose Arabic or English name or id contains `query` (case-insensitive for A–Z,
   * as SQLite folds case), most mentioned first.
   */
  findEntities(request: EntityListRequest): Promise<Page<StoredEntity>>;
  /** The entity's mentions, newest article first, with the text each was written as. */
  entityMentions(id: string, page?: PageRequest): Promise<Page<EntityMention>>;
  /** Every way the entity was written, most frequent first. */
  entityVariants(id: string): Promise<readonly Variant[]>;
  /** Mentions and articles per publication day (undated articles left out), oldest first. */
  entityTimeline(id: string): Promise<readonly TimelinePoint[]>;
  /** Entities sharing articles with this one, most shared articles first (limit 1–100, default 20). */
  cooccurring(id: string, limit?: number): Promise<readonly Cooccurrence[]>;
  /** Stored events matching every filter given, newest first. */
  listEvents(request?: EventListRequest): Promise<Page<StoredEvent>>;
  /**
   * Event counts per (actor country, recipient country) pair over the events matching the filters,
   * most events first (then by the two ids).
   */
  eventDyads(filters?: EventFilters): Promise<readonly Dyad[]>;
  /** Event counts per day (the event's date, else the article's; undated left out), oldest first. */
  eventSeries(filters?: EventFilters): Promise<readonly SeriesPoint[]>;
  /**
   * Places events happened at, with coordinates where the stored entity has them, most events first
   * (then by id); a location the store holds no entity for is left out.
   */
  eventLocations(filters?: EventFilters): Promise<readonly EventLocation[]>;
}

/** Paging: limit 1–MAX_LIMIT (default DEFAULT_LIMIT, src/search/types.ts), offset ≥ 0; bad values throw RangeError. */
export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  /** All matches, not only this page. */
  readonly total: number;
  readonly items: readonly T[];
}

export interface ArticleListRequest extends PageRequest {
  readonly source?: string;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly language: string;
  readonly duplicateOf: string | null;
  readonly mentions: number;
  readonly events: number;
}

export interface EntityListRequest extends PageRequest {
  readonly query?: string;
  readonly type?: EntityType;
}

export interface EntityMention extends Span {
  readonly articleId: string;
  readonly articleTitle: string | null;
  readonly publishedAt: string | null;
  /** The mention as written. */
  readonly text: string;
  readonly via: LinkVia | null;
}

export interface Variant {
  readonly text: string;
  readonly count: number;
}

export interface TimelinePoint {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly mentions: number;
  readonly articles: number;
}

export interface Cooccurrence {
  readonly entity: EntityRef;
  /** Articles that mention both. */
  readonly articles: number;
}

export interface EventFilters {
  readonly type?: PloverType;
  /** Entity id among the actors. */
  readonly actor?: string;
  /** Entity id among the recipients. */
  readonly recipient?: string;
  /** A country id (`country:ru`) that is, or holds, an actor, a recipient or the location. */
  readonly country?: string;
  readonly articleId?: string;
  /**
   * Inclusive bounds on the event date (its own, else the article's), `YYYY-MM-DD`; an event dated
   * only to a month or a year, like an undated one, falls outside any range.
   */
  readonly from?: string;
  readonly to?: string;
}

export interface EventListRequest extends EventFilters, PageRequest {}

/** An event as stored, with its article and its arguments' entities resolved where stored. */
export interface StoredEvent extends EventRecord {
  readonly articleId: string;
  readonly articleTitle: string | null;
  readonly publishedAt: string | null;
  /** The entities the actors, recipients and location name, where the store holds them. */
  readonly entities: readonly EntityRef[];
}

export interface Dyad {
  /** Country ids; an argument with no country (an unknown group) is left out of the pairs. */
  readonly actorCountry: string;
  readonly recipientCountry: string;
  readonly events: number;
  /** Counts by PLOVER type. */
  readonly types: Readonly<Partial<Record<PloverType, number>>>;
  /** Sum of the PLOVER intensity of the events' types (src/events/export/scales.ts), negative for conflict. */
  readonly intensity: number;
}

export interface SeriesPoint {
  /** `YYYY-MM-DD`; an event dated only to a month or year is left out. */
  readonly day: string;
  readonly events: number;
  readonly types: Readonly<Partial<Record<PloverType, number>>>;
  /** Sum of the PLOVER intensity of the events' types. */
  readonly intensity: number;
}

export interface EventLocation {
  readonly entity: EntityRef;
  readonly events: number;
  readonly types: Readonly<Partial<Record<PloverType, number>>>;
}
