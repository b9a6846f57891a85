// What saving an article adds to the summary tables of migration 4 (entity_counts, cooccurrences,
// event_dyads), written from its rows saved before in the same transaction, so a summary never
// disagrees with the rows it sums; but for the pair counts of a bulk load into an empty SQLite store,
// counted at its end (COUNT_COOCCURRENCES, sqlite-bulk-load.ts), which reads count from the
// articles meanwhile. Shared by both adapters: the SQL names its values `@name`
// (postgres-sql.ts numbers them). Rows are written in key order, so that two PostgreSQL
// transactions touching the same summary rows take their locks in the same order (no deadlock); the
// busiest rows (Saudi Arabia, its partners) then make concurrent saves wait for each other's commit.

/** The type PostgreSQL must be told for each named value. */
export const SUMMARY_PARAM_TYPES = { article_id: 'text', entity_id: 'text' } as const;

/** Article @article_id's mentions and one more article for each of its entities. */
export const ADD_ENTITY_COUNTS = `INSERT INTO entity_counts (entity_id, mentions, articles)
  SELECT entity_id, mentions, 1 FROM article_entities WHERE article_id = @article_id
  ORDER BY entity_id
  ON CONFLICT (entity_id) DO UPDATE
  SET mentions = entity_counts.mentions + excluded.mentions, articles = entity_counts.articles + 1`;

/** Joins to an article_entities row `mine` the other entities of its article, as `other`. */
export const OTHERS_IN_ARTICLE =
  'JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id';

/**
 * Articles an entity is in before its partners are kept counted in cooccurrences. Most entities are
 * in a handful of articles (of 58,000 in SaudiNewsNet, 1,385 are in 20 or more), and their partners
 * are counted from their few articles when read (reads-sql.ts); counting every pair of every
 * article cost the writer most of its time and the store most of its space (2.7 M rows for 30,000
 * articles; 1.0 M from 20 articles up). Migration 5 dropped the rows below this with the literal 20:
 * a change here needs a migration of its own.
 */
export const COOCCURRENCE_MIN_ARTICLES = 20;

/**
 * Article @article_id shares one more article between each ordered pair of its entities whose first
 * is in more than COOCCURRENCE_MIN_ARTICLES articles, counted after this one (entity_counts first).
 */
export const ADD_COOCCURRENCES = `INSERT INTO cooccurrences (entity_id, other_id, articles)
  SELECT mine.entity_id, other.entity_id, 1
  FROM article_entities mine
    JOIN entity_counts counted ON counted.entity_id = mine.entity_id
      AND counted.articles > ${COOCCURRENCE_MIN_ARTICLES}
    ${OTHERS_IN_ARTICLE}
  WHERE mine.article_id = @article_id
  ORDER BY mine.entity_id, other.entity_id
  ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = cooccurrences.articles + 1`;

/**
 * The pairs of each entity that article @article_id has just brought to COOCCURRENCE_MIN_ARTICLES
 * articles, counted over all of them: from here on ADD_COOCCURRENCES keeps them.
 */
export const ADD_COOCCURRENCES_REACHED = `INSERT INTO cooccurrences (entity_id, other_id, articles)
  SELECT mine.entity_id, other.entity_id, COUNT(*)
  FROM article_entities here
    JOIN entity_counts counted ON counted.entity_id = here.entity_id
      AND counted.articles = ${COOCCURRENCE_MIN_ARTICLES}
    JOIN article_entities mine ON mine.entity_id = here.entity_id
    ${OTHERS_IN_ARTICLE}
  WHERE here.article_id = @article_id
  GROUP BY mine.entity_id, other.entity_id
  ORDER BY mine.entity_id, other.entity_id
  ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = excluded.articles`;

/**
 * The pairs of every entity in COOCCURRENCE_MIN_ARTICLES articles or more, counted afresh over all
 * stored articles: what ADD_COOCCURRENCES_REACHED and ADD_COOCCURRENCES would have kept, for a bulk
 * load that counts them once at its end (sqlite-bulk-load.ts).
 */
export const COUNT_COOCCURRENCES = `DELETE FROM cooccurrences;
INSERT INTO cooccurrences (entity_id, other_id, articles)
  SELECT mine.entity_id, other.entity_id, COUNT(*)
  FROM entity_counts counted
    JOIN article_entities mine ON mine.entity_id = counted.entity_id
    ${OTHERS_IN_ARTICLE}
  WHERE counted.articles >= ${COOCCURRENCE_MIN_ARTICLES}
  GROUP BY mine.entity_id, other.entity_id`;

/**
 * The (actor country, recipient country) pairs of `events` (a SELECT of event ids) that event_dyads
 * lacks. A side's country is its own id when that is a country's, else its stored entity's country;
 * an argument with no entity row has none, until an entity row for it is saved.
 */
const addEventDyads = (events: string) => `WITH sides AS (
    SELECT p.event_id, p.role,
      CASE WHEN substr(p.entity_id, 1, 8) = 'country:' OR e.kind IN ('country', 'former_country')
        THEN p.entity_id ELSE e.country END AS country
    FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id
    WHERE p.event_id IN (${events}))
  INSERT INTO event_dyads (event_id, actor_country, recipient_country)
  SELECT DISTINCT actor.event_id, actor.country, recipient.country
  FROM sides actor JOIN sides recipient ON recipient.event_id = actor.event_id
  WHERE actor.role = 'actor' AND recipient.role = 'recipient'
    AND actor.country IS NOT NULL AND recipient.country IS NOT NULL
  ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING`;

/** The pairs of article @article_id's events. */
export const ADD_EVENT_DYADS = addEventDyads('SELECT id FROM events WHERE article_id = @article_id');

/**
 * The pairs entity @entity_id adds, saved for the first time, to the events that named it before
 * (arguments are not foreign keys: an article may name one it does not mention). Entity rows never
 * change once saved, so a pair is only ever added, never taken back. On PostgreSQL an event saved at
 * the same moment as such an entity, by another transaction, misses it (neither sees the other):
 * the coder names entities it does not mention only as countries, whose country is their own id.
 */
export const ADD_EVENT_DYADS_NAMING = addEventDyads(
  'SELECT event_id FROM event_participants WHERE entity_id = @entity_id',
);
