// The API as a client sees it, through fastify's inject (no socket), over a real SQLite store and the
// shipped models: reads, writes behind the token, one error shape, validation of every input,
// limits and security headers. The browser's view is in e2e.test.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import type { Repository } from '../store/repository.ts';
import { LATEST_SCHEMA } from '../store/shared.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { buildServer, type ServerDeps, type ServerOptions } from './app.ts';
import { CACHE_HEADER } from './response-cache.ts';

const TOKEN = 'test-token-123';
const auth = { authorization: `Bearer ${TOKEN}` };
const LAVROV = {
  text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو لبحث التعاون بين البلدين.',
  title: 'لافروف في موسكو',
  publishedAt: '2024-04-10',
  source: 'test',
};
const HOSTILE = {
  text: 'قال لافروف <script>window.__pwned = 1</script> إن <img src=x onerror="window.__pwned=2"> روسيا ترفض العقوبات.',
  title: '<b onmouseover="alert(1)">عنوان</b>',
  publishedAt: '2024-04-12',
};

const dir = mkdtempSync(join(tmpdir(), 'marsad-api-'));
let stores = 0;
const analyze = createAnalyzer();
const kb = loadCuratedKnowledgeBase();
const textLayer = createTextAnalyzer(loadLexicon());

async function server(
  options: ServerOptions = { token: TOKEN, rateLimit: 0 },
  wrap: (store: Repository) => Repository = (store) => store,
) {
  const path = join(dir, `api-${++stores}.db`);
  const store: Repository = wrap(openSqliteRepository(path, { textAnalyzer: textLayer }));
  await store.migrate();
  const deps: ServerDeps = {
    store,
    kb,
    analyze,
    textLayer,
    curationLog: join(dir, `curation-${stores}.jsonl`),
  };
  const app = await buildServer(deps, options);
  return { app, store, path };
}

after(() => rmSync(dir, { recursive: true, force: true }));

