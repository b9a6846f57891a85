import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSaudiNewsNet } from '../corpus/saudinewsnet.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { runInProcess } from './run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = runInProcess;

const articles = [
  {
    text: 'انعقد في مينسك اجتماع مجلس وزراء خارجية رابطة الدول المستقلة برئاسة سيرغي لافروف.',
    source: 'a',
    publishedAt: '2024-04-12',
  },
  {
    text: 'أدانت روسيا الهجوم الإرهابي على قاعة مدينة كروكوس في موسكو، والذي أسفر عن مقتل 144 شخصاً.',
    source: 'b',
    publishedAt: '2024-03-23',
  },
  { text: 'وقال سيرجي لافروف إن بلاده تدعم الحوار مع أرمينيا.', source: 'a', publishedAt: '2024-04-13' },
];

describe('marsad ingest and search', () => {
  const inputs = join(dir, 'in');
  mkdirSync(join(inputs, 'nested'), { recursive: true });
  writeFileSync(
    join(inputs, 'news.jsonl'),
    `${articles.map((a) => JSON.stringify(a)).join('\n')}\n{not json\n{"title":"no text"}\n`,
  );
  writeFileSync(
    join(inputs, 'nested', 'page.html'),
    `<html><head><title>خبر</title></head><body><article><p>${articles[0]!.text}</p></article></body></html>`,
  );
  writeFileSync(join(inputs, 'nested', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
  const db = join(dir, 'news.db');

  test('stores every good article once, reports every bad item, and a rerun adds nothing', async () => {
    const first = await run(['ingest', inputs, '--db', db, '--json', '--workers', '1']);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout);
    assert.equal(report.added, 3);
    assert.equal(report.duplicates, 1, 'the HTML page repeats the first article');
    assert.deepEqual(report.failed.map((f: { error: { code: string } }) => f.error.code).sort(), [
      'INGEST_BAD_LINE',
      'INGEST_BAD_LINE',
      'INPUT_BINARY',
    ]);
    const again = JSON.parse((await run(['ingest', inputs, '--db', db, '--json', '--workers', '1'])).stdout);
    assert.equal(again.added, 0);
    assert.equal(again.duplicates, 4);
  });

  test('search prints the contract: total, hits with snippets, facets; Lavrov finds both spellings', async () => {
    const { code, stdout } = await run(['search', 'Lavrov', '--db', db, '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.total, 2);
    for (const hit of result.hits) {
      assert.deepEqual(Object.keys(hit).sort(), ['articleId', 'score', 'snippet', 'title']);
      assert.match(hit.snippet, /\[(سيرغي|سيرجي) لافروف\]/);
    }
    assert.ok(result.facets.eventType && result.facets.country);
    assert.equal(result.facetsSampled, null, 'two matches: every one counted in the facets');
    const arabic = JSON.parse((await run(['search', 'لافروف', '--db', db, '--json'])).stdout);
    assert.deepEqual(
      arabic.hits.map((h: { articleId: string }) => h.articleId).sort(),
      result.hits.map((h: { articleId: string }) => h.articleId).sort(),
    );
  });

  test('bad flags get a clear error', async () => {
    const bad = await run(['search', 'x', '--db', db, '--limit', '0']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--limit needs a whole number from 1 to 100/);
    const postgres = await run(['ingest', inputs, '--db', 'postgres://localhost/marsad']);
    assert.notEqual(postgres.code, 0);
  });
});

test('a feed polled again asks for what changed: a 304 adds nothing, a new entry is all that is fetched', async () => {
  const feedXml = (items: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title>${items
      .map(
        (text, i) =>
          `<item><title>خبر ${i}</title><link>http://example.test/${i}</link><description>${text}</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">${text}</content:encoded></item>`,
      )
      .join('')}</channel></rss>`;
  let items = [articles[0]!.text];
  let version = 1;
  const conditional: string[] = [];
  const server = createServer((request, response) => {
    conditional.push(String(request.headers['if-none-match'] ?? ''));
    if (request.headers['if-none-match'] === `"v${version}"`) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"v${version}"` });
    response.end(feedXml(items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
  const db = join(dir, 'feeds.db');
  try {
    const poll = async () =>
      JSON.parse((await run(['ingest', url, '--db', db, '--json', '--workers', '1'])).stdout);
    assert.equal((await poll()).added, 1);
    const unchanged = await poll();
    assert.equal(unchanged.added + unchanged.duplicates, 0, 'a 304: nothing read');
    assert.deepEqual(conditional, ['', '"v1"'], 'the second poll sent the ETag of the first');
    items = [articles[0]!.text, articles[1]!.text];
    version = 2;
    const changed = await poll();
    assert.equal(changed.added, 1);
    assert.equal(changed.duplicates, 1);
  } finally {
    server.close();
  }
});

test('killed with SIGKILL in the middle, a rerun stores every article exactly once', {
  timeout: 240_000,
}, async () => {
  const source = join(dir, 'saudi.jsonl');
  const lines: string[] = [];
  for (const a of readSaudiNewsNet({ limit: 150 }))
    if (a.text.trim())
      lines.push(JSON.stringify({ id: a.id, text: a.text, source: a.source, publishedAt: a.date }));
  writeFileSync(source, `${lines.join('\n')}\n`);
  const db = join(dir, 'killed.db');
  const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
  const ingestOnce = (into: string, killAfterStored?: number) =>
    new Promise<void>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', bin, 'ingest', source, '--db', into, '--workers', '2'],
        {
          stdio: 'ignore',
        },
      );
      let timer: NodeJS.Timeout | undefined;
      if (killAfterStored !== undefined)
        timer = setInterval(async () => {
          if ((await articlesIn(into)) >= killAfterStored) child.kill('SIGKILL');
        }, 100);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
  await ingestOnce(db, 20);
  const partial = await articlesIn(db);
  assert.ok(partial > 0 && partial < lines.length, `${partial} stored before the kill`);
  await ingestOnce(db);
  // The same input ingested in one go, uninterrupted, is the reference.
  const reference = join(dir, 'reference.db');
  await ingestOnce(reference);
  assert.equal(await articlesIn(db), await articlesIn(reference));
  assert.ok((await articlesIn(reference)) > lines.length / 2);
});

async function articlesIn(path: string): Promise<number> {
  const store = openSqliteRepository(path);
  try {
    await store.migrate();
    return (await store.stats()).articles;
  } catch {
    return 0;
  } finally {
    await store.close();
  }
}
