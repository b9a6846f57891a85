// The HTTP API under hostile requests, through fastify's inject over a real SQLite store: any value
// in any query parameter or path segment of every read route, and any JSON or non-JSON body posted
// to the analysis and write routes. The server answers every one — a 2xx, or a 4xx in the one error
// shape — never a 5xx, never an exception, and within the per-case time budget.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  fuzzParameters,
  hostileParameter,
  hostileText,
  withinBudgetAsync,
} from '../core/fuzz-arbitraries.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import type { Repository } from '../store/repository.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { buildServer } from './app.ts';
import { eventFilterQuery, eventListQuery, exportQuery, searchQuery } from './schemas.ts';

const TOKEN = 'fuzz-token';
// Every parameter each read route's schema names, so the fuzz follows the API as it grows.
const keys = (schema: { properties: object }) => Object.keys(schema.properties);
const READS: readonly { path: string; params: readonly string[] }[] = [
  { path: '/api/search', params: keys(searchQuery) },
  { path: '/api/articles', params: ['limit', 'offset', 'source'] },
  { path: '/api/entities', params: ['q', 'type', 'limit', 'offset'] },
  { path: '/api/events', params: keys(eventListQuery) },
  { path: '/api/events/dyads', params: keys(eventFilterQuery) },
  { path: '/api/events/series', params: keys(eventFilterQuery) },
  { path: '/api/events/locations', params: keys(eventFilterQuery) },
  { path: '/api/events/export', params: keys(exportQuery) },
];
const ID_ROUTES = [
  '/api/articles/',
  '/api/entities/',
  '/api/entities/{}/mentions',
  '/api/entities/{}/timeline',
];

/** A 2xx, or a 4xx with { error: { code, message } }; anything else fails the property. */
function assertAnswered(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    const { error } = res.json();
    assert.equal(typeof error?.code, 'string', what);
    assert.equal(typeof error?.message, 'string', what);
  }
}

describe('HTTP API fuzz', () => {
  let dir: string;
  let store: Repository;
  let app: FastifyInstance;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-api-fuzz-'));
    const textLayer = createTextAnalyzer(loadLexicon());
    store = openSqliteRepository(join(dir, 'fuzz.db'), { textAnalyzer: textLayer });
    await store.migrate();
    app = await buildServer(
      {
        store,
        kb: loadCuratedKnowledgeBase(),
        analyze: createAnalyzer(),
        textLayer,
        curationLog: join(dir, 'curation.jsonl'),
      },
      { token: TOKEN, rateLimit: 0 },
    );
    const seeded = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: {
        text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.',
        publishedAt: '2024-04-10',
      },
    });
    assert.equal(seeded.statusCode, 200);
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('fuzz: any values in the read routes’ query parameters are answered, never a 5xx', async () => {
    const route = fc.constantFrom(...READS);
    const request = route.chain((r) =>
      fc.record({
        path: fc.constant(r.path),
        query: fc.dictionary(
          fc.oneof(fc.constantFrom(...r.params), fc.string({ maxLength: 8 })),
          hostileParameter,
          {
            maxKeys: 4,
          },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query }) => {
        const url = `${path}?${new URLSearchParams(query).toString()}`;
        const res = await withinBudgetAsync(`GET ${url}`, () => app.inject({ method: 'GET', url }));
        assertAnswered(res, `GET ${url}`);
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: any id in a path is answered, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ID_ROUTES), hostileParameter, async (route, id) => {
        // Every UTF-8 byte escaped (encodeURIComponent throws on a lone surrogate; UTF-8 writes it U+FFFD).
        const segment = [...Buffer.from(id, 'utf8')]
          .map((b) => `%${b.toString(16).padStart(2, '0')}`)
          .join('');
        const url = route.includes('{}') ? route.replace('{}', segment) : `${route}${segment}`;
        const res = await withinBudgetAsync(`GET ${url}`, () => app.inject({ method: 'GET', url }));
        assertAnswered(res, `GET ${url}`);
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: any body posted for analysis or storage is answered, never a 5xx', async () => {
    const body = fc.oneof(
      fc.record({ text: hostileText }, { requiredKeys: ['text'] }).map((b) => JSON.stringify(b)),
      fc
        .record({
          text: hostileText,
          title: hostileParameter,
          publishedAt: hostileParameter,
          url: hostileParameter,
        })
        .map((b) => JSON.stringify(b)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    );
    const route = fc.constantFrom('/api/analyze', '/api/articles', '/api/entities/merge');
    await fc.assert(
      fc.asyncProperty(
        route,
        body,
        fc.constantFrom('application/json', 'text/plain'),
        async (url, payload, type) => {
          const res = await withinBudgetAsync(`POST ${url}`, () =>
            app.inject({
              method: 'POST',
              url,
              headers: { 'content-type': type, authorization: `Bearer ${TOKEN}` },
              payload,
            }),
          );
          assertAnswered(res, `POST ${url} ${payload.slice(0, 100)}`);
        },
      ),
      fuzzParameters(0.25),
    );
  });
});
