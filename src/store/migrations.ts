// The schema, as an ordered list of SQL steps shared by every adapter. A step, once released, is
// never edited: a change is a new step. The tables use only what SQLite and PostgreSQL both run
// (TEXT, INTEGER, DOUBLE PRECISION, CHECK, foreign keys, ON CONFLICT); a step that cannot be
// portable (the full-text index) gives one statement list per dialect. DOUBLE PRECISION rather than
// REAL because PostgreSQL's REAL is 4 bytes (coordinates would lose digits); SQLite reads it as REAL.
// Offsets are `start_pos`/`end_pos` because END is reserved in PostgreSQL.

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  /** Strictly increasing from 1; recorded in schema_migrations once applied. */
  readonly version: number;
  /** Recorded with the version, and checked on every run, so a reordered list is caught. */
  readonly name: string;
  readonly sql: string | Readonly<Record<Dialect, string>>;
}

export const SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

const CORE = `
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL CHECK (language <> ''),
  source TEXT,
  url TEXT,
  title TEXT,
  published_at TEXT CHECK (published_at IS NULL OR length(published_at) = 10),
  text TEXT NOT NULL,
  simhash TEXT CHECK (simhash IS NULL OR length(simhash) = 16),
  duplicate_of TEXT REFERENCES articles (id),
  analysis TEXT NOT NULL,
  added_at TEXT NOT NULL,
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE article_simhash_bands (
  band INTEGER NOT NULL CHECK (band BETWEEN 0 AND 3),
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 65535),
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, value, article_id)
);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('PER', 'LOC', 'ORG', 'MISC')),
  name_ar TEXT NOT NULL,
  name_en TEXT,
  kind TEXT,
  country TEXT,
  wikidata TEXT,
  geonames INTEGER,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  provisional INTEGER NOT NULL CHECK (provisional IN (0, 1))
);
CREATE INDEX entities_country ON entities (country);

CREATE TABLE article_entities (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities (id),
  mentions INTEGER NOT NULL CHECK (mentions >= 0),
  PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  start_pos INTEGER NOT NULL,
  end_pos INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('PER', 'LOC', 'ORG', 'MISC')),
  entity_id TEXT REFERENCES entities (id),
  via TEXT CHECK (via IN ('name', 'alias', 'demonym', 'metonym', 'role', 'coref')),
  PRIMARY KEY (article_id, seq),
  CHECK (start_pos >= 0 AND start_pos < end_pos),
  CHECK (entity_id IS NOT NULL OR via IS NULL)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- Event arguments are entity ids but not foreign keys: the coder may name an entity the article
-- never mentions (a city's country as the recipient), which has no row in entities.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',
    'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE',
    'ASSAULT')),
  mode TEXT,
  context TEXT NOT NULL,
  auxiliary TEXT CHECK (auxiliary IN ('future', 'negated', 'historical', 'hypothetical')),
  location_id TEXT,
  event_date TEXT,
  fatalities INTEGER CHECK (fatalities >= 0),
  injured INTEGER CHECK (injured >= 0),
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  confidence DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1)
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (type);

CREATE TABLE event_participants (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  seq INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (event_id, role, seq)
);
CREATE INDEX event_participants_entity ON event_participants (entity_id);

CREATE TABLE quotes (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  start_pos INTEGER NOT NULL,
  end_pos INTEGER NOT NULL,
  speaker_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
`;

// The search row of an article: its stems (title, body), its entity tokens and the body words'
// offsets (src/search/index-document.ts). SQLite: FTS5 over the already-normalised stems, with no
// folding of its own (remove_diacritics 0: the text layer's key decides which spellings are one,
// for index and query alike) and `_` a token character so each entity token is one token.
// PostgreSQL: the same columns and `document`, a tsvector of exactly those tokens, written by the
// adapter (src/store/postgres-tsvector.ts), not parsed by to_tsvector: its parser splits entity
// tokens at `_` (e_per_sergey_lavrov → e, per, sergey, lavrov) and its word rules follow the
// database's locale, while the tokens are ours already. Title words carry weight A, entity tokens B,
// body words C, for ranking and to keep stems and entities apart in a query.
const SEARCH_SQLITE = `
CREATE VIRTUAL TABLE search_fts USING fts5(
  article_id UNINDEXED,
  positions UNINDEXED,
  title,
  body,
  entities,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
`;

