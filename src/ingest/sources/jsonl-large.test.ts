// A 100 MB JSON-lines file, generated in a temporary folder, streams through in bounded memory.
// The file is written in 4 MiB blocks of one repeated line pattern (about 0.3 s) and read back
// through readJsonLines (about 2 s on one core); the peak resident memory while reading must stay
// far under the file's size (reading it whole would hold the bytes and a UTF-16 copy, ~300 MB);
// here it grows by ~35 MiB, garbage the collector has not yet taken back, and must stay under 80.

import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readJsonLines } from './jsonl.ts';

const TARGET_BYTES = 100 * 1024 * 1024;
const SENTENCE = 'أعلنت وزارة الخارجية اليوم أن الوزير سيزور العاصمة الأسبوع المقبل لبحث التعاون الثنائي. ';

let dir: string;
let path: string;
let lines = 0;
let badLines = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-jsonl-'));
  path = join(dir, 'big.jsonl');
  const out = createWriteStream(path);
  const block: string[] = [];
  let blockBytes = 0;
  let written = 0;
  let n = 0;
  const text = SENTENCE.repeat(6);
  while (written < TARGET_BYTES) {
    n++;
    // Every 1000th line is broken, to see errors and articles interleave without stopping the stream.
    const line =
      n % 1000 === 0
        ? '{"text": "broken'
        : JSON.stringify({
            id: `a${n}`,
            title: `خبر رقم ${n}`,
            publishedAt: '2024-04-12',
            text: `${n} ${text}`,
          });
    block.push(line);
    blockBytes += Buffer.byteLength(line) + 1;
    if (blockBytes >= 4 << 20) {
      const chunk = `${block.join('\n')}\n`;
      written += blockBytes;
      block.length = 0;
      blockBytes = 0;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  lines = n;
  badLines = Math.floor(n / 1000);
  if (block.length > 0) out.write(`${block.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a 100 MB JSON-lines file streams through in bounded memory', async (t) => {
  assert.ok((await stat(path)).size >= TARGET_BYTES);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let ok = 0;
  let bad = 0;
  let lastId = '';
  for await (const item of readJsonLines(path)) {
    if (item.ok) {
      ok++;
      lastId = item.article.id ?? '';
    } else {
      bad++;
      assert.equal(item.error.code, 'INGEST_BAD_LINE');
    }
    if ((ok + bad) % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  assert.equal(bad, badLines);
  assert.equal(ok, lines - badLines);
  assert.equal(lastId, `a${lines % 1000 === 0 ? lines - 1 : lines}`);
  const grown = (peak - baseline) / (1 << 20);
  t.diagnostic(`resident memory grew by ${grown.toFixed(1)} MiB`);
  assert.ok(grown < 80, `resident memory grew by ${grown.toFixed(0)} MiB while streaming 100 MB`);
});
