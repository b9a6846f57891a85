// Secondary indexes that a bulk load into an empty SQLite store builds once at its end instead of
// row by row (SqliteOptions.bulkWrite).
//
// Why: most of these indexes lead with an entity, an event type or a day, so an article's rows land
// on pages all over each index, and every commit writes every page it changed. Saving all of
// SaudiNewsNet (29,879 articles, batches of 128) wrote 11.9 GB for a database of 0.7 GB and cost
// 1.73 ms of CPU an article, a third of it in the kernel; with these indexes built at the end, 8.9 GB
// and 1.25 ms, the building included (0.03 ms an article: it reads each table once, in order).
//
// The statements that write an article never read these (a test checks their query plans), so
// saving is as correct without them; reads only get slower while they are missing. Each dropped
// index's SQL is recorded in deferred_indexes (migration 6) in the transaction that drops it, so a
// load killed half-way loses none: whoever migrates the store next builds them (restoreIndexes).

import type { Database } from 'better-sqlite3';

/** The indexes a bulk load may build at its end: only the read paths use them. */
export const DEFERRABLE_INDEXES: readonly string[] = [
  'articles_published_at',
  'articles_source',
  'articles_newest',
  'articles_near_duplicates',
  'entities_country',
  'entities_curated',
  'entity_counts_ranked',
  'mentions_entity_text',
  'events_type_day',
  'events_location',
  'events_newest',
  'quotes_speaker',
];

/** Drops the deferrable indexes the store has, recording their SQL; one transaction. */
export function deferIndexes(db: Database): void {
  const present = db.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
  );
  const record = db.prepare('INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)');
  db.transaction(() => {
    for (const name of DEFERRABLE_INDEXES) {
      const index = present.get(name);
      if (index === undefined) continue;
      record.run(name, index.sql);
      db.exec(`DROP INDEX ${name}`);
    }
  }).immediate();
}

/** Builds the indexes deferred_indexes records, and forgets them; one transaction. The number built. */
export function restoreIndexes(db: Database): number {
  const deferred = db.prepare<[], { name: string; sql: string }>('SELECT name, sql FROM deferred_indexes');
  // Read first: a store with nothing deferred, nearly always, takes no write lock.
  if (deferred.all().length === 0) return 0;
  return db
    .transaction(() => {
      const rows = deferred.all();
      for (const { sql } of rows) db.exec(sql);
      db.exec('DELETE FROM deferred_indexes');
      return rows.length;
    })
    .immediate();
}
