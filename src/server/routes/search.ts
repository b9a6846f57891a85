// GET /api/search: the query parsed exactly as `marsad search` parses it (stems, entity names in
// Arabic or English, "phrases"), with the same filters, facets, paging and sort.

import type { FastifyInstance } from 'fastify';
import type { EntityType, PloverType } from '../../core/doc.ts';
import { parseIsoDate } from '../../ingest/article.ts';
import { parseQuery } from '../../search/query.ts';
import type { SearchFilters, SearchSort } from '../../search/types.ts';
import type { ServerDeps } from '../app.ts';
import { errorResponse, open, searchQuery } from '../schemas.ts';

interface SearchQuery {
  q: string;
  entity?: string;
  entityType?: EntityType;
  eventType?: PloverType;
  country?: string;
  source?: string;
  from?: string;
  to?: string;
  sort: SearchSort;
  limit: number;
  offset: number;
}

export function registerSearchRoutes(api: FastifyInstance, deps: ServerDeps): void {
  api.get<{ Querystring: SearchQuery }>(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search articles: Arabic-aware, entity-aware and cross-lingual',
        querystring: searchQuery,
        response: {
          200: open(
            '{ total (exact), hits: [{ articleId, title, score, snippet, publishedAt, source }], facets, facetsSampled (null: facets exact; n: estimated from n sampled matches) }',
          ),
          400: errorResponse,
        },
      },
    },
    async (request) => {
      const { q, sort, limit, offset, ...rest } = request.query;
      return deps.store.search({
        query: parseQuery(q, deps.kb, deps.textLayer),
        filters: searchFilters(rest),
        sort,
        limit,
        offset,
      });
    },
  );
}

function searchFilters(query: Omit<SearchQuery, 'q' | 'sort' | 'limit' | 'offset'>): SearchFilters {
  const { from, to, ...rest } = query;
  // parseIsoDate refuses what the pattern lets through: 2024-02-30.
  return { ...rest, ...(from && { from: parseIsoDate(from) }), ...(to && { to: parseIsoDate(to) }) };
}
