import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, createApi, type Fetch } from './api.ts';

/** A fetch that records what it was asked and answers `body` with `status`. */
function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

test('entity ids are encoded as one path segment (they hold `:`)', async () => {
  const { fetch, calls } = fakeFetch(200, []);
  const api = createApi(fetch);
  await api.entityTimeline('country:ru');
  await api.cooccurrence('per:a/b', 12);
  assert.deepEqual(
    calls.map((c) => c.url),
    ['/api/entities/country%3Aru/timeline', '/api/entities/per%3Aa%2Fb/cooccurrence?limit=12'],
  );
});

test('empty filters are left out and Arabic queries are encoded', async () => {
  const { fetch, calls } = fakeFetch(200, { total: 0, hits: [], facets: {} });
  await createApi(fetch).search({ q: 'هجوم & سلام', entity: '', sort: 'date', offset: 0 });
  assert.equal(calls[0]!.url, `/api/search?q=${encodeURIComponent('هجوم & سلام')}&sort=date&offset=0`);
});

test('event filters go to every events endpoint the same way', async () => {
  const { fetch, calls } = fakeFetch(200, []);
  const api = createApi(fetch);
  const filters = { type: 'ASSAULT', country: 'country:sy', from: '2024-01-01' };
  await api.dyads(filters);
  await api.series(filters);
  const query = 'type=ASSAULT&country=country%3Asy&from=2024-01-01';
  assert.deepEqual(
    calls.map((c) => c.url),
    [`/api/events/dyads?${query}`, `/api/events/series?${query}`],
  );
  assert.equal(api.exportHref('tsv', filters), `/api/events/export?format=tsv&${query}`);
});

test('an error response becomes an ApiError with the server code', async () => {
  const { fetch } = fakeFetch(404, { error: { code: 'NOT_FOUND', message: 'no article a-1' } });
  await assert.rejects(createApi(fetch).article('a-1'), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.message, 'no article a-1');
    return true;
  });
});

test('an error without a JSON body still says its status', async () => {
  const { fetch } = fakeFetch(502, 'Bad Gateway');
  await assert.rejects(createApi(fetch).stats(), { name: 'ApiError', code: 'HTTP_502' });
});

test('analyze posts JSON', async () => {
  const { fetch, calls } = fakeFetch(200, { article: { id: 'a-1', text: '' } });
  await createApi(fetch).analyze({ text: 'نص', publishedAt: '2024-04-12' });
  const init = calls[0]!.init!;
  assert.equal(calls[0]!.url, '/api/analyze');
  assert.equal(init.method, 'POST');
  assert.deepEqual(JSON.parse(String(init.body)), { text: 'نص', publishedAt: '2024-04-12' });
});
