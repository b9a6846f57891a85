// The one store interface, with two adapters on the same schema and migrations (migrations.ts):
// SQLite (sqlite.ts), the embedded default, and PostgreSQL (postgres.ts). Async because the
// PostgreSQL client is; the SQLite adapter answers at once. Everything an article brings is written in one transaction, so a store never holds half an
// article, and saving is idempotent: the same article (by id or content hash) is stored once.

import type { Doc, EntityRef } from '../core/doc.ts';
import type { AnalysisJson } from '../pipeline/contract.ts';
import type { SearchRequest, SearchResult } from '../search/types.ts';

export type SaveOutcome = 'added' | 'duplicate';

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
  stats(): Promise<StoreStats>;
}
