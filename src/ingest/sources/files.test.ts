import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { walkPaths } from './files.ts';
import type { IngestItem } from './item.ts';
import { readJsonLines, splitLines } from './jsonl.ts';

const ARTICLE = 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره البيلاروسي في مينسك يوم الجمعة وبحثا التعاون.';
const ENGLISH =
  'The foreign minister met his counterpart in Minsk on Friday and the two discussed cooperation.';

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function okItems(items: IngestItem[]) {
  return items.flatMap((item) => (item.ok ? [item] : []));
}

function errors(items: IngestItem[]) {
  return items.flatMap((item) => (item.ok ? [] : [item]));
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-files-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('walkPaths', () => {
  test('walks nested directories in sorted order, skipping hidden files and symlink loops', async () => {
    const root = join(dir, 'tree');
    await mkdir(join(root, 'b', 'deeper'), { recursive: true });
    await mkdir(join(root, 'a'));
    await mkdir(join(root, '.git'));
    await writeFile(join(root, 'b', 'deeper', 'z.txt'), ARTICLE);
    await writeFile(join(root, 'b', '2.txt'), ARTICLE.replace('الجمعة', 'السبت'));
    await writeFile(join(root, 'b', '10.txt'), ARTICLE.replace('الجمعة', 'الأحد'));
    await writeFile(join(root, 'a', 'one.txt'), ARTICLE.replace('الجمعة', 'الاثنين'));
    await writeFile(join(root, '.hidden.txt'), 'must not be read');
    await writeFile(join(root, '.git', 'HEAD'), 'must not be read');
    await writeFile(join(root, 'en.txt'), ENGLISH);
    await symlink(root, join(root, 'b', 'loop')); // a link back to the root
    await symlink(join(root, 'a', 'one.txt'), join(root, 'link-to-one.txt')); // the same file again

    const items = await collect(walkPaths([root]));
    assert.deepEqual(errors(items), []);
    assert.deepEqual(
      items.map((item) => item.origin.slice(root.length + 1)),
      ['a/one.txt', 'b/10.txt', 'b/2.txt', 'b/deeper/z.txt', 'en.txt'],
    );
    const en = okItems(items).find((item) => item.origin.endsWith('en.txt'))!;
    assert.equal(en.language, 'en');
    assert.equal(en.article.text, ENGLISH);
    assert.ok(
      okItems(items)
        .filter((item) => item !== en)
        .every((item) => item.language === 'ar'),
    );
  });

  test('a missing path and a broken link are error items; the walk goes on', async () => {
    const root = join(dir, 'broken');
    await mkdir(root);
    await symlink(join(root, 'nowhere'), join(root, 'dangling'));
    await writeFile(join(root, 'ok.txt'), ARTICLE);
    const items = await collect(walkPaths([join(dir, 'no-such-dir'), root]));
    assert.deepEqual(
      items.map((item) => [item.ok, item.ok ? '' : item.error.code]),
      [
        [false, 'INPUT_NOT_FOUND'],
        [false, 'INPUT_NOT_FOUND'],
        [true, ''],
      ],
    );
  });

  test('binary, UTF-16, invalid UTF-8, empty and over-limit files are error items', async () => {
    const root = join(dir, 'bad');
    await mkdir(root);
    await writeFile(
      join(root, 'a.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    await writeFile(
      join(root, 'b.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]),
    );
    await writeFile(join(root, 'c.txt'), Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0xc7, 0xe1])]));
    await writeFile(join(root, 'd.txt'), '  \n\n ');
    await writeFile(join(root, 'e.txt'), ARTICLE.repeat(50));
    await writeFile(join(root, 'f.txt'), ARTICLE);
    const items = await collect(walkPaths([root], { maxBytes: 4096 }));
    assert.deepEqual(
      items.map((item) => (item.ok ? 'ok' : item.error.code)),
      ['INPUT_BINARY', 'INPUT_UTF16', 'INPUT_NOT_UTF8', 'INGEST_EMPTY', 'INPUT_TOO_LARGE', 'ok'],
    );
    for (const item of errors(items)) assert.ok(item.error.message.length > 10);
  });

  test('an HTML page gives its article, title and date', async () => {
    const path = join(dir, 'page.html');
    await writeFile(
      path,
      `<!doctype html><html><head><title>عنوان الخبر</title>
       <meta property="article:published_time" content="2024-04-12T09:30:00+03:00"></head>
       <body><nav><a href="/">الرئيسية</a></nav><article><p>${ARTICLE}</p><p>${ARTICLE}</p></article></body></html>`,
    );
    const [item] = await collect(walkPaths([path]));
    assert.ok(item?.ok);
    assert.equal(item.article.title, 'عنوان الخبر');
    assert.equal(item.article.publishedAt, '2024-04-12');
    assert.equal(item.article.text, `${ARTICLE}\n${ARTICLE}`);
  });

  test('an HTML bomb: deep nesting is read in bounded time, a 20 MB page is refused', async () => {
    const deep = join(dir, 'deep.html');
    const depth = 200_000;
    await writeFile(
      deep,
      `<html><body>${'<div>'.repeat(depth)}<p>${ARTICLE}</p>${'</div>'.repeat(depth)}</body></html>`,
    );
    const started = performance.now();
    const [item] = await collect(walkPaths([deep]));
    assert.ok(performance.now() - started < 5000, 'deep nesting took too long');
    assert.ok(item?.ok);
    assert.match(item.article.text, /لافروف/);

    const huge = join(dir, 'huge.html');
    await writeFile(huge, `<html><body>${'<p>كلمة</p>'.repeat(1_400_000)}</body></html>`);
    const [refused] = await collect(walkPaths([huge]));
    assert.ok(refused && !refused.ok);
    assert.equal(refused.error.code, 'INPUT_TOO_LARGE');
    assert.match(refused.error.message, /over the 8\.0 MiB limit/);
  });

  test('an RSS file gives one item per entry, named path#N', async () => {
    const path = join(dir, 'feed.xml');
    await writeFile(
      path,
      `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title>
<item><title>الأول</title><link>https://example.com/1</link><pubDate>Fri, 12 Apr 2024 09:00:00 +0300</pubDate>
<description>&lt;p&gt;${ARTICLE}&lt;/p&gt;</description></item>
<item><title>بلا نص</title><link>https://example.com/2</link></item>
</channel></rss>`,
    );
    const items = await collect(walkPaths([path]));
    assert.deepEqual(
      items.map((item) => [item.origin.slice(dir.length + 1), item.ok ? 'ok' : item.error.code]),
      [
        ['feed.xml#1', 'ok'],
        ['feed.xml#2', 'INGEST_EMPTY'],
      ],
    );
    const first = items[0]!;
    assert.ok(first.ok);
    assert.deepEqual(first.article, {
      url: 'https://example.com/1',
      publishedAt: '2024-04-12',
      title: 'الأول',
      text: ARTICLE,
    });
  });

  test('a malformed feed file and a non-feed XML file are one error item each', async () => {
    const cut = join(dir, 'cut.rss');
    await writeFile(cut, `<?xml version="1.0"?><rss><channel><item><title>x</title><description>${ARTICLE}`);
    const sitemap = join(dir, 'sitemap.xml');
    await writeFile(
      sitemap,
      '<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>',
    );
    const items = await collect(walkPaths([cut, sitemap]));
    assert.deepEqual(
      items.map((item) => (item.ok ? 'ok' : item.error.code)),
      ['FEED_MALFORMED', 'FEED_NOT_A_FEED'],
    );
  });
});

