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

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core tables', sql: CORE },
  { version: 2, name: 'search index', sql: { sqlite: SEARCH_SQLITE, postgres: SEARCH_POSTGRES } },
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
