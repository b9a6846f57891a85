// The Repository on SQLite (better-sqlite3): one database file (`:memory:` for tests), WAL so
// readers do not wait for the writer, foreign keys on (SQLite leaves them off by default), and
// prepared statements only: values are always bound, never written into SQL. Statements are
// prepared on first use, after migrate() has made the tables they name.

import Database from 'better-sqlite3';
import { buildSearchDocument } from '../search/index-document.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer, type TextAnalyzer } from '../text/text-layer.ts';
import { createReads } from './reads.ts';
import type { Repository, SaveArticleInput, SaveOutcome, SaveResult } from './repository.ts';
import { type ArticleRecords, articleRecords, entityFromRow, storedArticle } from './rows.ts';
import { checkMaxDistance, EMPTY_STATS, LATEST_SCHEMA, nearest, notMigrated } from './shared.ts';
import { simhashBands } from './simhash.ts';
import { deferWork, finishDeferredWork } from './sqlite-bulk-load.ts';
import { migrateSqlite, sqliteSchemaVersion } from './sqlite-migrate.ts';
import { prepareStatements, type SqliteStatements } from './sqlite-statements.ts';

export interface SqliteOptions {
  /** Stems titles for the search index; the shipped lexicon's text layer by default. */
  readonly textAnalyzer?: TextAnalyzer;
  /**
   * Opened to write many articles (ingest), which SQLite is then set for, at no cost to what is
   * stored or to its safety:
   * - the file is not mapped into memory (searches map it: a mapped page is read without a copy).
   *   Every page a bulk writer touches would stay resident, and its memory would grow with the file
   *   (measured: 478 MiB of the peak of an ingest of 8,000 articles);
   * - temporary files are kept in memory. Each article is saved in a savepoint, and the pages it
   *   changes are copied to a journal of that savepoint first, which in a file cost a system call
   *   per page: a third of the writer's CPU time, measured. Such a journal holds what one article
   *   changes and is emptied when its savepoint ends; migrations, which may change whole tables,
   *   still journal to files;
   * - the write-ahead log is copied back into the database (a checkpoint) every 64 MiB instead of
   *   every 4: a page that every batch changes (a busy entity's counts) is copied once, not 16 times;
   * - the page cache is half a search's (BULK_WRITE_CACHE_KIB);
   * - into a store with no article yet, the busy entities' co-occurrences are counted and the
   *   indexes only reads use are built when the load ends (finishLoad, or close), not kept up
   *   article by article (sqlite-bulk-load.ts).
   * `npm run bench:save` (4,000 analysed SaudiNewsNet articles in batches of 128, into an empty
   * store): 0.82 against 1.38 ms of CPU an article opened without it; 1.07 against 1.37 before the
   * first load's work was deferred, of which gain about three quarters was the journals'. The
   * deferred work counts for more the larger the load: on all of SaudiNewsNet 1.73 → 1.05 ms.
   */
  readonly bulkWrite?: boolean;
}

/** The page cache of a store, in KiB: a search's full-text pages stay warm. */
const CACHE_KIB = 65_536;
/**
 * The page cache of a store opened for bulk writing, in KiB: a commit writes the pages it changed
 * whatever the cache holds. Half the size writes as fast (bench:save, 3,900 articles, two runs
 * each: 1.08 and 1.07 ms of CPU an article, against 1.06 and 1.13 at 64 MiB) and leaves the
 * ingest's memory to the workers' heaps (pool.ts HEAP_GROWING_PERCENT).
 */
const BULK_WRITE_CACHE_KIB = 32_768;

