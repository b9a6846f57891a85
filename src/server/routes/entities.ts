// Entities: lookup by name, one entity with every way it was written, its mentions, mentions over
// time and the entities it appears with; and curation (an alias, a merge) as writes, logged exactly
// as `marsad kb alias|merge` logs them. A merged-away id is followed to the entity it now lives under.

import type { FastifyInstance } from 'fastify';
import type { EntityType } from '../../core/doc.ts';
import { ENTITY_TYPES } from '../../core/doc.ts';
import { curateAlias, curateMerge } from '../../kb/curate.ts';
import { toEntityRef } from '../../kb/entity.ts';
import { WRITE } from '../access.ts';
import type { ServerDeps } from '../app.ts';
import { entityRef, errorResponse, idParams, open, page, paging } from '../schemas.ts';

const ID = { type: 'string', minLength: 1, maxLength: 200 } as const;

export function registerEntityRoutes(api: FastifyInstance, deps: ServerDeps): void {
  const { store, kb } = deps;
  const resolve = (id: string) => kb.resolve(id);

  api.get<{ Querystring: { q?: string; type?: EntityType; limit: number; offset: number } }>(
    '/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Stored entities whose name or id contains q, most mentioned first',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            type: { type: 'string', enum: [...ENTITY_TYPES] },
            ...paging,
          },
          additionalProperties: false,
        },
        response: { 200: page(open('{ entity, mentions, articles }')), 400: errorResponse },
      },
    },
    async (request) => {
      const { q, type, limit, offset } = request.query;
      return store.findEntities({ ...(q && { query: q }), ...(type && { type }), limit, offset });
    },
  );

  api.get<{ Params: { id: string } }>(
    '/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'An entity: names, aliases, every variant seen in stored articles, counts',
        params: idParams,
        response: {
          200: open(
            '{ entity, mentions, articles, variants: [{ text, count }], aliases: { ar, en }, mergedInto? }',
            {
              entity: entityRef,
            },
          ),
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const id = resolve(request.params.id);
      const [stored, variants] = await Promise.all([store.getEntity(id), store.entityVariants(id)]);
      const known = kb.get(id);
      if (stored === null && known === undefined)
        return reply
          .status(404)
          .send({ error: { code: 'NOT_FOUND', message: `no entity ${request.params.id}` } });
      return {
        entity: stored?.entity ?? toEntityRef(known!),
        mentions: stored?.mentions ?? 0,
        articles: stored?.articles ?? 0,
        variants,
        aliases: known?.aliases ?? { ar: [], en: [] },
        ...(id !== request.params.id && { mergedFrom: request.params.id }),
      };
    },
  );

  api.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/entities/:id/mentions',
    {
      schema: {
        tags: ['entities'],
        summary: 'Mentions of the entity, newest article first, with offsets into each article',
        params: idParams,
        querystring: { type: 'object', properties: paging, additionalProperties: false },
        response: { 200: page(open('{ articleId, articleTitle, publishedAt, start, end, text, via }')) },
      },
    },
    async (request) => store.entityMentions(resolve(request.params.id), request.query),
  );

  api.get<{ Params: { id: string } }>(
    '/entities/:id/timeline',
    {
      schema: {
        tags: ['entities'],
        summary: 'Mentions and articles per publication day',
        params: idParams,
        response: { 200: { type: 'array', items: open('{ day, mentions, articles }') } },
      },
    },
    async (request) => store.entityTimeline(resolve(request.params.id)),
  );

  api.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/entities/:id/cooccurrence',
    {
      schema: {
        tags: ['entities'],
        summary: 'Entities named in the same articles, most shared articles first',
        params: idParams,
        querystring: {
          type: 'object',
          properties: { limit: paging.limit },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: open('{ entity, articles }') } },
      },
    },
    async (request) => store.cooccurring(resolve(request.params.id), request.query.limit),
  );

  api.post<{ Params: { id: string }; Body: { name: string; lang?: 'ar' | 'en' } }>(
    '/entities/:id/aliases',
    {
      ...WRITE,
      schema: {
        tags: ['curation'],
        summary:
          'Add another name of the entity to the curation log (the linker applies it from the next start)',
        security: [{ token: [] }],
        params: idParams,
        body: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            lang: { type: 'string', enum: ['ar', 'en'] },
          },
          additionalProperties: false,
        },
        response: { 200: open('{ written, op }'), 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      const { written, op } = curateAlias(
        deps.curationLog,
        request.params.id,
        request.body.name,
        request.body.lang,
      );
      return { written, op };
    },
  );

  api.post<{ Body: { from: string; into: string } }>(
    '/entities/merge',
    {
      ...WRITE,
      schema: {
        tags: ['curation'],
        summary:
          'Merge entity `from` into `into` in the curation log (applied from the next start): `into` takes its names and roles',
        security: [{ token: [] }],
        body: {
          type: 'object',
          required: ['from', 'into'],
          properties: { from: ID, into: ID },
          additionalProperties: false,
        },
        response: { 200: open('{ written, op }'), 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      const { written, op } = curateMerge(deps.curationLog, request.body.from, request.body.into);
      return { written, op };
    },
  );
}
