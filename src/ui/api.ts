// The client of the server's JSON API (src/server). The response types are the store's and the
// analysis contract's own, so the UI and the server cannot drift apart silently. Every id and
// parameter goes through encodeURIComponent; an error response becomes an ApiError carrying the
// server's code. No DOM here: only fetch, which the tests replace.

import type { EntityRef, PloverType } from '../core/doc.ts';
import type { AnalysisJson } from '../pipeline/contract.ts';
import type { SearchResult } from '../search/types.ts';
import type {
  ArticleSummary,
  Cooccurrence,
  Dyad,
  EntityMention,
  EventLocation,
  Page,
  SeriesPoint,
  StoredEntity,
  StoredEvent,
  StoreStats,
  TimelinePoint,
  Variant,
} from '../store/repository.ts';
import { type Params, withQuery } from './query-string.ts';

export type { AnalysisJson };

export interface ArticleDetail {
  readonly id: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly language: string;
  readonly duplicateOf: string | null;
  readonly addedAt: string;
  readonly analysis: AnalysisJson;
}

export interface EntityDetail extends StoredEntity {
  readonly variants: readonly Variant[];
}

/** Filters every /api/events endpoint takes (ids and `YYYY-MM-DD` days). */
export interface EventQuery {
  readonly type?: PloverType | string;
  readonly actor?: string;
  readonly recipient?: string;
  readonly country?: string;
  readonly from?: string;
  readonly to?: string;
  readonly articleId?: string;
}

export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

export type SearchQuery = Readonly<Record<string, string | number | undefined>>;

export type ExportFormat = 'plover' | 'tsv' | 'csv';

export interface AnalyzeRequest {
  readonly text: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Api {
  stats(signal?: AbortSignal): Promise<StoreStats>;
  search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult>;
  articles(
    query: PageQuery & { readonly source?: string },
    signal?: AbortSignal,
  ): Promise<Page<ArticleSummary>>;
  article(id: string, signal?: AbortSignal): Promise<ArticleDetail>;
  entities(
    query: PageQuery & { readonly q?: string; readonly type?: string },
    signal?: AbortSignal,
  ): Promise<Page<StoredEntity>>;
  entity(id: string, signal?: AbortSignal): Promise<EntityDetail>;
  entityMentions(id: string, page: PageQuery, signal?: AbortSignal): Promise<Page<EntityMention>>;
  entityTimeline(id: string, signal?: AbortSignal): Promise<TimelinePoint[]>;
  cooccurrence(id: string, limit: number, signal?: AbortSignal): Promise<Cooccurrence[]>;
  events(query: EventQuery & PageQuery, signal?: AbortSignal): Promise<Page<StoredEvent>>;
  dyads(query: EventQuery, signal?: AbortSignal): Promise<Dyad[]>;
  series(query: EventQuery, signal?: AbortSignal): Promise<SeriesPoint[]>;
  locations(query: EventQuery, signal?: AbortSignal): Promise<EventLocation[]>;
  analyze(request: AnalyzeRequest, signal?: AbortSignal): Promise<AnalysisJson>;
  /** A URL, not a request: the browser downloads it through `<a download>`. */
  exportHref(format: ExportFormat, query: EventQuery): string;
}

export type { EntityRef };

export function createApi(fetchImpl: Fetch, base = '/api'): Api {
  const path = (...segments: string[]) => `${base}/${segments.map(encodeURIComponent).join('/')}`;
  const get = <T>(url: string, signal?: AbortSignal) => request<T>(fetchImpl, url, signal);
  const eventParams = (query: EventQuery & PageQuery): Params => ({
    type: query.type,
    actor: query.actor,
    recipient: query.recipient,
    country: query.country,
    from: query.from,
    to: query.to,
    articleId: query.articleId,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    stats: (signal) => get(path('stats'), signal),
    search: (query, signal) => get(withQuery(path('search'), query), signal),
    articles: (query, signal) => get(withQuery(path('articles'), { ...query }), signal),
    article: (id, signal) => get(path('articles', id), signal),
    entities: (query, signal) => get(withQuery(path('entities'), { ...query }), signal),
    entity: (id, signal) => get(path('entities', id), signal),
    entityMentions: (id, page, signal) =>
      get(withQuery(path('entities', id, 'mentions'), { ...page }), signal),
    entityTimeline: (id, signal) => get(path('entities', id, 'timeline'), signal),
    cooccurrence: (id, limit, signal) =>
      get(withQuery(path('entities', id, 'cooccurrence'), { limit }), signal),
    events: (query, signal) => get(withQuery(path('events'), eventParams(query)), signal),
    dyads: (query, signal) => get(withQuery(path('events', 'dyads'), eventParams(query)), signal),
    series: (query, signal) => get(withQuery(path('events', 'series'), eventParams(query)), signal),
    locations: (query, signal) => get(withQuery(path('events', 'locations'), eventParams(query)), signal),
    analyze: (body, signal) => request(fetchImpl, path('analyze'), signal, body),
    exportHref: (format, query) => withQuery(path('events', 'export'), { format, ...eventParams(query) }),
  };
}

/** GET `url`, or POST `json` to it when given. */
async function request<T>(fetchImpl: Fetch, url: string, signal?: AbortSignal, json?: unknown): Promise<T> {
  const init: RequestInit =
    json === undefined
      ? { headers: { accept: 'application/json' } }
      : {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(json),
        };
  if (signal) init.signal = signal;
  const response = await fetchImpl(url, init);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = isErrorBody(body) ? body.error : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? (response.statusText || `HTTP ${response.status}`),
    );
  }
  if (body === undefined)
    throw new ApiError(response.status, 'BAD_RESPONSE', `${url}: the response is not JSON`);
  return body as T;
}

function isErrorBody(body: unknown): body is { error: { code?: string; message?: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const { error } = body as { error?: unknown };
  return typeof error === 'object' && error !== null;
}

/** True for the rejection of a request its page abandoned (the reader navigated away). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
