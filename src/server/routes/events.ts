// Events: the stored PLOVER events under filters, their country-pair dyads, the PLOVER score over
// time, the places they happened, and an export of the matching events as stories (reports of one
// real event in several articles merged), in the formats of `marsad export`.

import type { FastifyInstance } from 'fastify';
import type { EntityRef, PloverType } from '../../core/doc.ts';
import { EXPORT_MEDIA, type ExportFormat, exportStories } from '../../events/export/format.ts';
import type { ReportInput } from '../../events/stories.ts';
import { parseIsoDate } from '../../ingest/article.ts';
import type { EventFilters, Repository } from '../../store/repository.ts';
import type { ServerDeps } from '../app.ts';
import {
  errorResponse,
  eventFilterQuery,
  eventListQuery,
  exportQuery,
  open,
  page,
  storedEvent,
} from '../schemas.ts';

/** Most events one export reads: beyond it the filters should narrow the request. */
export const MAX_EXPORT_EVENTS = 20_000;

interface FilterQuery {
  type?: PloverType;
  actor?: string;
  recipient?: string;
  country?: string;
  articleId?: string;
  from?: string;
  to?: string;
}

export function registerEventRoutes(api: FastifyInstance, deps: ServerDeps): void {
  const { store } = deps;
  const list = (summary: string, item: string) => ({
    schema: {
      tags: ['events'],
      summary,
      querystring: eventFilterQuery,
      response: { 200: { type: 'array', items: open(item) }, 400: errorResponse },
    },
  });

  api.get<{ Querystring: FilterQuery & { limit: number; offset: number } }>(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Stored PLOVER events matching every filter, newest first',
        querystring: eventListQuery,
        response: { 200: page(storedEvent), 400: errorResponse },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return store.listEvents({ ...eventFilters(filters), limit, offset });
    },
  );

  api.get<{ Querystring: FilterQuery }>(
    '/events/dyads',
    list(
      'Event counts per actor country → recipient country',
      '{ actorCountry, recipientCountry, events, types, intensity }',
    ),
    async (request) => store.eventDyads(eventFilters(request.query)),
  );

  api.get<{ Querystring: FilterQuery }>(
    '/events/series',
    list('Events and PLOVER score (intensity) per day', '{ day, events, types, intensity }'),
    async (request) => store.eventSeries(eventFilters(request.query)),
  );

  api.get<{ Querystring: FilterQuery }>(
    '/events/locations',
    list('Places events happened at, with coordinates where known', '{ entity, events, types }'),
    async (request) => store.eventLocations(eventFilters(request.query)),
  );

  api.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    '/events/export',
    {
      schema: {
        tags: ['events'],
        summary: `The matching events as stories (at most ${MAX_EXPORT_EVENTS} events): PLOVER JSON lines, TSV or CSV`,
        querystring: exportQuery,
        response: { 400: errorResponse },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const { reports, entities, truncated } = await readReports(store, eventFilters(filters));
      const { output, stories } = exportStories(format, reports, entities, deps.kb);
      const media = EXPORT_MEDIA[format];
      return reply
        .type(media.type)
        .header('content-disposition', `attachment; filename="marsad-events.${media.ext}"`)
        .header('x-marsad-stories', String(stories))
        .header('x-marsad-truncated', String(truncated))
        .send(output);
    },
  );
}

function eventFilters(query: FilterQuery): EventFilters {
  const { from, to, ...rest } = query;
  return { ...rest, ...(from && { from: parseIsoDate(from) }), ...(to && { to: parseIsoDate(to) }) };
}

/** Every matching event, page by page, as reports with the entities they name. */
async function readReports(store: Repository, filters: EventFilters) {
  const reports: ReportInput[] = [];
  const entities = new Map<string, EntityRef>();
  const limit = 100;
  let total = 0;
  for (let offset = 0; offset < MAX_EXPORT_EVENTS; offset += limit) {
    const result = await store.listEvents({ ...filters, limit, offset });
    total = result.total;
    for (const event of result.items) {
      const { articleId, articleTitle: _title, publishedAt, entities: named, ...record } = event;
      reports.push({ articleId, publishedAt: publishedAt ?? undefined, event: record });
      for (const e of named) entities.set(e.id, e);
    }
    if (offset + limit >= total) break;
  }
  return { reports, entities, truncated: total > MAX_EXPORT_EVENTS };
}
