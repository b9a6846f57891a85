// The SQL of the store's reads for the API and UI (reads.ts), written once for both databases. Values
// are named `@name` and always bound: SQLite binds the names as they are, PostgreSQL numbers them
// (postgres-sql.ts, with READ_PARAM_TYPES). A filter left out is NULL and its test passes. Counts are
// CAST to INTEGER because PostgreSQL's COUNT and SUM are bigints, which its client reads as strings.
//
// Every list has a total order, ids last, so both databases return the same rows in the same order
// and pages never overlap. Ids and written text are compared in byte order (SQLite's BINARY, and
// PostgreSQL's "C": its default collation follows the database's locale, which may ignore
// punctuation, so `country:ru` could sort apart from SQLite). Dates need no collation: they are
// digits and hyphens in fixed places, which every collation orders alike.
//
// Each list is read in the order of an index of migration 4 and cut there (LIMIT before any join),
// and each count and aggregate reads an index or a summary table of that step, so a read costs what
// it returns, not the size of the store (measured in README.md, bench:api). NULLS LAST is spelled
// out because the databases differ: SQLite puts NULL last in a descending order, PostgreSQL first.

import type { Dialect } from './migrations.ts';
import type { EntityRow } from './rows.ts';
import { OTHERS_IN_ARTICLE } from './summaries.ts';

/** The type PostgreSQL must be told for each named value (it cannot infer one from `@x IS NULL`). */
export const READ_PARAM_TYPES: Readonly<Record<string, 'text' | 'integer'>> = {
  id: 'text',
  source: 'text',
  pattern: 'text',
  entityType: 'text',
  type: 'text',
  actor: 'text',
  recipient: 'text',
  country: 'text',
  articleId: 'text',
  from: 'text',
  to: 'text',
  limit: 'integer',
  offset: 'integer',
};

const BYTE_ORDER: Readonly<Record<Dialect, string>> = { sqlite: 'BINARY', postgres: '"C"' };

export const ENTITY_COLUMNS = [
  'id',
  'type',
  'name_ar',
  'name_en',
  'kind',
  'country',
  'wikidata',
  'geonames',
  'lat',
  'lon',
  'provisional',
] as const satisfies readonly (keyof EntityRow)[];

/** An entity's columns as `e_<column>`, for rows that also carry another table's columns of the same names. */
export const ENTITY_PREFIX = 'e_';
const PREFIXED_ENTITY = ENTITY_COLUMNS.map((c) => `e.${c} AS ${ENTITY_PREFIX}${c}`).join(', ');

// Case-insensitive as SQLite's lower() is: ASCII letters only, which English names are written in.
// The pattern comes escaped (`\` before `%`, `_` and `\`) and lowered from reads.ts. SQLite's LIKE
// folds ASCII case itself, so only PostgreSQL's columns are lowered: every entity is read, and
// lowering each name costs SQLite a third of the scan.
const FOLD_CASE: Readonly<Record<Dialect, (column: string) => string>> = {
  sqlite: (column) => column,
  postgres: (column) => `lower(${column})`,
};
const entityFilters = (dialect: Dialect) => {
  const fold = FOLD_CASE[dialect];
  return `
  (@pattern IS NULL OR ${fold('e.name_ar')} LIKE @pattern ESCAPE '\\'
    OR ${fold("COALESCE(e.name_en, '')")} LIKE @pattern ESCAPE '\\' OR ${fold('e.id')} LIKE @pattern ESCAPE '\\')
  AND (@entityType IS NULL OR e.type = @entityType)`;
};

// ---- events ------------------------------------------------------------------------------------

// `ev.day` is the day an event is counted on: its own date, else its article's (`YYYY`, `YYYY-MM` or
// `YYYY-MM-DD`), stored with the event (migration 4). A date range keeps only events dated to the
// day: one dated to a month or a year cannot be said to fall inside or outside it, and is left out
// as an undated one is. Written as a pattern rather than a length because PostgreSQL estimates a
// pattern from its statistics (nine events in ten here) and a length not at all (one in two
// hundred), and plans the series per day for a few rows: a sort that spills to disk, twice as slow.
const FULL_DAY = "ev.day LIKE '____-__-__'";

// The country is the argument or location itself (`country:ru`), or the country the store gives an
// argument or location entity (Lavrov, Moscow); an argument with no entity row can only match by its
// own id. As a set of ids: the country and the stored entities in it.
const IN_COUNTRY = 'SELECT @country UNION ALL SELECT ce.id FROM entities ce WHERE ce.country = @country';

/** Each filter of EventFilters, as a test of one event `ev` that passes when the value is NULL. */
type EventFilter = 'type' | 'articleId' | 'from' | 'to' | 'actor' | 'recipient' | 'country';

