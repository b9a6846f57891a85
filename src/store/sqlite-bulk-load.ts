// What a bulk load into an empty SQLite store (SqliteOptions.bulkWrite) does once at its end instead
// of article by article: count the busy entities' co-occurrences, and build the indexes only reads use.
//
// Why: both are written all over their B-trees. An article's pair counts and index entries lead with
// an entity, an event type or a day, so they land on pages all over each tree, and every commit writes
// every page it changed. Saving all of SaudiNewsNet (29,879 articles, batches of 128) wrote 11.9 GB
// for a database of 0.7 GB and cost 1.73 ms of CPU an article, a third of it in the kernel. With the
// indexes built at the end: 8.9 GB and 1.28 ms, the building included (0.03 ms an article, each table
// read once, in order). Of what was left, the pair counts wrote 4 GB and cost 0.5 ms an article.
//
// Saving is as correct without them: no statement that writes an article reads these indexes (a test
// checks their query plans), and the pair counts are read from the articles for an entity that has
// none kept yet (reads-sql.ts `cooccurring`). Reads only get slower until the load ends. What is
// deferred is recorded in deferred_work (migration 6), with the SQL that does it, in the transaction
// that defers it, so a load killed half-way loses nothing: whoever migrates the store next does it.

import type { Database } from 'better-sqlite3';
import { COUNT_COOCCURRENCES } from './summaries.ts';

/** The indexes a bulk load builds at its end: only the read paths use them. */
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

/**
 * Leaves the co-occurrence counts and the deferrable indexes to finishDeferredWork, if the store
 * has no article and nothing deferred: drops the indexes and records what is to be done, in one
 * transaction. True when it did: from then on, this handle's saves must not count co-occurrences.
 * False when another handle got there first (two loads into one empty store): that one's count at
 * its end covers this one's articles too, which go on counted as they are saved.
 */
export function deferWork(db: Database): boolean {
  const present = db.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
  );
  const busy = db.prepare('SELECT 1 FROM articles UNION ALL SELECT 1 FROM deferred_work LIMIT 1');
  const record = db.prepare('INSERT INTO deferred_work (name, sql) VALUES (?, ?)');
  return db
    .transaction(() => {
      // Asked again under the write lock: another handle may have saved or deferred since.
      if (busy.get() !== undefined) return false;
      // Counted first: the indexes are cheaper to build over the finished table.
      record.run('cooccurrences', COUNT_COOCCURRENCES);
      for (const name of DEFERRABLE_INDEXES) {
        const index = present.get(name);
        if (index === undefined) continue;
        record.run(`index ${name}`, index.sql);
        db.exec(`DROP INDEX ${name}`);
      }
      return true;
    })
    .immediate();
}

/** Does what deferred_work records, in order, and forgets it; one transaction. */
export function finishDeferredWork(db: Database): void {
  const deferred = db.prepare<[], { sql: string }>('SELECT sql FROM deferred_work ORDER BY rowid');
  // Read first: a store with nothing deferred, nearly always, takes no write lock.
  if (deferred.all().length === 0) return;
  db.transaction(() => {
    for (const { sql } of deferred.all()) db.exec(sql);
    db.exec('DELETE FROM deferred_work');
  }).immediate();
}
