// The Repository on PostgreSQL (node-postgres, a Pool): the same schema and migrations as SQLite
// (dialect 'postgres', postgres-migrate.ts), the same rows (rows.ts), and parameterised statements
// only: values are always bound ($1 …), never written into SQL. An article is saved in one
// transaction on one connection; its inserts are idempotent the way SQLite's are (ON CONFLICT DO
// NOTHING on the id and the content hash: a racing save of the same article waits for the first,
// then finds it and reports 'duplicate'). The tables are the first schema of the connection's
// search_path: `?options=-c%20search_path%3Dname` in the URL picks another than `public`.

import { Pool, type PoolClient } from 'pg';
import { buildSearchDocument } from '../search/index-document.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer, type TextAnalyzer } from '../text/text-layer.ts';
import { INSERT_FACET_VALUES, INSERT_SEARCH_FACETS } from './facets.ts';
import { migratePostgres, postgresSchemaVersion } from './postgres-migrate.ts';
import { createPostgresSearch } from './postgres-search.ts';
import { inSession } from './postgres-session.ts';
import { boundValues, numbered } from './postgres-sql.ts';
import { toTsvector } from './postgres-tsvector.ts';
import { createReads } from './reads.ts';
import { READ_PARAM_TYPES, type ReadStatement, readSql } from './reads-sql.ts';
import type { Repository, SaveArticleInput, SaveOutcome, SaveResult, StoreStats } from './repository.ts';
import {
  type ArticleRecords,
  type ArticleRow,
  articleRecords,
  type EntityRow,
  entityFromRow,
  storedArticle,
} from './rows.ts';
import {
  checkMaxDistance,
  EMPTY_STATS,
  LATEST_SCHEMA,
  nearest,
  notMigrated,
  type SimhashRow,
} from './shared.ts';
import { SIMHASH_BANDS, simhashBands } from './simhash.ts';
import {
  ADD_COOCCURRENCES,
  ADD_COOCCURRENCES_REACHED,
  ADD_ENTITY_COUNTS,
  ADD_EVENT_DYADS,
  ADD_EVENT_DYADS_NAMING,
  SUMMARY_PARAM_TYPES,
} from './summaries.ts';

export interface PostgresOptions {
  /** Stems titles for the search index; the shipped lexicon's text layer by default. */
  readonly textAnalyzer?: TextAnalyzer;
  /** Connections the pool may open at once; 10 by default. */
  readonly maxConnections?: number;
}