const SEARCH_POSTGRES = `
CREATE TABLE search_fts (
  article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  positions TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  entities TEXT NOT NULL,
  document tsvector NOT NULL
);
CREATE INDEX search_fts_document ON search_fts USING GIN (document);
`;

// Facets as an index beside the full-text one: for each search row (`doc`) the ids of its facet
// values, so that counting the facets of the matches reads one short run of (doc, value) keys per
// match, found from the full-text index's own row key, instead of joining every match through
// article_entities, entities and events (1.4 s at the 95th percentile over 300,000 articles).
// The values of an article: its source; the type and the country of each entity it is linked to
// (a country is its own country); the type of each of its events. Saving writes them from the
// article's rows (store/facets.ts); this step writes them for the articles stored before it, with a
// copy of that SQL as it stood (a step is never edited). `doc` is the FTS5 rowid on SQLite, which
// search_docs ties to the article (FTS5's article_id column is unindexed, and reading it reads the
// whole stored row), and a new identity column of search_fts on PostgreSQL.
const FACET_VALUES_OF_STORED_ARTICLES = `
CREATE TEMP TABLE stored_facet_values AS
WITH linked AS (
  SELECT ae.article_id, e.type,
    CASE WHEN e.kind IN ('country', 'former_country') THEN e.id ELSE e.country END AS country
  FROM article_entities ae JOIN entities e ON e.id = ae.entity_id)
SELECT id AS article_id, 'source' AS facet, source AS value FROM articles WHERE source IS NOT NULL
UNION SELECT article_id, 'entityType', type FROM linked
UNION SELECT article_id, 'country', country FROM linked WHERE country IS NOT NULL
UNION SELECT article_id, 'eventType', type FROM events;
INSERT INTO facet_values (facet, value)
  SELECT DISTINCT facet, value FROM stored_facet_values ORDER BY facet, value;`;

/** The facet rows of the stored articles, from `docs` (doc, article_id). */
const facetRowsOfStoredArticles = (docs: string) => `
INSERT INTO search_facets (doc, value_id)
  SELECT d.doc, fv.id FROM ${docs} d
  JOIN stored_facet_values v ON v.article_id = d.article_id
  JOIN facet_values fv ON fv.facet = v.facet AND fv.value = v.value
  ORDER BY d.doc, fv.id;
DROP TABLE stored_facet_values;`;

const FACET_CHECK = "CHECK (facet IN ('source', 'entityType', 'country', 'eventType'))";

// The event-type filter looks up an article's events of one type. With an index on each column
// alone, SQLite may take the type's and read every event of that type for each article it tests.
const EVENTS_BY_ARTICLE_AND_TYPE = `
DROP INDEX events_article;
CREATE INDEX events_article_type ON events (article_id, type);`;

const SEARCH_FACETS_SQLITE = `
CREATE TABLE search_docs (
  doc INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
);
INSERT INTO search_docs (doc, article_id) SELECT rowid, article_id FROM search_fts;
CREATE TABLE facet_values (
  id INTEGER PRIMARY KEY,
  facet TEXT NOT NULL ${FACET_CHECK},
  value TEXT NOT NULL,
  UNIQUE (facet, value)
);
CREATE TABLE search_facets (
  doc INTEGER NOT NULL REFERENCES search_docs (doc) ON DELETE CASCADE,
  value_id INTEGER NOT NULL REFERENCES facet_values (id),
  PRIMARY KEY (doc, value_id)
) WITHOUT ROWID;
${FACET_VALUES_OF_STORED_ARTICLES}
${facetRowsOfStoredArticles('search_docs')}
${EVENTS_BY_ARTICLE_AND_TYPE}
`;

const SEARCH_FACETS_POSTGRES = `
ALTER TABLE search_fts ADD COLUMN doc BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE;
CREATE TABLE facet_values (
  id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  facet TEXT NOT NULL ${FACET_CHECK},
  value TEXT NOT NULL,
  UNIQUE (facet, value)
);
CREATE TABLE search_facets (
  doc BIGINT NOT NULL REFERENCES search_fts (doc) ON DELETE CASCADE,
  value_id INTEGER NOT NULL REFERENCES facet_values (id),
  PRIMARY KEY (doc, value_id)
);
${FACET_VALUES_OF_STORED_ARTICLES}
${facetRowsOfStoredArticles('search_fts')}
${EVENTS_BY_ARTICLE_AND_TYPE}
`;