/** The events an argument filter picks, through event_participants' and events' indexes. */
const FILTER_EVENTS = {
  actor: "SELECT ap.event_id FROM event_participants ap WHERE ap.entity_id = @actor AND ap.role = 'actor'",
  recipient:
    "SELECT rp.event_id FROM event_participants rp WHERE rp.entity_id = @recipient AND rp.role = 'recipient'",
  country: `SELECT cl.id FROM events cl WHERE cl.location_id IN (${IN_COUNTRY})
    UNION SELECT cp.event_id FROM event_participants cp WHERE cp.entity_id IN (${IN_COUNTRY})`,
} as const;

const EVENT_TESTS: Readonly<Record<EventFilter, string>> = {
  type: '(@type IS NULL OR ev.type = @type)',
  articleId: '(@articleId IS NULL OR ev.article_id = @articleId)',
  from: `(@from IS NULL OR (${FULL_DAY} AND ev.day >= @from))`,
  to: `(@to IS NULL OR (${FULL_DAY} AND ev.day <= @to))`,
  actor: `(@actor IS NULL OR ev.id IN (${FILTER_EVENTS.actor}))`,
  recipient: `(@recipient IS NULL OR ev.id IN (${FILTER_EVENTS.recipient}))`,
  country: `(@country IS NULL OR ev.id IN (${FILTER_EVENTS.country}))`,
};

/**
 * The filter whose index finds the matching events first; the other filters are then tested on each
 * event found. One statement per driver, because SQLite plans a statement once, for any values: a
 * test written `(@x IS NULL OR …)` can never be the one its plan starts from. reads.ts takes the
 * first filter given in this order (the fewest events first), else `all`: every event, in the order
 * of events_newest.
 */
export const EVENT_DRIVERS = ['articleId', 'actor', 'recipient', 'country', 'all'] as const;
export type EventDriver = (typeof EVENT_DRIVERS)[number];

const DRIVES: Readonly<Record<Exclude<EventDriver, 'all'>, string>> = {
  articleId: 'ev.article_id = @articleId',
  actor: `ev.id IN (${FILTER_EVENTS.actor})`,
  recipient: `ev.id IN (${FILTER_EVENTS.recipient})`,
  country: `ev.id IN (${FILTER_EVENTS.country})`,
};

/** How many events a driver finds when no other filter is given: counted without reading them. */
const COUNTS_ALONE: Readonly<Record<EventDriver, string>> = {
  articleId: 'SELECT COUNT(*) FROM events WHERE article_id = @articleId',
  actor:
    "SELECT COUNT(DISTINCT event_id) FROM event_participants WHERE entity_id = @actor AND role = 'actor'",
  recipient:
    "SELECT COUNT(DISTINCT event_id) FROM event_participants WHERE entity_id = @recipient AND role = 'recipient'",
  country: `SELECT COUNT(*) FROM (${FILTER_EVENTS.country}) c`,
  all: 'SELECT COUNT(*) FROM events',
};

/** The filters but `driver`'s own. */
const othersThan = (driver: EventDriver) =>
  (Object.keys(EVENT_TESTS) as EventFilter[]).filter((filter) => filter !== driver);

/** The WHERE condition on `ev` of the events matching every filter, found through `driver`. */
function eventsMatching(driver: EventDriver): string {
  const tests = othersThan(driver).map((filter) => EVENT_TESTS[filter]);
  return (driver === 'all' ? tests : [DRIVES[driver], ...tests]).join('\n    AND ');
}

/**
 * The event statements of one driver. A page is cut while walking events_newest and testing each
 * event (`walked`): a common filter fills it after a few hundred events, a rare one after at most
 * every event, each a lookup in its filter's set of ids; finding the matches first would sort all of
 * them (4,700 for Saudi Arabia in SaudiNewsNet). Only an article's few events are found first.
 */
