// Articles: the stored list, one article with its whole analysis, an article posted to be analysed
// and stored (a write: the token), and text analysed without storing it (POST /api/analyze).

import type { FastifyInstance } from 'fastify';
import { makeArticle } from '../../ingest/article.ts';
import { ingest } from '../../ingest/ingest.ts';
import type { IngestItem } from '../../ingest/sources/item.ts';
import { detectLanguage } from '../../ingest/sources/language.ts';
import { toAnalysisJson } from '../../pipeline/contract.ts';
import { WRITE } from '../access.ts';
import type { ServerDeps } from '../app.ts';
import { analysis, articleBody, errorResponse, idParams, open, page, paging } from '../schemas.ts';

interface ArticleBody {
  text: string;
  title?: string;
  publishedAt?: string;
  id?: string;
  source?: string;
  url?: string;
}

export function registerArticleRoutes(api: FastifyInstance, deps: ServerDeps): void {
  const { store } = deps;

  api.get<{ Querystring: { limit: number; offset: number; source?: string } }>(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'Stored articles, newest first',
        querystring: {
          type: 'object',
          properties: { ...paging, source: { type: 'string', maxLength: 200 } },
          additionalProperties: false,
        },
        response: { 200: page(open('an article summary')), 400: errorResponse },
      },
    },
    async (request) => store.listArticles(request.query),
  );

  api.get<{ Params: { id: string } }>(
    '/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One stored article with its analysis (mentions, entities, events, quotes, dates, figures)',
        params: idParams,
        response: {
          200: open('{ id, source, url, language, duplicateOf, addedAt, analysis }'),
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const stored = await store.getArticle(request.params.id);
      if (stored === null)
        return reply
          .status(404)
          .send({ error: { code: 'NOT_FOUND', message: `no stored article ${request.params.id}` } });
      const { id, source, url, language, duplicateOf, addedAt } = stored;
      return { id, source, url, language, duplicateOf, addedAt, analysis: stored.analysis };
    },
  );

  api.post<{ Body: ArticleBody }>(
    '/articles',
    {
      ...WRITE,
      schema: {
        tags: ['articles'],
        summary: 'Analyse an article and store it (idempotent: the same text is stored once)',
        security: [{ token: [] }],
        body: articleBody,
        response: {
          200: open('{ id, outcome: added | nearDuplicate | duplicate }'),
          400: errorResponse,
          401: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const id = makeArticle(body).id;
      const item: IngestItem = {
        ok: true,
        article: body,
        origin: `POST /api/articles ${id}`,
        language: detectLanguage(body.text),
      };
      const report = await ingest(one(item), store, { analyze: deps.analyze });
      const failure = report.failed[0];
      if (failure !== undefined)
        return reply
          .status(400)
          .send({ error: { code: failure.error.code, message: failure.error.message } });
      const outcome = report.added > 0 ? 'added' : report.nearDuplicates > 0 ? 'nearDuplicate' : 'duplicate';
      return { id, outcome };
    },
  );

  api.post<{ Body: ArticleBody }>(
    '/analyze',
    {
      // Analysis is the costly request: a tighter limit than reads.
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags: ['analyze'],
        summary: 'Analyse Arabic text without storing it: the analysis JSON of `marsad analyze --json`',
        body: articleBody,
        response: { 200: analysis, 400: errorResponse },
      },
    },
    async (request) => toAnalysisJson(deps.analyze(request.body)),
  );
}

async function* one<T>(item: T): AsyncGenerator<T> {
  yield item;
}