// The reads of the API and UI (reads-sql.ts), each made to cost what it returns rather than the size
// of the store (bench:api, README.md): indexes that hold a list in the order it is read, two values
// stored beside their rows, and three summary tables. Saving writes the stored values with their rows
// (rows.ts) and the summaries from them in the same transaction (summaries.ts); this step fills all
// of them for the rows stored before it, with a copy of that SQL as it stood (a step is never edited).
//  - The near duplicates and the curated entities are few: stats counts them from partial indexes.
//  - articles_newest: the article list's order, with the source it may be filtered by.
//  - article_entities.published_at, the article's day: an entity's articles come newest first (the
//    pages of its mentions) and per day (its timeline) from one range of article_entities_newest,
//    which also serves every lookup article_entities_entity did.
//  - mentions_entity_text: an entity's spellings counted in the index; it serves mentions_entity's
//    lookups too.
//  - events.day, the day an event is counted on (its own date, else its article's): events are read
//    newest first through events_newest, and by day, without reading their articles. Each events
//    index ends in the columns every filter tests (reads-sql.ts), so a scan reads no table row:
//    events_newest for pages and counts, events_type_day (which replaces events_type) for the series
//    per day and type, events_location for the places and the country filter.
//  - event_participants_entity_role: an argument's events, in place of event_participants_entity.
//  - entity_counts: each entity's mentions and articles (a row for every entity: saving stores an
//    entity with its article), so that entities are ranked most mentioned first from one index,
//    entity_counts_ranked, instead of by counting every entity's rows.
//  - cooccurrences: the articles each ordered pair of entities shares, so that an entity's
//    co-occurring entities are one range (the join it replaces read every article of the entity,
//    7,000 for Saudi Arabia in SaudiNewsNet, and all their entities). Only ever incremented: the
//    store deletes no article.
//  - event_dyads: each event's (actor country, recipient country) pairs, a country being an
//    argument's own id when it is one, else its entity's country.
const READ_PATHS_SHARED = `
CREATE INDEX articles_near_duplicates ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX entities_curated ON entities (id) WHERE provisional = 0;
ALTER TABLE article_entities ADD COLUMN published_at TEXT;
UPDATE article_entities SET published_at =
  (SELECT a.published_at FROM articles a WHERE a.id = article_entities.article_id);
DROP INDEX article_entities_entity;
DROP INDEX mentions_entity;
ALTER TABLE events ADD COLUMN day TEXT;
UPDATE events SET day = COALESCE(event_date,
  (SELECT a.published_at FROM articles a WHERE a.id = events.article_id));
DROP INDEX events_type;
CREATE INDEX events_type_day ON events (type, day, article_id, id);
CREATE INDEX events_location ON events (location_id, type, id, article_id, day);
DROP INDEX event_participants_entity;
CREATE INDEX event_participants_entity_role ON event_participants (entity_id, role, event_id);
INSERT INTO entity_counts (entity_id, mentions, articles)
  SELECT e.id, COALESCE(SUM(ae.mentions), 0), COUNT(ae.article_id)
  FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id GROUP BY e.id;
INSERT INTO cooccurrences (entity_id, other_id, articles)
  SELECT mine.entity_id, other.entity_id, COUNT(*)
  FROM article_entities mine
    JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
  GROUP BY mine.entity_id, other.entity_id;
WITH sides AS (
  SELECT p.event_id, p.role,
    CASE WHEN substr(p.entity_id, 1, 8) = 'country:' OR e.kind IN ('country', 'former_country')
      THEN p.entity_id ELSE e.country END AS country
  FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id)
INSERT INTO event_dyads (event_id, actor_country, recipient_country)
  SELECT DISTINCT actor.event_id, actor.country, recipient.country
  FROM sides actor JOIN sides recipient ON recipient.event_id = actor.event_id
  WHERE actor.role = 'actor' AND recipient.role = 'recipient'
    AND actor.country IS NOT NULL AND recipient.country IS NOT NULL;
`;