describe('readJsonLines', () => {
  test('good lines all come through; each bad line is an error item naming file:line', async () => {
    const path = join(dir, 'mixed.jsonl');
    const lines = [
      JSON.stringify({
        id: 'a1',
        text: ARTICLE,
        title: 'عنوان',
        publishedAt: '2024-04-12',
        url: 'https://x/1',
      }),
      '{"text": "نص مقطوع',
      '',
      JSON.stringify({ text: ARTICLE, publishedAt: '2024-02-30' }),
      JSON.stringify({ title: 'بلا نص' }),
      JSON.stringify({ text: '   ' }),
      '[1, 2]',
      JSON.stringify({ text: ARTICLE, title: 42 }),
      JSON.stringify({ text: ENGLISH, publishedAt: '2024-04-13T22:15:00-05:00', source: null }),
      '   ',
      JSON.stringify({ text: ARTICLE, source: 'wam', publishedAt: 'Sat, 13 Apr 2024 10:00:00 GMT' }),
    ];
    const bytes = Buffer.concat([
      Buffer.from(`${lines.join('\r\n')}\n`),
      Buffer.from('{"text": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    await writeFile(path, bytes);
    const items = await collect(readJsonLines(path));
    const at = (line: number) => `${path}:${line}`;
    assert.deepEqual(
      items.map((item) => [item.origin, item.ok ? 'ok' : item.error.code]),
      [
        [at(1), 'ok'],
        [at(2), 'INGEST_BAD_LINE'],
        [at(4), 'INGEST_BAD_LINE'],
        [at(5), 'INGEST_BAD_LINE'],
        [at(6), 'INGEST_BAD_LINE'],
        [at(7), 'INGEST_BAD_LINE'],
        [at(8), 'INGEST_BAD_LINE'],
        [at(9), 'ok'],
        [at(11), 'ok'],
        [at(12), 'INGEST_BAD_LINE'],
      ],
    );
    const [first, , , , , , , ninth, eleventh] = items;
    assert.ok(first?.ok && ninth?.ok && eleventh?.ok);
    assert.deepEqual(first.article, {
      id: 'a1',
      url: 'https://x/1',
      publishedAt: '2024-04-12',
      title: 'عنوان',
      text: ARTICLE,
    });
    assert.deepEqual(ninth.article, { publishedAt: '2024-04-13', text: ENGLISH });
    assert.equal(ninth.language, 'en');
    assert.deepEqual(eleventh.article, { source: 'wam', publishedAt: '2024-04-13', text: ARTICLE });
    const messages = errors(items).map((item) => item.error.message);
    assert.match(messages[0]!, /:2: not JSON/);
    assert.match(messages[1]!, /:4: bad "publishedAt" "2024-02-30"/);
    assert.match(messages[2]!, /no "text"/);
    assert.match(messages[3]!, /"text" is empty/);
    assert.match(messages[4]!, /not a JSON object/);
    assert.match(messages[5]!, /"title" is not a string/);
    assert.match(messages[6]!, /not valid UTF-8/);
  });

  test('a line over the limit is one error item, and the lines after it still come', async () => {
    const path = join(dir, 'long.jsonl');
    const long = JSON.stringify({ text: 'ا'.repeat(40_000) });
    await writeFile(
      path,
      `${JSON.stringify({ text: ARTICLE })}\n${long}\n${JSON.stringify({ text: ARTICLE })}`,
    );
    const items = await collect(readJsonLines(path, { maxLineBytes: 10_000, chunkBytes: 4096 }));
    assert.deepEqual(
      items.map((item) => [item.origin.slice(path.length), item.ok ? 'ok' : item.error.code]),
      [
        [':1', 'ok'],
        [':2', 'INGEST_LINE_TOO_LONG'],
        [':3', 'ok'],
      ],
    );
  });

  test('a missing file is one error item', async () => {
    const items = await collect(readJsonLines(join(dir, 'absent.jsonl')));
    assert.equal(items.length, 1);
    assert.ok(!items[0]!.ok);
    assert.equal(items[0]!.error.code, 'INPUT_NOT_FOUND');
  });
});

describe('splitLines', () => {
  test('splits across chunk boundaries, drops \\r and blank lines, flags long lines', async () => {
    const chunks = ['ab', 'c\r\n\nd', 'ef\n', 'x'.repeat(12), '\n', 'tail'].map((s) => Buffer.from(s));
    const lines = [];
    for await (const line of splitLines(Readable.from(chunks), 10))
      lines.push([line.lineNo, line.bytes?.toString() ?? null]);
    assert.deepEqual(lines, [
      [1, 'abc'],
      [3, 'def'],
      [4, null],
      [5, 'tail'],
    ]);
  });
});
