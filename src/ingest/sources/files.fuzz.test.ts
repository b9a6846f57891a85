// One file of any content, end to end through the file source: decoding, then the choice of feed,
// page or plain text, then the reader chosen. Every item is an article with text or a coded error
// naming the file; none is INGEST_FAILED, the code an unexpected exception turns into.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  feedLikeXml,
  fuzzParameters,
  htmlPage,
  textBytes,
  withinBudgetAsync,
} from '../../core/fuzz-arbitraries.ts';
import { readFileItems } from './files.ts';
import type { IngestItem } from './item.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-files-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const utf8 = new TextEncoder();
const content = fc.oneof(
  textBytes,
  htmlPage.map((page) => utf8.encode(page)),
  feedLikeXml.map((xml) => utf8.encode(xml)),
);

describe('fuzz: readFileItems', () => {
  test('fuzz: any bytes as .txt, .html or .xml: articles with text, or coded errors, never INGEST_FAILED', async () => {
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.constantFrom('txt', 'html', 'xml'),
        fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant(8 << 20)),
        async (bytes, extension, maxBytes) => {
          const path = join(dir, `case-${files++}.${extension}`);
          writeFileSync(path, bytes);
          const items = await withinBudgetAsync(`reading ${bytes.length} bytes`, async () => {
            const out: IngestItem[] = [];
            for await (const item of readFileItems(path, maxBytes)) out.push(item);
            return out;
          });
          for (const item of items) {
            assert.ok(item.origin.startsWith(path), item.origin);
            if (item.ok) assert.notEqual(item.article.text.trim(), '');
            else assert.notEqual(item.error.code, 'INGEST_FAILED', item.error.message);
          }
        },
      ),
      fuzzParameters(),
    );
  });
});
