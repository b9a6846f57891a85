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
import { migrateSqlite, sqliteSchemaVersion } from './sqlite-migrate.ts';
import { prepareStatements, type SqliteStatements } from './sqlite-statements.ts';

export interface SqliteOptions {
  /** Stems titles for the search index; the shipped lexicon's text layer by default. */
  readonly textAnalyzer?: TextAnalyzer;
  /**
   * Map the database file into memory for reads (default true): searches read the full-text index
   * without copying it. A bulk writer (ingest) turns it off: every page it touches would stay
   * resident, and its memory would grow with the file (measured: 478 MiB of the peak of an ingest
   * of 8,000 articles).
   */
  readonly mmap?: boolean;
}

export function openSqliteRepository(path: string, options: SqliteOptions = {}): Repository {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A search reads many pages of the full-text index: mapped, a page is read without a copy (up to
  // this build's limit, 2 GiB), and a larger cache than the default 16 MiB keeps a warm index.
  db.pragma(`mmap_size = ${options.mmap === false ? 0 : 2147418112}`);
  db.pragma('cache_size = -65536');
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
  /** Writes an article's rows; runs inside `save`'s transaction. */
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
    s.addCooccurrencesReached.run({ article_id });
    s.addCooccurrences.run({ article_id });
    s.addEventDyads.run({ article_id });
    for (const entity_id of newEntities) s.addEventDyadsNaming.run({ entity_id });
    // The search row's FTS5 rowid is the key of its facets (migration 3).
    const doc = s.insertSearch.run(records.search).lastInsertRowid;
    s.insertSearchDoc.run({ doc, article_id });
    s.insertFacetValues.run({ article_id });
    s.insertSearchFacets.run({ doc, article_id });
    return 'added';
  };
  const save = db.transaction((input: SaveArticleInput): SaveOutcome => {
    // Checked before building the rows (the analysis JSON, the title's stems), then again by the insert.
    if (st().findExisting.get(input.doc.article.id, input.contentHash)) return 'duplicate';
    let search = input.prepared?.search;
    if (search === undefined) {
      textLayer ??= createTextAnalyzer(loadLexicon());
      search = buildSearchDocument(input.doc, textLayer);
    }
    return write(articleRecords(input, search, new Date().toISOString()));
  });
  // Each save inside runs in a savepoint of its own (better-sqlite3 nests transactions so): one that
  // throws is rolled back alone, and the commit at the end writes the others.
  const saveAll = db.transaction((inputs: readonly SaveArticleInput[]): SaveResult[] =>
    inputs.map((input) => {
      try {
        return { ok: true, outcome: save(input) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  return {
    async migrate() {
      const applied = migrateSqlite(db);
      if (applied.length > 0) ownCommits++;
      statements = undefined;
      return applied;
    },
    async close() {
      db.close();
    },
    async saveArticle(input) {
      const outcome = save.immediate(input);
      if (outcome === 'added') ownCommits++;
      return outcome;
    },
    async saveArticles(inputs) {
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
