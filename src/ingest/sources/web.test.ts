import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { IngestItem } from './item.ts';
import { type FeedState, fetchArticle, readFeed } from './web.ts';

const BODY =
  'التقى وزير الخارجية الروسي سيرغي لافروف نظيره البيلاروسي في مينسك يوم الجمعة وبحثا التعاون الثنائي.';
const ETAG = '"rss-v1"';
const LAST_MODIFIED = 'Fri, 12 Apr 2024 10:00:00 GMT';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة الأنباء</title><link>/</link>
<item><title>لافروف في مينسك</title><link>/news/1</link><guid isPermaLink="false">n1</guid>
<pubDate>Fri, 12 Apr 2024 09:00:00 +0300</pubDate><description>ملخص قصير</description>
<content:encoded><![CDATA[<p>${BODY}</p><p>وأضاف أن الاجتماع كان مثمرا.</p>]]></content:encoded></item>
<item><title>خبر ثان</title><link>/news/2</link><pubDate>Sat, 13 Apr 2024 09:00:00 +0300</pubDate>
<description>&lt;p&gt;${BODY}&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><title>ملخص فقط</title><link rel="self" href="/self/a"/><link rel="alternate" href="/pages/a.html"/>
<id>urn:a</id><published>2024-04-12T23:30:00-05:00</published><updated>2024-04-14T00:00:00Z</updated>
<summary>ملخص الخبر في سطر واحد.</summary></entry>
<entry><title>صفحة مفقودة</title><link href="/pages/missing.html"/><id>urn:b</id>
<updated>2024-04-13T08:00:00Z</updated><summary>ملخص آخر.</summary></entry>
<entry><title>بلا رابط</title><id>urn:c</id><updated>2024-04-13T08:00:00Z</updated>
<summary>ملخص بلا رابط يبقى كما هو.</summary></entry>
</feed>`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>لافروف | الموقع</title>
<meta property="og:title" content="لافروف يلتقي نظيره">
<meta property="article:published_time" content="2024-04-11T08:00:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>لافروف يلتقي نظيره</h1><p>${BODY}</p>
<p>وأكد الجانبان متانة العلاقات.</p></article><footer>حقوق النشر</footer></body></html>`;

/** windows-1256 bytes of "الرياض": how many Arabic sites still serve pages. */
const CP1256_PAGE = Buffer.concat([
  Buffer.from(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>',
  ),
  Buffer.from([0xc7, 0xe1, 0xd1, 0xed, 0xc7, 0xd6]),
  Buffer.from('</p></body></html>'),
]);

const GZIP_BOMB = gzipSync(Buffer.alloc(40 << 20, 0x61));

let server: Server;
let base: string;
const hits = new Map<string, number>();
const conditionals: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  switch (path) {
    case '/rss': {
      const tag = req.headers['if-none-match'];
      if (tag) conditionals.push(`rss if-none-match ${tag}`);
      if (tag === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG });
      return void res.end(RSS);
    }
    case '/atom': {
      const since = req.headers['if-modified-since'];
      if (since) conditionals.push(`atom if-modified-since ${since}`);
      if (since === LAST_MODIFIED) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': LAST_MODIFIED });
      return void res.end(ATOM);
    }
    case '/pages/a.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(PAGE);
    case '/pages/cp1256.html':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(CP1256_PAGE);
    case '/moved-feed':
      return void res.writeHead(301, { location: '/rss' }).end();
    case '/loop-a':
      return void res.writeHead(302, { location: '/loop-b' }).end();
    case '/loop-b':
      return void res.writeHead(302, { location: `${base}/loop-a` }).end();
    case '/to-file':
      return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    case '/endless': {
      // An endless chunked body: only the client's size limit ends it.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss><channel>');
      const chunk = `<item><title>${'x'.repeat(65_000)}</title></item>`;
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    case '/gzip-bomb':
      // 40 KiB on the wire, 40 MiB once inflated.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return void res.end(GZIP_BOMB);
    case '/declared-huge':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(1 << 30) });
      return void res.write('<html>');
    case '/malformed':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end('<rss><channel><item><title>مقطوع</title></channel></rss>');
    case '/html-page':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(PAGE);
    case '/silent':
      return; // never answers
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.write('<html><body>'); // and never ends
    case '/image':
      res.writeHead(200, { 'content-type': 'image/png' });
      return void res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
  }
}