/** The summary tables, before READ_PATHS_SHARED fills them; `withoutRowid`: SQLite's clustered tables. */
const readPathsTables = (withoutRowid: string) => `
CREATE TABLE entity_counts (
  entity_id TEXT PRIMARY KEY REFERENCES entities (id),
  mentions INTEGER NOT NULL CHECK (mentions >= 0),
  articles INTEGER NOT NULL CHECK (articles >= 0)
)${withoutRowid};
CREATE TABLE cooccurrences (
  entity_id TEXT NOT NULL,
  other_id TEXT NOT NULL,
  articles INTEGER NOT NULL CHECK (articles > 0),
  PRIMARY KEY (entity_id, other_id)
)${withoutRowid};
CREATE TABLE event_dyads (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  actor_country TEXT NOT NULL,
  recipient_country TEXT NOT NULL,
  PRIMARY KEY (event_id, actor_country, recipient_country)
)${withoutRowid};
`;

// The ordered indexes differ: PostgreSQL puts NULL first in a descending index unless told, and
// compares ids in "C" only when the index says so (reads-sql.ts); SQLite has no INCLUDE. They are
// built last, over the filled columns.
const READ_PATHS_SQLITE = `${readPathsTables(' WITHOUT ROWID')}${READ_PATHS_SHARED}
CREATE INDEX articles_newest ON articles (published_at DESC, id, source);
CREATE INDEX article_entities_newest ON article_entities (entity_id, published_at DESC, article_id, mentions);
CREATE INDEX mentions_entity_text ON mentions (entity_id, text);
CREATE INDEX events_newest ON events (day DESC, article_id, trigger_start, id, type);
CREATE INDEX entity_counts_ranked ON entity_counts (mentions DESC, articles DESC, entity_id);
`;

const READ_PATHS_POSTGRES = `${readPathsTables('')}${READ_PATHS_SHARED}
CREATE INDEX articles_newest ON articles (published_at DESC NULLS LAST, id COLLATE "C") INCLUDE (source);
CREATE INDEX article_entities_newest
  ON article_entities (entity_id, published_at DESC NULLS LAST, article_id COLLATE "C") INCLUDE (mentions);
CREATE INDEX mentions_entity_text ON mentions (entity_id, text);
CREATE INDEX events_newest
  ON events (day DESC NULLS LAST, article_id COLLATE "C", trigger_start, id COLLATE "C") INCLUDE (type);
CREATE INDEX entity_counts_ranked ON entity_counts (mentions DESC, articles DESC, entity_id COLLATE "C");
`;

// 5. Co-occurrences are kept counted only for entities in 20 articles or more (summaries.ts,
//    COOCCURRENCE_MIN_ARTICLES); the partners of the others are counted from their articles when
//    read. The rows of the others go: derived counts, which the reads no longer use.
const BUSY_COOCCURRENCES = `
DELETE FROM cooccurrences WHERE entity_id IN (SELECT entity_id FROM entity_counts WHERE articles < 20);
`;

// 6. What a bulk load into an empty SQLite store leaves to its end (sqlite-bulk-load.ts): the pair
//    counts, the indexes only reads use. Each step is kept with its SQL, so that a load killed
//    half-way leaves it here for the next migrate. The same table on PostgreSQL, where nothing is
//    deferred yet, keeps the schemas alike.
const DEFERRED_WORK = `
CREATE TABLE deferred_work (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core tables', sql: CORE },
  { version: 2, name: 'search index', sql: { sqlite: SEARCH_SQLITE, postgres: SEARCH_POSTGRES } },
  {
    version: 3,
    name: 'search facets',
    sql: { sqlite: SEARCH_FACETS_SQLITE, postgres: SEARCH_FACETS_POSTGRES },
  },
  { version: 4, name: 'read paths', sql: { sqlite: READ_PATHS_SQLITE, postgres: READ_PATHS_POSTGRES } },
  { version: 5, name: 'co-occurrences of busy entities', sql: BUSY_COOCCURRENCES },
  { version: 6, name: 'deferred work of bulk loads', sql: DEFERRED_WORK },
];

export function migrationSql(migration: Migration, dialect: Dialect): string {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql[dialect];
}

/** The recorded steps must be steps of this list, under the same names: else the code and the database disagree. */
export function checkHistory(
  applied: readonly { version: number; name: string }[],
  migrations: readonly Migration[],
): void {
  for (const a of applied) {
    const known = migrations.find((m) => m.version === a.version);
    if (!known) throw new Error(`the database has migration ${a.version} (${a.name}), newer than this code`);
    if (known.name !== a.name)
      throw new Error(`migration ${a.version} is "${a.name}" in the database but "${known.name}" here`);
  }
}