describe('HTTP API', () => {
  let app: FastifyInstance;
  let store: Repository;
  let lavrovId: string;

  before(async () => {
    ({ app, store } = await server());
    const posted = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: LAVROV });
    assert.equal(posted.statusCode, 200, posted.body);
    lavrovId = posted.json().id;
    assert.equal(posted.json().outcome, 'added');
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test('health: ok and the schema version, read live on every request', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ url: '/api/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { ok: true, schemaVersion: LATEST_SCHEMA });
      assert.equal(res.headers[CACHE_HEADER], undefined);
    }
    assert.ok((await app.inject({ url: '/openapi.json' })).json().paths['/api/health']);
  });

  test('posting the same article again stores nothing new', async () => {
    const again = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: LAVROV });
    assert.deepEqual(again.json(), { id: lavrovId, outcome: 'duplicate' });
    assert.equal((await store.stats()).articles, 1);
  });

  test('an article comes back with its analysis: text, mentions linked to entities, events', async () => {
    const res = await app.inject({ url: `/api/articles/${lavrovId}` });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.source, 'test');
    assert.equal(body.analysis.article.text, LAVROV.text);
    const lavrov = body.analysis.mentions.find((m: { entity: string }) => m.entity === 'per:sergey-lavrov');
    assert.ok(lavrov, 'Lavrov is linked');
    assert.equal(LAVROV.text.slice(lavrov.start, lavrov.end), lavrov.text);
    assert.ok(body.analysis.events.length > 0);
  });

  test('search is entity-aware and cross-lingual: Lavrov, لافروف and سيرجي لافروف find the article', async () => {
    for (const q of ['Lavrov', 'لافروف', 'سيرجي لافروف']) {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, q);
      const body = res.json();
      assert.equal(body.total, 1, q);
      assert.equal(body.hits[0].articleId, lavrovId);
      assert.match(body.hits[0].snippet, /\[/);
      assert.ok(body.facets.entityType.PER >= 1);
    }
  });

  test('analyze returns the analysis JSON and stores nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      payload: { text: LAVROV.text, publishedAt: '2024-04-10' },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).slice(0, 3), ['article', 'sentences', 'tokens']);
    assert.ok(body.entities.some((e: { id: string }) => e.id === 'per:sergey-lavrov'));
    assert.equal((await store.stats()).articles, 1);
  });

  test('stats and the OpenAPI document', async () => {
    assert.equal((await app.inject({ url: '/api/stats' })).json().articles, 1);
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    assert.equal(doc.openapi.slice(0, 2), '3.');
    for (const path of [
      '/api/search',
      '/api/articles/{id}',
      '/api/entities/{id}',
      '/api/events',
      '/api/analyze',
    ])
      assert.ok(doc.paths[path], path);
    assert.equal((await app.inject({ url: '/docs' })).statusCode < 400, true);
  });

  test('writes need the token: none or a wrong one is refused with 401 and nothing is stored', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }]) {
      const res = await app.inject({ method: 'POST', url: '/api/articles', headers, payload: HOSTILE });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHORIZED');
    }
    const merge = await app.inject({
      method: 'POST',
      url: '/api/entities/merge',
      payload: { from: 'a', into: 'b' },
    });
    assert.equal(merge.statusCode, 401);
    assert.equal((await store.stats()).articles, 1);
  });

  test('bad input gets a 400 with a code and a message that names the problem', async () => {
    const cases: [string, string | undefined, RegExp][] = [
      ['/api/search?limit=0', undefined, /limit/],
      ['/api/search?limit=abc', undefined, /limit/],
      ['/api/search?eventType=BOMB', undefined, /eventType/],
      ['/api/search?from=2024-02-30', undefined, /2024-02-30/],
      ['/api/search?frm=2024-01-01', undefined, /additional/],
      ['/api/events?offset=-1', undefined, /offset/],
      ['/api/events/export?format=xml', undefined, /format/],
      ['/api/articles', '{"text": ""}', /text/],
      ['/api/articles', '{"text": "نص", "publishedAt": "yesterday"}', /publishedAt/],
      ['/api/articles', '{"text": "نص", "evil": 1}', /additional/],
      ['/api/articles', '{"text": "نص", "url": "javascript:alert(1)"}', /url/],
      ['/api/analyze', '{not json', /JSON/i],
      ['/api/analyze', '[]', /object/],
    ];
    for (const [url, payload, message] of cases) {
      const res = await app.inject({
        method: payload === undefined ? 'GET' : 'POST',
        url,
        headers: { ...auth, 'content-type': 'application/json' },
        ...(payload !== undefined && { payload }),
      });
      assert.equal(res.statusCode, 400, `${url} ${payload}: ${res.body}`);
      const { error } = res.json();
      assert.equal(typeof error.code, 'string');
      assert.match(error.message, message, url);
    }
  });

  test('unknown things are 404 in the same shape', async () => {
    for (const url of ['/api/articles/nope', '/api/entities/per:nobody-at-all', '/api/nothing-here']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(typeof res.json().error.message, 'string');
    }
  });

  test('binary, empty and huge bodies are refused cleanly', async () => {
    const binary = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0, 1, 2, 255]),
    });
    assert.equal(binary.statusCode, 415);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    assert.equal(empty.statusCode, 400);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      payload: { text: 'ب'.repeat(2 * 1024 * 1024) },
    });
    assert.equal(huge.statusCode, 413, huge.body);
    assert.equal(huge.json().error.code, 'FST_ERR_CTP_BODY_TOO_LARGE');
  });

  test('a hostile article is stored and served as data: its markup is text in the JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: HOSTILE });
    assert.equal(res.statusCode, 200);
    const stored = (await app.inject({ url: `/api/articles/${res.json().id}` })).json();
    assert.equal(stored.analysis.article.text, HOSTILE.text);
    assert.equal(stored.analysis.article.title, HOSTILE.title);
  });

  test('security headers: a strict content security policy, no sniffing, no framing', async () => {
    const res = await app.inject({ url: '/api/stats' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });
});

describe('HTTP API access settings', () => {
  test('without a token the server accepts no writes', async () => {
    const { app, store } = await server({ rateLimit: 0 });
    const res = await app.inject({ method: 'POST', url: '/api/articles', payload: LAVROV });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'WRITES_DISABLED');
    assert.equal((await app.inject({ url: '/api/stats' })).statusCode, 200, 'reads stay open');
    await app.close();
    await store.close();
  });

  test('protectReads puts reads behind the token too', async () => {
    const { app, store } = await server({ token: TOKEN, protectReads: true, rateLimit: 0 });
    assert.equal((await app.inject({ url: '/api/stats' })).statusCode, 401);
    assert.equal((await app.inject({ url: '/api/stats', headers: auth })).statusCode, 200);
    await app.close();
    await store.close();
  });

  test('the rate limit answers 429 past the allowance', async () => {
    const { app, store } = await server({ token: TOKEN, rateLimit: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ url: '/api/stats' })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 429, 429]);
    await app.close();
    await store.close();
  });
});