export function openSqliteRepository(path: string, options: SqliteOptions = {}): Repository {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A search reads many pages of the full-text index: mapped, a page is read without a copy (up to
  // this build's limit, 2 GiB), and a larger cache than the default 16 MiB keeps a warm index.
  db.pragma(`mmap_size = ${options.bulkWrite ? 0 : 2147418112}`);
  db.pragma(`cache_size = -${options.bulkWrite ? BULK_WRITE_CACHE_KIB : CACHE_KIB}`);
  const tempStore = options.bulkWrite ? 'MEMORY' : 'DEFAULT';
  db.pragma(`temp_store = ${tempStore}`);
  // In pages, of 4 KiB unless the file says otherwise.
  if (options.bulkWrite) db.pragma('wal_autocheckpoint = 16384');
  let textLayer = options.textAnalyzer;
  let statements: SqliteStatements | undefined;
  const st = () => {
    if (statements === undefined) {
      // Say what is wrong rather than "no such table" from the first statement that names one.
      const version = sqliteSchemaVersion(db);
      if (version < LATEST_SCHEMA) throw notMigrated(version);
      statements = prepareStatements(db);
    }
    return statements;
  };

  // PRAGMA data_version changes with every other connection's commit, not this one's: these are
  // counted here (dataVersion).
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let ownCommits = 0;
  // A bulk load into an empty store counts co-occurrences and builds the read paths' indexes when it
  // ends (finishLoad, or close: sqlite-bulk-load.ts); into a store with articles, they are kept up
  // article by article.
  let firstSave = options.bulkWrite === true;
  let deferred = false;
  const beforeFirstSave = () => {
    if (!firstSave) return;
    firstSave = false;
    // Asked first without the write lock: most loads go into a store that has articles.
    if (st().anyArticle.get() !== undefined) return;
    deferred = deferWork(db);
  };
  const endLoad = () => {
    if (!deferred) return;
    finishDeferredWork(db);
    deferred = false;
  };

  /** Writes an article's rows but its search rows (writeSearch); runs inside a transaction. */
  const write = (records: ArticleRecords): SaveOutcome => {
    const s = st();
    // ON CONFLICT DO NOTHING covers both the id and the content hash: a racing save loses quietly.
    if (s.insertArticle.run(records.article).changes === 0) return 'duplicate';
    for (const row of records.bands) s.insertBand.run(row);
    const newEntities: string[] = [];
    for (const row of records.entities) if (s.insertEntity.run(row).changes > 0) newEntities.push(row.id);
    for (const row of records.articleEntities) s.insertArticleEntity.run(row);
    for (const row of records.mentions) s.insertMention.run(row);
    for (const row of records.events) s.insertEvent.run(row);
    for (const row of records.participants) s.insertParticipant.run(row);
    for (const row of records.quotes) s.insertQuote.run(row);
    // The summaries of migration 4, from the rows above (summaries.ts).
    const article_id = records.article.id;
    s.addEntityCounts.run({ article_id });
    if (!deferred) {
      s.addCooccurrencesReached.run({ article_id });
      s.addCooccurrences.run({ article_id });
    }
    s.addEventDyads.run({ article_id });
    for (const entity_id of newEntities) s.addEventDyadsNaming.run({ entity_id });
    return 'added';
  };
  /**
   * The search rows of articles whose other rows `write` has added: the full-text rows of all of
   * them first, then each one's facets, keyed by its FTS5 rowid (migration 3). FTS5 writes the rows
   * it holds out as an index segment of their own at every savepoint, and at every statement that
   * opens a statement journal, as the facet inserts do: rows written between such statements cost
   * a segment each, and their merges; written together, the batch's rows make one.
   */
  const writeSearch = (added: readonly ArticleRecords[]) => {
    const s = st();
    const docs = added.map((records) => s.insertSearch.run(records.search).lastInsertRowid);
    added.forEach((records, i) => {
      const doc = docs[i]!;
      const article_id = records.article.id;
      s.insertSearchDoc.run({ doc, article_id });
      s.insertFacetValues.run({ article_id });
      s.insertSearchFacets.run({ doc, article_id });
    });
  };
  /** Writes an article's rows but its search rows, with the records the search rows are written from. */
  const saveRows = (input: SaveArticleInput): { outcome: SaveOutcome; records?: ArticleRecords } => {
    // Checked before building the rows (the analysis JSON, the title's stems), then again by the insert.
    if (st().findExisting.get(input.doc.article.id, input.contentHash)) return { outcome: 'duplicate' };
    let search = input.prepared?.search;
    if (search === undefined) {
      textLayer ??= createTextAnalyzer(loadLexicon());
      search = buildSearchDocument(input.doc, textLayer);
    }
    const records = articleRecords(input, search, new Date().toISOString());
    const outcome = write(records);
    return outcome === 'added' ? { outcome, records } : { outcome };
  };
  const saveArticleRows = db.transaction(saveRows);
  const save = db.transaction((input: SaveArticleInput): SaveOutcome => {
    const { outcome, records } = saveRows(input);
    if (records) writeSearch([records]);
    return outcome;
  });
  // Each article's rows go in a savepoint of their own (better-sqlite3 nests transactions so): one
  // that throws is rolled back alone, and the commit at the end writes the others. The search rows
  // of those added follow, together (writeSearch): they are built from rows already checked, so what
  // could fail there (a full disk) fails the batch, as a failed commit would.
  const saveAll = db.transaction((inputs: readonly SaveArticleInput[]): SaveResult[] => {
    const added: ArticleRecords[] = [];
    const results = inputs.map((input): SaveResult => {
      try {
        const { outcome, records } = saveArticleRows(input);
        if (records) added.push(records);
        return { ok: true, outcome };
      } catch (error) {
        return { ok: false, error };
      }
    });
    writeSearch(added);
    return results;
  });

  return {
    async migrate() {
      // A migration may change whole tables: its journals go to files, whatever bulkWrite says.
      db.pragma('temp_store = DEFAULT');
      let applied: readonly number[];
      try {
        applied = migrateSqlite(db);
      } finally {
        db.pragma(`temp_store = ${tempStore}`);
      }
      // What a bulk load killed half-way left undone.
      finishDeferredWork(db);
      if (applied.length > 0) ownCommits++;
      statements = undefined;
      return applied;
    },
    async close() {
      endLoad();
      db.close();
    },
    async finishLoad() {
      endLoad();
    },
    async saveArticle(input) {
      beforeFirstSave();
      const outcome = save.immediate(input);
      if (outcome === 'added') ownCommits++;
      return outcome;
    },
    async saveArticles(inputs) {
      beforeFirstSave();
      const results = saveAll.immediate(inputs);
      if (results.some((r) => r.ok && r.outcome === 'added')) ownCommits++;
      return results;
    },
    async hasArticle(id) {
      return st().hasArticle.get(id) !== undefined;
    },
    async findNearDuplicate(simhash, maxDistance, { exhaustive = false } = {}) {
      checkMaxDistance(maxDistance);
      const s = st();
      const bands = simhashBands(simhash);
      const candidates = exhaustive
        ? s.allSimhashes.all()
        : s.bandCandidates.all({ b0: bands[0]!, b1: bands[1]!, b2: bands[2]!, b3: bands[3]! });
      return nearest(simhash, maxDistance, candidates);
    },
    async getArticle(id) {
      const row = st().getArticle.get(id);
      return row ? storedArticle(row) : null;
    },
    async getEntity(id) {
      const s = st();
      const row = s.getEntity.get(id);
      if (!row) return null;
      const counts = s.entityCounts.get(id) ?? { mentions: 0, articles: 0 };
      return { entity: entityFromRow(row), mentions: counts.mentions, articles: counts.articles };
    },
    async search(request) {
      return st().search(request);
    },
    async schemaVersion() {
      return sqliteSchemaVersion(db);
    },
    async dataVersion() {
      return `${dataVersion.get()}.${ownCommits}`;
    },
    async stats() {
      const schemaVersion = sqliteSchemaVersion(db);
      if (schemaVersion === 0) return EMPTY_STATS;
      const row = st().stats.get()!;
      return {
        articles: row.articles,
        nearDuplicates: row.near_duplicates,
        entities: row.entities,
        provisionalEntities: row.provisional_entities,
        mentions: row.mentions,
        events: row.events,
        quotes: row.quotes,
        schemaVersion,
      };
    },
    ...createReads(async (statement, params) => st().reads[statement].all(params) as object[]),
  };
}
