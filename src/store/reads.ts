// The Repository's reads for the API and UI, written once over any database that can run the
// statements of reads-sql.ts: an adapter gives only how to run one (RunRead), and this module checks
// the request, names its values, picks the statement written for the filters given (with an entity
// name or without; the filter that finds the events first) and turns the rows into the interface's
// types. Sums a caller sees (per-type counts, intensity) are folded here from one row per group and
// type, so both databases share the arithmetic and the final order.

import { type EntityRef, PLOVER_TYPES, type PloverType } from '../core/doc.ts';
import { TYPE_INTENSITY } from '../events/export/scales.ts';
import { parseIsoDate } from '../ingest/article.ts';
import {
  ENTITY_COLUMNS,
  ENTITY_PREFIX,
  EVENT_DRIVERS,
  type EventDriver,
  type EventRead,
  type ReadStatement,
} from './reads-sql.ts';
import type {
  ArticleSummary,
  Dyad,
  EntityMention,
  EventFilters,
  EventLocation,
  Page,
  PageRequest,
  Repository,
  SeriesPoint,
  StoredEntity,
  StoredEvent,
} from './repository.ts';
import { type EntityRow, type EventRow, entityFromRow, eventFromRow } from './rows.ts';
import { searchParams } from './shared.ts';

/** The named values of a statement; a filter left out is null. */
export type ReadParams = Readonly<Record<string, string | number | null>>;

/** How an adapter runs one read statement with its named values. */
export type RunRead = (statement: ReadStatement, params: ReadParams) => Promise<readonly object[]>;

export type RepositoryReads = Pick<
  Repository,
  | 'listArticles'
  | 'findEntities'
  | 'entityMentions'
  | 'entityVariants'
  | 'entityTimeline'
  | 'cooccurring'
  | 'listEvents'
  | 'eventDyads'
  | 'eventSeries'
  | 'eventLocations'
>;

export function createReads(run: RunRead): RepositoryReads {
  const rows = async <R>(statement: ReadStatement, params: ReadParams) =>
    (await run(statement, params)) as readonly R[];
  /** A page and the count of all matches, from two statements over the same values. */
  const page = async <R, T>(
    count: ReadStatement,
    items: ReadStatement,
    params: ReadParams,
    map: (rows: readonly R[]) => readonly T[],
  ): Promise<Page<T>> => {
    const [counted, found] = await Promise.all([rows<CountRow>(count, params), rows<R>(items, params)]);
    return { total: counted[0]?.n ?? 0, items: map(found) };
  };

  return {
    async listArticles(request = {}) {
      const params = { source: request.source ?? null, ...pageParams(request) };
      return page('articleCount', 'articlePage', params, (found: readonly ArticleSummaryRow[]) =>
        found.map(articleSummary),
      );
    },
    async findEntities(request) {
      const params = {
        pattern: request.query === undefined ? null : `%${escapeLike(request.query.toLowerCase())}%`,
        entityType: request.type ?? null,
        ...pageParams(request),
      };
      if (params.pattern === null)
        return page('entityCount', 'entityPage', params, (found: readonly CountedEntityRow[]) =>
          found.map(storedEntity),
        );
      // A page by name carries the total on its rows; only an empty page past the first needs it counted.
      const found = await rows<CountedEntityRow & CountRow>('entityPageByName', params);
      const total =
        found[0]?.n ?? (params.offset === 0 ? 0 : ((await rows<CountRow>('entityCount', params))[0]?.n ?? 0));
      return { total, items: found.map(storedEntity) };
    },
    async entityMentions(id, request = {}) {
      return page(
        'mentionCount',
        'mentionPage',
        { id, ...pageParams(request) },
        (found: readonly MentionRow[]) => found.map(entityMention),
      );
    },
    async entityVariants(id) {
      return (await rows<{ text: string; n: number }>('variants', { id })).map((r) => ({
        text: r.text,
        count: r.n,
      }));
    },
    async entityTimeline(id) {
      return (await rows<TimelineRow>('timeline', { id })).map((r) => ({
        day: r.day,
        mentions: r.mention_count,
        articles: r.article_count,
      }));
    },
    async cooccurring(id, limit) {
      const params = { id, limit: pageParams(limit === undefined ? {} : { limit }).limit };
      return (await rows<CountedEntityRow>('cooccurring', params)).map((r) => ({
        entity: entityFromRow(r),
        articles: r.article_count,
      }));
    },
    async listEvents(request = {}) {
      const filters = eventParams(request);
      const params = { ...filters, ...pageParams(request) };
      return page(eventRead('eventCount', filters), eventRead('eventPage', filters), params, storedEvents);
    },
    async eventDyads(request = {}) {
      const filters = eventParams(request);
      return dyads(await rows<DyadRow>(eventRead('dyads', filters), filters));
    },
    async eventSeries(request = {}) {
      const filters = eventParams(request);
      return series(await rows<SeriesRow>(eventRead('series', filters), filters));
    },
    async eventLocations(request = {}) {
      const filters = eventParams(request);
      return locations(await rows<LocationRow>(eventRead('locations', filters), filters));
    },
  };
}