describe('response cache', () => {
  const get = async (app: FastifyInstance, url: string, headers = {}) => {
    const res = await app.inject({ url, headers });
    return { status: res.statusCode, cache: res.headers[CACHE_HEADER], body: res.body };
  };
  const articles = async (app: FastifyInstance) => JSON.parse((await get(app, '/api/stats')).body).articles;

  test('a read is answered from the cache until the store changes, by this server or another process', async () => {
    const { app, store, path } = await server();
    const first = await get(app, '/api/events?type=CONSULT');
    assert.equal(first.cache, 'miss');
    assert.deepEqual(await get(app, '/api/events?type=CONSULT'), { ...first, cache: 'hit' });
    // The query string is part of the key.
    assert.equal((await get(app, '/api/events?type=AGREE')).cache, 'miss');

    await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: LAVROV });
    const afterPost = await get(app, '/api/events?type=CONSULT');
    assert.equal(afterPost.cache, 'miss');
    assert.equal(JSON.parse(afterPost.body).total, 1, 'the posted article’s meeting');
    assert.equal((await get(app, '/api/events?type=CONSULT')).cache, 'hit');

    // Another connection to the same file, as `marsad ingest` in another process would be.
    const other = openSqliteRepository(path, { textAnalyzer: textLayer });
    await other.saveArticle({
      doc: analyze(HOSTILE),
      language: 'ar',
      contentHash: 'hostile',
    });
    await other.close();
    const afterIngest = await get(app, '/api/stats');
    assert.equal(afterIngest.cache, 'miss');
    assert.equal(JSON.parse(afterIngest.body).articles, 2);
    await app.close();
    await store.close();
  });

  test('only successful JSON reads are kept: not errors, not exports, not writes', async () => {
    const { app, store } = await server();
    for (const url of ['/api/entities/per:nobody', '/api/events/export?format=csv']) {
      const first = await get(app, url);
      assert.equal(first.cache, 'miss', url);
      assert.equal((await get(app, url)).cache, 'miss', url);
    }
    assert.equal((await get(app, '/api/events?limit=0')).status, 400);
    assert.equal((await get(app, '/api/events?limit=0')).cache, undefined, 'refused before the cache');
    const posted = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: LAVROV });
    assert.equal(posted.headers[CACHE_HEADER], undefined);
    await app.close();
    await store.close();
  });

  test('a cached read still needs the token when reads are protected', async () => {
    const { app, store } = await server({ token: TOKEN, protectReads: true, rateLimit: 0 });
    assert.equal((await get(app, '/api/stats', auth)).cache, 'miss');
    assert.equal((await get(app, '/api/stats', auth)).cache, 'hit');
    assert.equal((await get(app, '/api/stats')).status, 401);
    await app.close();
    await store.close();
  });

  test('a store that cannot tell when it changed: a response lives cacheTtlMs, then is read again', async () => {
    const ttl = 200;
    const { app, store } = await server({ token: TOKEN, rateLimit: 0, cacheTtlMs: ttl }, (s) => ({
      ...s,
      dataVersion: async () => null,
    }));
    assert.equal(await articles(app), 0);
    await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: LAVROV });
    assert.equal(await articles(app), 0, 'stale for up to the TTL');
    await new Promise((resolve) => setTimeout(resolve, ttl + 50));
    assert.equal(await articles(app), 1);
    await app.close();
    await store.close();
  });

  test('full: the least recently used response goes first; cacheBytes 0 keeps none', async () => {
    // An empty page is 22 bytes: eighteen fit in 400.
    const { app, store } = await server({ token: TOKEN, rateLimit: 0, cacheBytes: 400 });
    const urls = Array.from({ length: 20 }, (_, i) => `/api/events?offset=${i + 10}`);
    for (const url of urls) assert.equal((await get(app, url)).cache, 'miss');
    assert.equal((await get(app, urls[0]!)).cache, 'miss', 'the first was dropped');
    assert.equal((await get(app, urls.at(-1)!)).cache, 'hit');
    await app.close();
    await store.close();

    const off = await server({ token: TOKEN, rateLimit: 0, cacheBytes: 0 });
    await get(off.app, '/api/stats');
    assert.equal((await get(off.app, '/api/stats')).cache, undefined);
    await off.app.close();
    await off.store.close();
  });
});
