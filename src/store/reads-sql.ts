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

import type { Dialect } from './migrations.ts';
import type { EntityRow } from './rows.ts';

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

const NEWEST_ARTICLE_FIRST = 'a.published_at IS NULL, a.published_at DESC';

// Case-insensitive as SQLite's lower() is: ASCII letters only, which English names are written in.
// The pattern comes escaped (`\` before `%`, `_` and `\`) and lowered from reads.ts.
const ENTITY_FILTERS = `
  (@pattern IS NULL OR lower(e.name_ar) LIKE @pattern ESCAPE '\\'
    OR lower(COALESCE(e.name_en, '')) LIKE @pattern ESCAPE '\\' OR lower(e.id) LIKE @pattern ESCAPE '\\')
  AND (@entityType IS NULL OR e.type = @entityType)`;

/** The day an event is counted on: its own date, else its article's (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
const EVENT_DAY = 'COALESCE(ev.event_date, a.published_at)';
const FULL_DAY = `length(${EVENT_DAY}) = 10`;

// A date range keeps only events dated to the day: one dated to a month or a year cannot be said to
// fall inside or outside it, and is left out as an undated one is. The country is the argument or
// location itself (`country:ru`), or the country the store gives an argument or location entity
// (Lavrov, Moscow); an argument with no entity row can only match by its own id.
const EVENT_FILTERS = `
  (@type IS NULL OR ev.type = @type)
  AND (@articleId IS NULL OR ev.article_id = @articleId)
  AND (@from IS NULL OR (${FULL_DAY} AND ${EVENT_DAY} >= @from))
  AND (@to IS NULL OR (${FULL_DAY} AND ${EVENT_DAY} <= @to))
  AND (@actor IS NULL OR EXISTS (SELECT 1 FROM event_participants fp
    WHERE fp.event_id = ev.id AND fp.role = 'actor' AND fp.entity_id = @actor))
  AND (@recipient IS NULL OR EXISTS (SELECT 1 FROM event_participants fp
    WHERE fp.event_id = ev.id AND fp.role = 'recipient' AND fp.entity_id = @recipient))
  AND (@country IS NULL OR ev.location_id = @country
    OR EXISTS (SELECT 1 FROM entities fe WHERE fe.id = ev.location_id AND fe.country = @country)
    OR EXISTS (SELECT 1 FROM event_participants fp LEFT JOIN entities fe ON fe.id = fp.entity_id
      WHERE fp.event_id = ev.id AND (fp.entity_id = @country OR fe.country = @country)))`;

const FROM_EVENTS = `FROM events ev JOIN articles a ON a.id = ev.article_id WHERE ${EVENT_FILTERS}`;

/** Every read statement, for one database. */
export function readSql(dialect: Dialect) {
  const bytes = BYTE_ORDER[dialect];
  return {
    articleCount: `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM articles a
      WHERE (@source IS NULL OR a.source = @source)`,
    // The counts only for the page's articles: numbered and cut first, then counted.
    articlePage: `WITH page AS MATERIALIZED (
        SELECT a.id, a.title, a.published_at, a.source, a.url, a.language, a.duplicate_of,
          ROW_NUMBER() OVER (ORDER BY ${NEWEST_ARTICLE_FIRST}, a.id COLLATE ${bytes}) AS position
        FROM articles a WHERE (@source IS NULL OR a.source = @source)
        ORDER BY position LIMIT @limit OFFSET @offset)
      SELECT page.*,
        (SELECT CAST(COUNT(*) AS INTEGER) FROM mentions m WHERE m.article_id = page.id) AS mention_count,
        (SELECT CAST(COUNT(*) AS INTEGER) FROM events ev WHERE ev.article_id = page.id) AS event_count
      FROM page ORDER BY page.position`,

    entityCount: `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM entities e WHERE ${ENTITY_FILTERS}`,
    // GROUP BY the primary key: PostgreSQL then allows the entity's other columns as they are.
    entityPage: `SELECT e.*, CAST(COALESCE(SUM(ae.mentions), 0) AS INTEGER) AS mention_count,
        CAST(COUNT(ae.article_id) AS INTEGER) AS article_count
      FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id
      WHERE ${ENTITY_FILTERS}
      GROUP BY e.id
      ORDER BY mention_count DESC, article_count DESC, e.id COLLATE ${bytes} LIMIT @limit OFFSET @offset`,

    mentionCount: 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM mentions m WHERE m.entity_id = @id',
    mentionPage: `SELECT m.article_id, a.title, a.published_at, m.start_pos, m.end_pos, m.text, m.via
      FROM mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.entity_id = @id
      ORDER BY ${NEWEST_ARTICLE_FIRST}, a.id COLLATE ${bytes}, m.start_pos, m.seq
      LIMIT @limit OFFSET @offset`,

    variants: `SELECT m.text, CAST(COUNT(*) AS INTEGER) AS n FROM mentions m WHERE m.entity_id = @id
      GROUP BY m.text ORDER BY n DESC, m.text COLLATE ${bytes}`,

    timeline: `SELECT a.published_at AS day, CAST(SUM(ae.mentions) AS INTEGER) AS mention_count,
        CAST(COUNT(*) AS INTEGER) AS article_count
      FROM article_entities ae JOIN articles a ON a.id = ae.article_id
      WHERE ae.entity_id = @id AND a.published_at IS NOT NULL
      GROUP BY a.published_at ORDER BY a.published_at`,

    cooccurring: `SELECT e.*, CAST(COUNT(*) AS INTEGER) AS article_count
      FROM article_entities mine
        JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
        JOIN entities e ON e.id = other.entity_id
      WHERE mine.entity_id = @id
      GROUP BY e.id
      ORDER BY article_count DESC, e.id COLLATE ${bytes} LIMIT @limit`,

    eventCount: `SELECT CAST(COUNT(*) AS INTEGER) AS n ${FROM_EVENTS}`,
    // The page's events, each with one row per argument (actors and recipients in seq order, then
    // the location) and the argument's stored entity, if any: one statement for the whole page. The
    // order is numbered once, inside the page, and the rows follow it.
    eventPage: `WITH page AS MATERIALIZED (
        SELECT ev.*, a.title AS article_title, a.published_at,
          ROW_NUMBER() OVER (ORDER BY ${EVENT_DAY} IS NULL, ${EVENT_DAY} DESC,
            ev.article_id COLLATE ${bytes}, ev.trigger_start, ev.id COLLATE ${bytes}) AS position
        ${FROM_EVENTS}
        ORDER BY position LIMIT @limit OFFSET @offset),
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

    // Per (actor country, recipient country, type), the events with at least one such pair: an event
    // whose two actors are both Russian counts once for Russia. A country is its own; anything else
    // has the store's `country`, or none (an unknown group, an argument with no entity row).
    dyads: `WITH matched AS MATERIALIZED (SELECT ev.id, ev.type ${FROM_EVENTS}),
      sides AS (
        SELECT p.event_id, p.role,
          CASE WHEN substr(p.entity_id, 1, 8) = 'country:' OR e.kind IN ('country', 'former_country')
            THEN p.entity_id ELSE e.country END AS country
        FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id
        WHERE p.event_id IN (SELECT id FROM matched)),
      pairs AS (
        SELECT DISTINCT actor.event_id, actor.country AS actor_country, recipient.country AS recipient_country
        FROM sides actor JOIN sides recipient ON recipient.event_id = actor.event_id
        WHERE actor.role = 'actor' AND recipient.role = 'recipient'
          AND actor.country IS NOT NULL AND recipient.country IS NOT NULL)
      SELECT pairs.actor_country, pairs.recipient_country, m.type, CAST(COUNT(*) AS INTEGER) AS n
      FROM pairs JOIN matched m ON m.id = pairs.event_id
      GROUP BY pairs.actor_country, pairs.recipient_country, m.type`,

    series: `SELECT ${EVENT_DAY} AS day, ev.type, CAST(COUNT(*) AS INTEGER) AS n
      ${FROM_EVENTS} AND ${FULL_DAY}
      GROUP BY ${EVENT_DAY}, ev.type`,

    // A location the store holds no entity for has no name or place to show, and is left out.
    locations: `SELECT e.*, ev.type AS event_type, CAST(COUNT(*) AS INTEGER) AS n
      FROM events ev JOIN articles a ON a.id = ev.article_id JOIN entities e ON e.id = ev.location_id
      WHERE ${EVENT_FILTERS}
      GROUP BY e.id, ev.type`,
  };
}

export type ReadStatement = keyof ReturnType<typeof readSql>;
