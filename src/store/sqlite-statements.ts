// Every statement the SQLite adapter runs except search's (sqlite-search.ts), prepared once from
// constant SQL: values are always bound. Inserts take the rows of rows.ts, whose keys are the
// column names, as named parameters; the reads (reads-sql.ts) take their `@name` values as they are.

import type { Database } from 'better-sqlite3';
import { INSERT_FACET_VALUES, INSERT_SEARCH_FACETS } from './facets.ts';
import { type ReadStatement, readSql } from './reads-sql.ts';
import type { ArticleRow, EntityRow } from './rows.ts';
import type { SimhashRow } from './shared.ts';
import { SIMHASH_BANDS } from './simhash.ts';
import { createSqliteSearch } from './sqlite-search.ts';
import {
  ADD_COOCCURRENCES,
  ADD_COOCCURRENCES_REACHED,
  ADD_ENTITY_COUNTS,
  ADD_EVENT_DYADS,
  ADD_EVENT_DYADS_NAMING,
} from './summaries.ts';

/**
 * @internal The statements are the adapter's own business; and better-sqlite3's statement type
 * cannot be named in a declaration file, so these two stay out of dist's .d.ts (stripInternal).
 */
export type SqliteStatements = ReturnType<typeof prepareStatements>;

/** @internal */
export function prepareStatements(db: Database) {
  if (SIMHASH_BANDS !== 4) throw new Error('bandCandidates is written for four simhash bands');
  return {
    findExisting: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM articles WHERE id = ? OR content_hash = ?',
    ),
    hasArticle: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ?'),
    anyArticle: db.prepare<[], { one: number }>('SELECT 1 AS one FROM articles LIMIT 1'),
    insertArticle: db.prepare<[ArticleRow]>(
      `INSERT INTO articles (id, content_hash, language, source, url, title, published_at, text, simhash,
         duplicate_of, analysis, added_at)
       VALUES (@id, @content_hash, @language, @source, @url, @title, @published_at, @text, @simhash,
         @duplicate_of, @analysis, @added_at)
       ON CONFLICT DO NOTHING`,
    ),
    insertBand: db.prepare(
      'INSERT INTO article_simhash_bands (band, value, article_id) VALUES (@band, @value, @article_id)',
    ),
    // The first save of an entity names it; later articles' spellings do not rename it.
    insertEntity: db.prepare<[EntityRow]>(
      `INSERT INTO entities (id, type, name_ar, name_en, kind, country, wikidata, geonames, lat, lon, provisional)
       VALUES (@id, @type, @name_ar, @name_en, @kind, @country, @wikidata, @geonames, @lat, @lon, @provisional)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertArticleEntity: db.prepare(
      `INSERT INTO article_entities (article_id, entity_id, mentions, published_at)
       VALUES (@article_id, @entity_id, @mentions, @published_at)`,
    ),
    insertMention: db.prepare(
      `INSERT INTO mentions (article_id, seq, start_pos, end_pos, text, type, entity_id, via)
       VALUES (@article_id, @seq, @start_pos, @end_pos, @text, @type, @entity_id, @via)`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (id, article_id, type, mode, context, auxiliary, location_id, event_date, day,
         fatalities, injured, evidence_start, evidence_end, trigger_start, trigger_end, confidence)
       VALUES (@id, @article_id, @type, @mode, @context, @auxiliary, @location_id, @event_date, @day,
         @fatalities, @injured, @evidence_start, @evidence_end, @trigger_start, @trigger_end, @confidence)`,
    ),
    insertParticipant: db.prepare(
      'INSERT INTO event_participants (event_id, role, seq, entity_id) VALUES (@event_id, @role, @seq, @entity_id)',
    ),
    insertQuote: db.prepare(
      `INSERT INTO quotes (article_id, seq, start_pos, end_pos, speaker_id, kind, cue_start, cue_end)
       VALUES (@article_id, @seq, @start_pos, @end_pos, @speaker_id, @kind, @cue_start, @cue_end)`,
    ),
    insertSearch: db.prepare(
      `INSERT INTO search_fts (article_id, positions, title, body, entities)
       VALUES (@article_id, @positions, @title, @body, @entities)`,
    ),
    insertSearchDoc: db.prepare<{ doc: number | bigint; article_id: string }>(
      'INSERT INTO search_docs (doc, article_id) VALUES (@doc, @article_id)',
    ),
    addEntityCounts: db.prepare<{ article_id: string }>(ADD_ENTITY_COUNTS),
    addCooccurrences: db.prepare<{ article_id: string }>(ADD_COOCCURRENCES),
    addCooccurrencesReached: db.prepare<{ article_id: string }>(ADD_COOCCURRENCES_REACHED),
    addEventDyads: db.prepare<{ article_id: string }>(ADD_EVENT_DYADS),
    addEventDyadsNaming: db.prepare<{ entity_id: string }>(ADD_EVENT_DYADS_NAMING),
    insertFacetValues: db.prepare<{ article_id: string }>(INSERT_FACET_VALUES),
    insertSearchFacets: db.prepare<{ doc: number | bigint; article_id: string }>(INSERT_SEARCH_FACETS),
    bandCandidates: db.prepare<{ b0: number; b1: number; b2: number; b3: number }, SimhashRow>(
      `SELECT DISTINCT a.id, a.simhash, a.duplicate_of, a.added_at
       FROM article_simhash_bands b JOIN articles a ON a.id = b.article_id
       WHERE (b.band = 0 AND b.value = @b0) OR (b.band = 1 AND b.value = @b1)
          OR (b.band = 2 AND b.value = @b2) OR (b.band = 3 AND b.value = @b3)`,
    ),
    allSimhashes: db.prepare<[], SimhashRow>(
      'SELECT id, simhash, duplicate_of, added_at FROM articles WHERE simhash IS NOT NULL',
    ),
    getArticle: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
    getEntity: db.prepare<[string], EntityRow>('SELECT * FROM entities WHERE id = ?'),
    entityCounts: db.prepare<[string], { mentions: number; articles: number }>(
      'SELECT mentions, articles FROM entity_counts WHERE entity_id = ?',
    ),
    stats: db.prepare<
      [],
      {
        articles: number;
        near_duplicates: number;
        entities: number;
        provisional_entities: number;
        mentions: number;
        events: number;
        quotes: number;
      }
    >(
      // SQLite counts a whole table from its smallest index's pages, reading no row; the other counts
      // read partial indexes (migration 4) of the few rows they count: curated entities, not provisional.
      `SELECT (SELECT COUNT(*) FROM articles) AS articles,
         (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS near_duplicates,
         (SELECT COUNT(*) FROM entities) AS entities,
         (SELECT COUNT(*) FROM entities) - (SELECT COUNT(*) FROM entities WHERE provisional = 0)
           AS provisional_entities,
         (SELECT COUNT(*) FROM mentions) AS mentions,
         (SELECT COUNT(*) FROM events) AS events,
         (SELECT COUNT(*) FROM quotes) AS quotes`,
    ),
    search: createSqliteSearch(db),
    reads: prepareReads(db),
  };
}

function prepareReads(db: Database) {
  const sql = readSql('sqlite');
  const statements = {} as Record<ReadStatement, ReturnType<Database['prepare']>>;
  for (const name of Object.keys(sql) as ReadStatement[]) statements[name] = db.prepare(sql[name]);
  return statements;
}