// ---- requests ----------------------------------------------------------------------------------

const NO_WORDS = { clauses: [] } as const;

/** Paging is search's: the same bounds (1–MAX_LIMIT, default DEFAULT_LIMIT), the same RangeErrors. */
export function pageParams({ limit, offset }: PageRequest): { limit: number; offset: number } {
  const checked = searchParams(
    { query: NO_WORDS, ...(limit !== undefined && { limit }), ...(offset !== undefined && { offset }) },
    null,
  );
  return { limit: checked.limit as number, offset: checked.offset as number };
}

/** Every EventFilters field by its statement name; bad dates throw BAD_DATE. */
export function eventParams(filters: EventFilters): ReadParams {
  return {
    type: filters.type ?? null,
    actor: filters.actor ?? null,
    recipient: filters.recipient ?? null,
    country: filters.country ?? null,
    articleId: filters.articleId ?? null,
    from: filters.from === undefined ? null : parseIsoDate(filters.from),
    to: filters.to === undefined ? null : parseIsoDate(filters.to),
  };
}

/** The statement of `read` that finds the events through the first filter given (reads-sql.ts). */
export function eventRead(read: EventRead, filters: ReadParams): ReadStatement {
  const driver: EventDriver =
    EVENT_DRIVERS.find((d) => d === 'all' || (filters[d] ?? null) !== null) ?? 'all';
  return `${read}:${driver}`;
}

/** `query` as a LIKE operand that matches only itself: `%`, `_` and the escape `\` are escaped. */
export function escapeLike(query: string): string {
  return query.replace(/[\\%_]/g, '\\$&');
}

// ---- rows --------------------------------------------------------------------------------------

interface CountRow {
  readonly n: number;
}

interface ArticleSummaryRow {
  readonly id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly language: string;
  readonly duplicate_of: string | null;
  readonly mention_count: number;
  readonly event_count: number;
}

function articleSummary(r: ArticleSummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    publishedAt: r.published_at,
    source: r.source,
    url: r.url,
    language: r.language,
    duplicateOf: r.duplicate_of,
    mentions: r.mention_count,
    events: r.event_count,
  };
}

interface CountedEntityRow extends EntityRow {
  readonly mention_count: number;
  readonly article_count: number;
}

function storedEntity(r: CountedEntityRow): StoredEntity {
  return { entity: entityFromRow(r), mentions: r.mention_count, articles: r.article_count };
}

interface MentionRow {
  readonly article_id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly start_pos: number;
  readonly end_pos: number;
  readonly text: string;
  readonly via: EntityMention['via'];
}

function entityMention(r: MentionRow): EntityMention {
  return {
    articleId: r.article_id,
    articleTitle: r.title,
    publishedAt: r.published_at,
    start: r.start_pos,
    end: r.end_pos,
    text: r.text,
    via: r.via,
  };
}

interface TimelineRow {
  readonly day: string;
  readonly mention_count: number;
  readonly article_count: number;
}

/** An event of the page with one of its arguments (none: an event without any) and its stored entity. */
interface EventPageRow extends EventRow {
  readonly article_title: string | null;
  readonly published_at: string | null;
  readonly arg_role: 'actor' | 'recipient' | 'location' | null;
  readonly arg_entity: string | null;
  readonly [prefixedEntityColumn: `${typeof ENTITY_PREFIX}${string}`]: unknown;
}