function eventSql(bytes: string, driver: EventDriver) {
  const where = eventsMatching(driver);
  const walked = driver === 'articleId' ? where : eventsMatching('all');
  const newestFirst = (t: string) =>
    `${t}.day DESC NULLS LAST, ${t}.article_id COLLATE ${bytes}, ${t}.trigger_start, ${t}.id COLLATE ${bytes}`;
  return {
    // Only the branch taken is run, in both databases.
    eventCount: `SELECT CAST(CASE
        WHEN ${othersThan(driver)
          .map((filter) => `@${filter} IS NULL`)
          .join(' AND ')} THEN (${COUNTS_ALONE[driver]})
        ELSE (SELECT COUNT(*) FROM events ev WHERE ${where}) END AS INTEGER) AS n`,
    // The page's events, cut first, each then with one row per argument (actors and recipients in
    // seq order, then the location) and the argument's stored entity, if any: one statement for the
    // whole page. The order is numbered once, over the cut's own columns (numbered over the events',
    // SQLite would read every event in events_newest's order to spare sorting twenty), and the rows
    // follow it.
    eventPage: `WITH cut AS MATERIALIZED (
        SELECT ev.id, ev.day, ev.article_id, ev.trigger_start FROM events ev WHERE ${walked}
        ORDER BY ${newestFirst('ev')} LIMIT @limit OFFSET @offset),
      page AS MATERIALIZED (
        SELECT ev.*, a.title AS article_title, a.published_at,
          ROW_NUMBER() OVER (ORDER BY ${newestFirst('cut')}) AS position
        FROM cut JOIN events ev ON ev.id = cut.id JOIN articles a ON a.id = ev.article_id),
      args AS (
        SELECT p.event_id, p.role, p.seq, p.entity_id FROM event_participants p
        WHERE p.event_id IN (SELECT id FROM page)
        UNION ALL
        SELECT id, 'location', 0, location_id FROM page WHERE location_id IS NOT NULL)
      SELECT page.*, args.role AS arg_role, args.entity_id AS arg_entity, ${PREFIXED_ENTITY}
      FROM page
        LEFT JOIN args ON args.event_id = page.id
        LEFT JOIN entities e ON e.id = args.entity_id
      ORDER BY page.position, args.role, args.seq`,

    // Per (actor country, recipient country, type), the events with at least one such pair, from the
    // pairs each event has (event_dyads, migration 4: an event whose two actors are both Russian has
    // Russia's pairs once).
    dyads: `SELECT d.actor_country, d.recipient_country, ev.type, CAST(COUNT(*) AS INTEGER) AS n
      FROM event_dyads d JOIN events ev ON ev.id = d.event_id
      WHERE ${where}
      GROUP BY d.actor_country, d.recipient_country, ev.type`,

    series: `SELECT ev.day, ev.type, CAST(COUNT(*) AS INTEGER) AS n
      FROM events ev WHERE ${where} AND ${FULL_DAY}
      GROUP BY ev.day, ev.type`,

    // Counted per place first, then joined to the places' entities: a location the store holds no
    // entity for has no name or place to show, and is left out.
    locations: `WITH counted AS (
        SELECT ev.location_id, ev.type, CAST(COUNT(*) AS INTEGER) AS n
        FROM events ev WHERE ${where} AND ev.location_id IS NOT NULL
        GROUP BY ev.location_id, ev.type)
      SELECT e.*, counted.type AS event_type, counted.n
      FROM counted JOIN entities e ON e.id = counted.location_id`,
  };
}

export type EventRead = keyof ReturnType<typeof eventSql>;

// ---- all reads ---------------------------------------------------------------------------------