before(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function codes(items: IngestItem[]) {
  return items.map((item) => (item.ok ? 'ok' : item.error.code));
}

describe('readFeed', () => {
  test('RSS with an ETag: entries on the first poll, a 304 and nothing on the second', async () => {
    const state: FeedState = {};
    const first = await collect(readFeed(`${base}/rss`, { state, summaryChars: 50 }));
    assert.deepEqual(codes(first), ['ok', 'ok']);
    assert.deepEqual(state, { etag: ETAG });
    const [a, b] = first;
    assert.ok(a?.ok && b?.ok);
    assert.equal(a.origin, `${base}/news/1`);
    assert.deepEqual(a.article, {
      url: `${base}/news/1`,
      source: '127.0.0.1',
      publishedAt: '2024-04-12',
      title: 'لافروف في مينسك',
      text: `${BODY}\nوأضاف أن الاجتماع كان مثمرا.`,
    });
    assert.equal(a.language, 'ar');
    // Item 2's description is long enough to be the article: no page fetch for it.
    assert.equal(b.article.text, BODY);
    assert.equal(hits.get('/news/2'), undefined);

    const second = await collect(readFeed(`${base}/rss`, { state }));
    assert.deepEqual(second, []);
    assert.deepEqual(
      conditionals.filter((c) => c.startsWith('rss')),
      [`rss if-none-match ${ETAG}`],
    );
    assert.deepEqual(state, { etag: ETAG });
  });

  test('Atom with Last-Modified: summaries replaced by their pages, then a 304', async () => {
    const state: FeedState = {};
    const items = await collect(readFeed(`${base}/atom`, { state, summaryChars: 100 }));
    assert.deepEqual(codes(items), ['ok', 'FETCH_STATUS', 'ok']);
    const [page, missing, noLink] = items;
    assert.ok(page?.ok && missing && !missing.ok && noLink?.ok);
    assert.deepEqual(page.article, {
      url: `${base}/pages/a.html`,
      source: '127.0.0.1',
      publishedAt: '2024-04-12', // the feed's <published>, as written, not the page's date
      title: 'ملخص فقط',
      text: `لافروف يلتقي نظيره\n${BODY}\nوأكد الجانبان متانة العلاقات.`,
    });
    assert.equal(missing.origin, `${base}/pages/missing.html`);
    assert.match(missing.error.message, /HTTP 404/);
    assert.equal(noLink.origin, `${base}/atom#3`);
    assert.equal(noLink.article.text, 'ملخص بلا رابط يبقى كما هو.');
    assert.deepEqual(state, { lastModified: LAST_MODIFIED });

    assert.deepEqual(await collect(readFeed(`${base}/atom`, { state })), []);
    assert.deepEqual(
      conditionals.filter((c) => c.startsWith('atom')),
      [`atom if-modified-since ${LAST_MODIFIED}`],
    );
  });

  test("fetchArticles 'never' keeps the feed's summaries and fetches no page", async () => {
    const before = hits.get('/pages/a.html') ?? 0;
    const items = await collect(readFeed(`${base}/atom`, { fetchArticles: 'never' }));
    assert.deepEqual(codes(items), ['ok', 'ok', 'ok']);
    assert.equal(hits.get('/pages/a.html') ?? 0, before);
    assert.ok(items[0]!.ok && items[0]!.article.text === 'ملخص الخبر في سطر واحد.');
  });

  test('skipLink: entries already stored are neither yielded nor fetched', async () => {
    const before = hits.get('/pages/a.html') ?? 0;
    const items = await collect(
      readFeed(`${base}/atom`, { skipLink: async (link) => link.endsWith('/a.html') }),
    );
    assert.deepEqual(
      items.map((item) => item.origin.slice(base.length)),
      ['/pages/missing.html', '/atom#3'],
    );
    assert.equal(hits.get('/pages/a.html') ?? 0, before);
  });

  test('a consumer that stops early leaves the state as it was', async () => {
    const state: FeedState = { etag: '"old"' };
    for await (const _ of readFeed(`${base}/rss`, { state })) break;
    assert.deepEqual(state, { etag: '"old"' });
  });

  test('a redirect is followed; a redirect loop and a redirect off http are one error item', async () => {
    const moved = await collect(readFeed(`${base}/moved-feed`, { fetchArticles: 'never' }));
    assert.deepEqual(codes(moved), ['ok', 'ok']);
    assert.ok(moved[0]!.ok && moved[0]!.article.url === `${base}/news/1`);

    const loop = await collect(readFeed(`${base}/loop-a`, { maxRedirects: 4 }));
    assert.deepEqual(codes(loop), ['FETCH_REDIRECTS']);
    assert.equal(loop[0]!.origin, `${base}/loop-a`);
    assert.equal(hits.get('/loop-a'), 3);

    assert.deepEqual(codes(await collect(readFeed(`${base}/to-file`))), ['FETCH_BAD_URL']);
    assert.deepEqual(codes(await collect(readFeed('ftp://example.com/feed'))), ['FETCH_BAD_URL']);
    assert.deepEqual(codes(await collect(readFeed('not a url'))), ['FETCH_BAD_URL']);
  });

  test('an endless body and a huge declared length stop at the size limit', async () => {
    const started = performance.now();
    const endless = await collect(readFeed(`${base}/endless`, { maxBytes: 1 << 20 }));
    assert.deepEqual(codes(endless), ['FETCH_TOO_LARGE']);
    assert.ok(performance.now() - started < 5000);
    assert.deepEqual(codes(await collect(readFeed(`${base}/declared-huge`))), ['FETCH_TOO_LARGE']);
  });

  test('a gzip bomb stops at the limit on inflated bytes', async () => {
    assert.ok(GZIP_BOMB.length < 100_000);
    const item = await fetchArticle(`${base}/gzip-bomb`);
    assert.ok(!item.ok);
    assert.equal(item.error.code, 'FETCH_TOO_LARGE');
    assert.match(item.error.message, /8\.0 MiB limit/);
  });

  test('a malformed feed and an HTML page are one error item each', async () => {
    const malformed = await collect(readFeed(`${base}/malformed`));
    assert.deepEqual(codes(malformed), ['FEED_MALFORMED']);
    const html = await collect(readFeed(`${base}/html-page`));
    assert.deepEqual(codes(html), ['FEED_NOT_A_FEED']);
    assert.match((html[0] as { error: { message: string } }).error.message, /HTML page/);
  });

  test('a server that does not answer, or stops mid-body, times out', async () => {
    const started = performance.now();
    assert.deepEqual(codes(await collect(readFeed(`${base}/silent`, { timeoutMs: 300 }))), ['FETCH_TIMEOUT']);
    assert.deepEqual(codes(await collect(readFeed(`${base}/slow-body`, { timeoutMs: 300 }))), [
      'FETCH_TIMEOUT',
    ]);
    assert.ok(performance.now() - started < 3000);
  });

  test('a refused connection is FETCH_FAILED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const items = await collect(readFeed(`http://127.0.0.1:${port}/feed`));
    assert.deepEqual(codes(items), ['FETCH_FAILED']);
    assert.match((items[0] as { error: { message: string } }).error.message, /ECONNREFUSED/);
  });

  test('the fetch is injectable', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(RSS, { headers: { 'content-type': 'application/rss+xml', etag: '"fake"' } });
    };
    const state: FeedState = {};
    const items = await collect(
      readFeed('https://news.example/feed', { fetch: fake, state, fetchArticles: 'never' }),
    );
    assert.deepEqual(codes(items), ['ok', 'ok']);
    assert.deepEqual(seen, ['https://news.example/feed']);
    assert.ok(items[0]!.ok && items[0]!.article.url === 'https://news.example/news/1');
    assert.ok(items[0]!.ok && items[0]!.article.source === 'news.example');
    assert.deepEqual(state, { etag: '"fake"' });
  });
});