export function openPostgresRepository(url: string, options: PostgresOptions = {}): Repository {
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection the server drops would otherwise be an unhandled 'error' event; the next
  // query opens a new one and reports any lasting failure itself.
  pool.on('error', () => undefined);
  let textLayer = options.textAnalyzer;
  const search = createPostgresSearch(pool);

  // Say what is wrong rather than "relation does not exist" from the first statement that names one.
  let migrated = false;
  const ready = async () => {
    if (migrated) return;
    const version = await postgresSchemaVersion(pool);
    if (version < LATEST_SCHEMA) throw notMigrated(version);
    migrated = true;
  };
  const rows = async <R extends object>(text: string, values: readonly unknown[] = []) => {
    await ready();
    return (await pool.query<R>(text, values as unknown[])).rows;
  };

  const saveArticle = async (input: SaveArticleInput): Promise<SaveOutcome> => {
    // Checked before building the rows (the analysis JSON, the title's stems), then again by the insert.
    if ((await rows(FIND_EXISTING, [input.doc.article.id, input.contentHash])).length > 0) return 'duplicate';
    let search = input.prepared?.search;
    if (search === undefined) {
      textLayer ??= createTextAnalyzer(loadLexicon());
      search = buildSearchDocument(input.doc, textLayer);
    }
    const records = articleRecords(input, search, new Date().toISOString());
    return inSession(pool, async (client) => {
      await client.query('BEGIN');
      const outcome = await write(client, records);
      await client.query(outcome === 'added' ? 'COMMIT' : 'ROLLBACK');
      return outcome;
    });
  };

  return {
    async migrate() {
      const applied = await migratePostgres(pool);
      migrated = true;
      return applied;
    },
    async close() {
      await pool.end();
    },
    // Every save keeps the summaries and indexes up: nothing is left to the end.
    async finishLoad() {},
    saveArticle,
    // One transaction each: concurrent workers save into the same summary rows, and a long
    // transaction would hold their locks the longer.
    async saveArticles(inputs) {
      const results: SaveResult[] = [];
      for (const input of inputs) {
        try {
          results.push({ ok: true, outcome: await saveArticle(input) });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      return results;
    },
    async hasArticle(id) {
      return (await rows('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
    },
    async findNearDuplicate(simhash, maxDistance, { exhaustive = false } = {}) {
      checkMaxDistance(maxDistance);
      const bands = simhashBands(simhash);
      const candidates = exhaustive
        ? await rows<SimhashRow>(ALL_SIMHASHES)
        : await rows<SimhashRow>(BAND_CANDIDATES, bands);
      return nearest(simhash, maxDistance, candidates);
    },
    async getArticle(id) {
      const [row] = await rows<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
      return row ? storedArticle(row) : null;
    },
    async getEntity(id) {
      const [row] = await rows<EntityRow>('SELECT * FROM entities WHERE id = $1', [id]);
      if (!row) return null;
      const [counts] = await rows<{ mentions: number; articles: number }>(ENTITY_COUNTS, [id]);
      return {
        entity: entityFromRow(row),
        mentions: counts?.mentions ?? 0,
        articles: counts?.articles ?? 0,
      };
    },
    async search(request) {
      await ready();
      return search(request);
    },
    async schemaVersion() {
      return postgresSchemaVersion(pool);
    },
    // PostgreSQL keeps no cheap counter of commits to one schema's tables.
    async dataVersion() {
      return null;
    },
    async stats(): Promise<StoreStats> {
      const schemaVersion = await postgresSchemaVersion(pool);
      if (schemaVersion === 0) return EMPTY_STATS;
      const [row] = await rows<Record<string, number>>(STATS);
      return {
        articles: row!.articles!,
        nearDuplicates: row!.near_duplicates!,
        entities: row!.entities!,
        provisionalEntities: row!.provisional_entities!,
        mentions: row!.mentions!,
        events: row!.events!,
        quotes: row!.quotes!,
        schemaVersion,
      };
    },
    ...createReads((statement, params) => {
      const numberedRead = READS[statement];
      return rows(numberedRead.text, boundValues(numberedRead, params));
    }),
  };
}

const READS = Object.fromEntries(
  Object.entries(readSql('postgres')).map(([name, sql]) => [name, numbered(sql, READ_PARAM_TYPES)]),
) as Record<ReadStatement, ReturnType<typeof numbered>>;

const FIND_EXISTING = 'SELECT id FROM articles WHERE id = $1 OR content_hash = $2 LIMIT 1';

if (SIMHASH_BANDS !== 4) throw new Error('BAND_CANDIDATES is written for four simhash bands');
const BAND_CANDIDATES = `SELECT DISTINCT a.id, a.simhash, a.duplicate_of, a.added_at
  FROM article_simhash_bands b JOIN articles a ON a.id = b.article_id
  WHERE (b.band = 0 AND b.value = $1) OR (b.band = 1 AND b.value = $2)
     OR (b.band = 2 AND b.value = $3) OR (b.band = 3 AND b.value = $4)`;
const ALL_SIMHASHES = 'SELECT id, simhash, duplicate_of, added_at FROM articles WHERE simhash IS NOT NULL';

const ENTITY_COUNTS = 'SELECT mentions, articles FROM entity_counts WHERE entity_id = $1';

// The near duplicates and the curated entities are counted from partial indexes (migration 4).
const STATS = `SELECT (SELECT COUNT(*) FROM articles)::integer AS articles,
  (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL)::integer AS near_duplicates,
  (SELECT COUNT(*) FROM entities)::integer AS entities,
  ((SELECT COUNT(*) FROM entities) - (SELECT COUNT(*) FROM entities WHERE provisional = 0))::integer
    AS provisional_entities,
  (SELECT COUNT(*) FROM mentions)::integer AS mentions,
  (SELECT COUNT(*) FROM events)::integer AS events,
  (SELECT COUNT(*) FROM quotes)::integer AS quotes`;

const ARTICLE_COLUMNS = [
  'id',
  'content_hash',
  'language',
  'source',
  'url',
  'title',
  'published_at',
  'text',
  'simhash',
  'duplicate_of',
  'analysis',
  'added_at',
] as const satisfies readonly (keyof ArticleRow)[];

// ON CONFLICT DO NOTHING covers both the id and the content hash: a racing save loses quietly.
const INSERT_ARTICLE = `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')})
  VALUES (${ARTICLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING`;

/** A table's rows inserted by one statement: one array per column, unnested into rows. */
interface BulkInsert {
  readonly text: string;
  readonly columns: readonly string[];
}

function bulkInsert(table: string, columns: Readonly<Record<string, string>>, suffix = ''): BulkInsert {
  const names = Object.keys(columns);
  const arrays = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
  return {
    text: `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays}) ${suffix}`,
    columns: names,
  };
}

const INSERTS = {
  bands: bulkInsert('article_simhash_bands', { band: 'integer', value: 'integer', article_id: 'text' }),
  // The first save of an entity names it; later articles' spellings do not rename it.
  entities: bulkInsert(
    'entities',
    {
      id: 'text',
      type: 'text',
      name_ar: 'text',
      name_en: 'text',
      kind: 'text',
      country: 'text',
      wikidata: 'text',
      geonames: 'integer',
      lat: 'double precision',
      lon: 'double precision',
      provisional: 'integer',
    },
    // The ids this save stored first: the events that named them before gain their dyads.
    'ON CONFLICT (id) DO NOTHING RETURNING id',
  ),
  articleEntities: bulkInsert('article_entities', {
    article_id: 'text',
    entity_id: 'text',
    mentions: 'integer',
    published_at: 'text',
  }),
  mentions: bulkInsert('mentions', {
    article_id: 'text',
    seq: 'integer',
    start_pos: 'integer',
    end_pos: 'integer',
    text: 'text',
    type: 'text',
    entity_id: 'text',
    via: 'text',
  }),
  events: bulkInsert('events', {
    id: 'text',
    article_id: 'text',
    type: 'text',
    mode: 'text',
    context: 'text',
    auxiliary: 'text',
    location_id: 'text',
    event_date: 'text',
    day: 'text',
    fatalities: 'integer',
    injured: 'integer',
    evidence_start: 'integer',
    evidence_end: 'integer',
    trigger_start: 'integer',
    trigger_end: 'integer',
    confidence: 'double precision',
  }),
  participants: bulkInsert('event_participants', {
    event_id: 'text',
    role: 'text',
    seq: 'integer',
    entity_id: 'text',
  }),
  quotes: bulkInsert('quotes', {
    article_id: 'text',
    seq: 'integer',
    start_pos: 'integer',
    end_pos: 'integer',
    speaker_id: 'text',
    kind: 'text',
    cue_start: 'integer',
    cue_end: 'integer',
  }),
};

const INSERT_SEARCH = `INSERT INTO search_fts (article_id, positions, title, body, entities, document)
  VALUES ($1, $2, $3, $4, $5, $6::tsvector) RETURNING doc`;
const FACET_TYPES = { article_id: 'text', doc: 'bigint' };
const INSERT_FACETS = [INSERT_FACET_VALUES, INSERT_SEARCH_FACETS].map((sql) => numbered(sql, FACET_TYPES));
const SUMMARIES = {
  entityCounts: numbered(ADD_ENTITY_COUNTS, SUMMARY_PARAM_TYPES),
  cooccurrencesReached: numbered(ADD_COOCCURRENCES_REACHED, SUMMARY_PARAM_TYPES),
  cooccurrences: numbered(ADD_COOCCURRENCES, SUMMARY_PARAM_TYPES),
  eventDyads: numbered(ADD_EVENT_DYADS, SUMMARY_PARAM_TYPES),
  eventDyadsNaming: numbered(ADD_EVENT_DYADS_NAMING, SUMMARY_PARAM_TYPES),
};

/** The rows the insert returns (RETURNING), none when there were none to insert. */
async function insertRows(
  client: PoolClient,
  insert: BulkInsert,
  rows: readonly object[],
): Promise<readonly Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const values = rows as readonly Readonly<Record<string, unknown>>[];
  const result = await client.query(
    insert.text,
    insert.columns.map((column) => values.map((row) => row[column] ?? null)),
  );
  return result.rows;
}

/** An article's rows, inside the caller's transaction; 'duplicate' when the article row was there. */
async function write(client: PoolClient, records: ArticleRecords): Promise<SaveOutcome> {
  const article = await client.query(
    INSERT_ARTICLE,
    ARTICLE_COLUMNS.map((column) => records.article[column]),
  );
  if (article.rowCount === 0) return 'duplicate';
  await insertRows(client, INSERTS.bands, records.bands);
  // In id order, so two articles saving the same new entities lock them in the same order (no deadlock).
  const newEntities = await insertRows(
    client,
    INSERTS.entities,
    [...records.entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
  await insertRows(client, INSERTS.articleEntities, records.articleEntities);
  await insertRows(client, INSERTS.mentions, records.mentions);
  await insertRows(client, INSERTS.events, records.events);
  await insertRows(client, INSERTS.participants, records.participants);
  await insertRows(client, INSERTS.quotes, records.quotes);
  // The summaries of migration 4, from the rows above (summaries.ts).
  const saved = { article_id: records.article.id };
  await client.query(SUMMARIES.entityCounts.text, boundValues(SUMMARIES.entityCounts, saved));
  await client.query(SUMMARIES.cooccurrencesReached.text, boundValues(SUMMARIES.cooccurrencesReached, saved));
  await client.query(SUMMARIES.cooccurrences.text, boundValues(SUMMARIES.cooccurrences, saved));
  await client.query(SUMMARIES.eventDyads.text, boundValues(SUMMARIES.eventDyads, saved));
  for (const { id } of newEntities)
    await client.query(
      SUMMARIES.eventDyadsNaming.text,
      boundValues(SUMMARIES.eventDyadsNaming, { entity_id: id }),
    );
  const s = records.search;
  const [search] = (
    await client.query<{ doc: string }>(INSERT_SEARCH, [
      s.article_id,
      s.positions,
      s.title,
      s.body,
      s.entities,
      toTsvector(s),
    ])
  ).rows;
  // The search row's doc is the key of its facets (migration 3).
  for (const insert of INSERT_FACETS)
    await client.query(insert.text, boundValues(insert, { article_id: s.article_id, doc: search!.doc }));
  return 'added';
}