/** Every read statement but the events', for one database. */
function plainSql(dialect: Dialect) {
  const bytes = BYTE_ORDER[dialect];
  const entityMatches = entityFilters(dialect);
  // An entity's articles newest first, in the order of article_entities_newest.
  const newestArticleFirst = `published_at DESC NULLS LAST, article_id COLLATE ${bytes}`;
  return {
    // Each case its own count, so that each uses its index (as eventCount's).
    articleCount: `SELECT CAST(CASE WHEN @source IS NULL THEN (SELECT COUNT(*) FROM articles)
        ELSE (SELECT COUNT(*) FROM articles a WHERE a.source = @source) END AS INTEGER) AS n`,
    // The page cut in articles_newest's order first; the counts then only for its articles. The
    // page is ordered again by its own columns: by the articles', SQLite would walk every article in
    // articles_newest's order rather than sort twenty.
    articlePage: `WITH page AS MATERIALIZED (
        SELECT a.id, a.published_at FROM articles a WHERE (@source IS NULL OR a.source = @source)
        ORDER BY a.published_at DESC NULLS LAST, a.id COLLATE ${bytes} LIMIT @limit OFFSET @offset)
      SELECT a.id, a.title, a.published_at, a.source, a.url, a.language, a.duplicate_of,
        (SELECT CAST(COUNT(*) AS INTEGER) FROM mentions m WHERE m.article_id = a.id) AS mention_count,
        (SELECT CAST(COUNT(*) AS INTEGER) FROM events ev WHERE ev.article_id = a.id) AS event_count
      FROM page JOIN articles a ON a.id = page.id
      ORDER BY page.published_at DESC NULLS LAST, page.id COLLATE ${bytes}`,

    entityCount: `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM entities e WHERE ${entityMatches}`,
    // Without a name to match: the ranking of entity_counts (migration 4) walked in its order.
    entityPage: `SELECT e.*, c.mentions AS mention_count, c.articles AS article_count
      FROM entity_counts c JOIN entities e ON e.id = c.entity_id
      WHERE ${entityMatches}
      ORDER BY c.mentions DESC, c.articles DESC, c.entity_id COLLATE ${bytes} LIMIT @limit OFFSET @offset`,
    // With one: the matching entities first (a name matches anywhere in it, so every entity is
    // read), then their counts, cut, and only then the page's entities read whole. Each row carries
    // the number of matches, so that one scan of the names gives the page and the total.
    entityPageByName: `WITH matched AS MATERIALIZED (SELECT e.id FROM entities e WHERE ${entityMatches}),
      page AS MATERIALIZED (
        SELECT c.entity_id, c.mentions, c.articles FROM matched m JOIN entity_counts c ON c.entity_id = m.id
        ORDER BY c.mentions DESC, c.articles DESC, c.entity_id COLLATE ${bytes} LIMIT @limit OFFSET @offset)
      SELECT e.*, page.mentions AS mention_count, page.articles AS article_count,
        (SELECT CAST(COUNT(*) AS INTEGER) FROM matched) AS n
      FROM page JOIN entities e ON e.id = page.entity_id
      ORDER BY page.mentions DESC, page.articles DESC, e.id COLLATE ${bytes}`,

    // Its mentions as entity_counts keeps them (the sum of article_entities.mentions), not counted
    // again: 21,000 index entries for Saudi Arabia.
    mentionCount: `SELECT CAST(COALESCE(
        (SELECT mentions FROM entity_counts WHERE entity_id = @id), 0) AS INTEGER) AS n`,
    // The newest @limit + @offset articles with a mention hold the page (each has one at least); their
    // mentions are then ordered and cut, and only the page's rows read their article's title.
    mentionPage: `WITH page_articles AS MATERIALIZED (
        SELECT article_id, published_at FROM article_entities
        WHERE entity_id = @id AND mentions > 0
        ORDER BY ${newestArticleFirst} LIMIT @limit + @offset),
      page AS MATERIALIZED (
        SELECT m.article_id, p.published_at, m.start_pos, m.end_pos, m.text, m.via, m.seq
        FROM page_articles p JOIN mentions m ON m.article_id = p.article_id
        WHERE m.entity_id = @id
        ORDER BY p.published_at DESC NULLS LAST, m.article_id COLLATE ${bytes}, m.start_pos, m.seq
        LIMIT @limit OFFSET @offset)
      SELECT page.article_id, a.title, page.published_at, page.start_pos, page.end_pos, page.text, page.via
      FROM page JOIN articles a ON a.id = page.article_id
      ORDER BY page.published_at DESC NULLS LAST, page.article_id COLLATE ${bytes}, page.start_pos, page.seq`,

    variants: `SELECT m.text, CAST(COUNT(*) AS INTEGER) AS n FROM mentions m WHERE m.entity_id = @id
      GROUP BY m.text ORDER BY n DESC, m.text COLLATE ${bytes}`,

    // The article's day is stored with each of its entities (migration 4): one index range.
    timeline: `SELECT published_at AS day, CAST(SUM(mentions) AS INTEGER) AS mention_count,
        CAST(COUNT(*) AS INTEGER) AS article_count
      FROM article_entities
      WHERE entity_id = @id AND published_at IS NOT NULL
      GROUP BY published_at ORDER BY published_at`,

    // The entity's partners, cut, then named: from the pair counts saving keeps (cooccurrences) for an
    // entity in COOCCURRENCE_MIN_ARTICLES articles or more, else from its few articles; and from its
    // articles too while a bulk load has yet to count them (sqlite-bulk-load.ts).
    cooccurring: `WITH top AS MATERIALIZED (
        SELECT pairs.other_id, pairs.articles FROM (
          SELECT c.other_id, c.articles FROM cooccurrences c WHERE c.entity_id = @id
          UNION ALL
          SELECT other.entity_id, CAST(COUNT(*) AS INTEGER)
          FROM article_entities mine
            ${OTHERS_IN_ARTICLE}
          WHERE mine.entity_id = @id
            AND NOT EXISTS (SELECT 1 FROM cooccurrences c WHERE c.entity_id = @id)
          GROUP BY other.entity_id) pairs
        ORDER BY pairs.articles DESC, pairs.other_id COLLATE ${bytes} LIMIT @limit)
      SELECT e.*, top.articles AS article_count
      FROM top JOIN entities e ON e.id = top.other_id
      ORDER BY top.articles DESC, e.id COLLATE ${bytes}`,
  };
}

type PlainRead = keyof ReturnType<typeof plainSql>;
export type ReadStatement = PlainRead | `${EventRead}:${EventDriver}`;

/** Every read statement, for one database: the events' once per driver, named `read:driver`. */
export function readSql(dialect: Dialect): Readonly<Record<ReadStatement, string>> {
  const bytes = BYTE_ORDER[dialect];
  const statements: Record<string, string> = plainSql(dialect);
  for (const driver of EVENT_DRIVERS)
    for (const [read, sql] of Object.entries(eventSql(bytes, driver))) statements[`${read}:${driver}`] = sql;
  return statements as Record<ReadStatement, string>;
}