describe('fetchArticle', () => {
  test('one page: text, title and date from its meta tags, url and source', async () => {
    const item = await fetchArticle(`${base}/pages/a.html`);
    assert.ok(item.ok);
    assert.deepEqual(item.article, {
      url: `${base}/pages/a.html`,
      source: '127.0.0.1',
      publishedAt: '2024-04-11',
      title: 'لافروف يلتقي نظيره',
      text: `لافروف يلتقي نظيره\n${BODY}\nوأكد الجانبان متانة العلاقات.`,
    });
  });

  test('a windows-1256 page is decoded by its meta charset', async () => {
    const item = await fetchArticle(`${base}/pages/cp1256.html`);
    assert.ok(item.ok);
    assert.equal(item.article.text, 'الرياض');
  });

  test('an image, a 404 and a silent server are error items named by the URL', async () => {
    const image = await fetchArticle(`${base}/image`);
    assert.ok(!image.ok);
    assert.equal(image.error.code, 'FETCH_NOT_TEXT');
    assert.equal(image.origin, `${base}/image`);
    const missing = await fetchArticle(`${base}/nothing-here`);
    assert.ok(!missing.ok && missing.error.code === 'FETCH_STATUS');
    const silent = await fetchArticle(`${base}/silent`, { timeoutMs: 200 });
    assert.ok(!silent.ok && silent.error.code === 'FETCH_TIMEOUT');
  });
});