/** The page's rows, in page order, folded into one StoredEvent each. */
function storedEvents(rows: readonly EventPageRow[]): StoredEvent[] {
  const events = new Map<
    string,
    { row: EventPageRow; actors: string[]; recipients: string[]; stored: Map<string, EntityRef> }
  >();
  for (const row of rows) {
    let event = events.get(row.id);
    if (event === undefined) {
      event = { row, actors: [], recipients: [], stored: new Map() };
      events.set(row.id, event);
    }
    if (row.arg_role === 'actor') event.actors.push(row.arg_entity!);
    else if (row.arg_role === 'recipient') event.recipients.push(row.arg_entity!);
    const entity = prefixedEntity(row);
    if (entity !== null) event.stored.set(entity.id, entity);
  }
  return [...events.values()].map(({ row, actors, recipients, stored }) => {
    const named = new Set([...actors, ...recipients, ...(row.location_id === null ? [] : [row.location_id])]);
    return {
      ...eventFromRow(row, actors, recipients),
      articleId: row.article_id,
      articleTitle: row.article_title,
      publishedAt: row.published_at,
      entities: [...named].flatMap((id) => stored.get(id) ?? []),
    };
  });
}

function prefixedEntity(row: EventPageRow): EntityRef | null {
  if (row[`${ENTITY_PREFIX}id`] === null) return null;
  const columns = ENTITY_COLUMNS.map((column) => [column, row[`${ENTITY_PREFIX}${column}`]]);
  return entityFromRow(Object.fromEntries(columns) as EntityRow);
}

// ---- aggregates --------------------------------------------------------------------------------

interface TypeCount {
  readonly type: PloverType;
  readonly n: number;
}

export interface Tally {
  readonly events: number;
  readonly types: Readonly<Partial<Record<PloverType, number>>>;
  /** Sum of the PLOVER intensity (src/events/export/scales.ts) over the events' types. */
  readonly intensity: number;
}

/** Events, per-type counts (in PLOVER's order) and intensity of a group, from its count per type. */
export function tally(counts: readonly TypeCount[]): Tally {
  const byType = new Map<PloverType, number>();
  for (const { type, n } of counts) byType.set(type, (byType.get(type) ?? 0) + n);
  const types: Partial<Record<PloverType, number>> = {};
  let events = 0;
  let intensity = 0;
  for (const type of PLOVER_TYPES) {
    const n = byType.get(type);
    if (n === undefined) continue;
    types[type] = n;
    events += n;
    intensity += n * TYPE_INTENSITY[type];
  }
  return { events, types, intensity };
}

/** Rows grouped by key, groups in the order their first row came. */
function groupBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface DyadRow extends TypeCount {
  readonly actor_country: string;
  readonly recipient_country: string;
}

/** Most events first, then by actor and recipient country. */
function dyads(rows: readonly DyadRow[]): Dyad[] {
  return [...groupBy(rows, (r) => JSON.stringify([r.actor_country, r.recipient_country])).values()]
    .map(
      (group): Dyad => ({
        actorCountry: group[0]!.actor_country,
        recipientCountry: group[0]!.recipient_country,
        ...tally(group),
      }),
    )
    .sort(
      (a, b) =>
        b.events - a.events ||
        byText(a.actorCountry, b.actorCountry) ||
        byText(a.recipientCountry, b.recipientCountry),
    );
}

interface SeriesRow extends TypeCount {
  readonly day: string;
}

function series(rows: readonly SeriesRow[]): SeriesPoint[] {
  return [...groupBy(rows, (r) => r.day)]
    .map(([day, group]): SeriesPoint => ({ day, ...tally(group) }))
    .sort((a, b) => byText(a.day, b.day));
}

interface LocationRow extends EntityRow {
  readonly event_type: PloverType;
  readonly n: number;
}

/** Most events first, then by entity id. */
function locations(rows: readonly LocationRow[]): EventLocation[] {
  return [...groupBy(rows, (r) => r.id).values()]
    .map((group): EventLocation => {
      const { events, types } = tally(group.map((r) => ({ type: r.event_type, n: r.n })));
      return { entity: entityFromRow(group[0]!), events, types };
    })
    .sort((a, b) => b.events - a.events || byText(a.entity.id, b.entity.id));
}
