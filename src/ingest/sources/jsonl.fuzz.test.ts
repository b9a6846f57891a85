// The JSON-lines reader on any file: records, broken records, invalid UTF-8, random bytes, BOMs,
// CRLF, a last line cut short. It yields exactly one item per non-blank line, numbered as the file
// numbers them; a line over the limit is INGEST_LINE_TOO_LONG however the reads cut it; nothing is
// ever an unexpected failure (INGEST_FAILED); and the items do not depend on the read size.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  fuzzParameters,
  hostileText,
  jsonLinesFile,
  withinBudgetAsync,
} from '../../core/fuzz-arbitraries.ts';
import type { IngestItem } from './item.ts';
import { readJsonLines } from './jsonl.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-jsonl-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function writeCase(bytes: Uint8Array): string {
  const path = join(dir, `case-${files++}.jsonl`);
  writeFileSync(path, bytes);
  return path;
}

async function readAll(path: string, maxLineBytes: number, chunkBytes: number): Promise<IngestItem[]> {
  return withinBudgetAsync(`reading ${path}`, async () => {
    const items: IngestItem[] = [];
    for await (const item of readJsonLines(path, { maxLineBytes, chunkBytes })) items.push(item);
    return items;
  });
}

/** What the reader must find: each line's number, and whether it is over the limit; blank lines left out. */
interface ExpectedLine {
  readonly lineNo: number;
  readonly tooLong: boolean;
}

function expectedLines(bytes: Uint8Array, maxLineBytes: number): ExpectedLine[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      pieces.push(bytes.subarray(start, i));
      start = i + 1;
    }
  if (start < bytes.length) pieces.push(bytes.subarray(start));
  return pieces.flatMap((piece, i): ExpectedLine[] => {
    if (piece.length > maxLineBytes) return [{ lineNo: i + 1, tooLong: true }];
    const line = piece.at(-1) === 0x0d ? piece.subarray(0, -1) : piece;
    const blank = line.every((b) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0c);
    return blank ? [] : [{ lineNo: i + 1, tooLong: false }];
  });
}

const LINE_CODES = new Set(['INGEST_BAD_LINE', 'INGEST_LINE_TOO_LONG', 'INGEST_EMPTY']);

describe('fuzz: readJsonLines', () => {
  test('fuzz: one item per non-blank line, numbered, coded, whatever the read size', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonLinesFile,
        fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(8 << 20)),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, maxLineBytes, smallChunk) => {
          // Reads cut lines anywhere; at most ~200 of them per file keeps a case a few milliseconds.
          const chunkBytes = Math.max(smallChunk, Math.ceil(bytes.length / 200));
          const path = writeCase(bytes);
          const items = await readAll(path, maxLineBytes, chunkBytes);
          const expected = expectedLines(bytes, maxLineBytes);
          assert.deepEqual(
            items.map((item) => item.origin),
            expected.map((line) => `${path}:${line.lineNo}`),
          );
          items.forEach((item, i) => {
            if (item.ok) return;
            assert.ok(
              LINE_CODES.has(item.error.code),
              `${item.origin}: ${item.error.code} ${item.error.message}`,
            );
            assert.equal(item.error.code === 'INGEST_LINE_TOO_LONG', expected[i]!.tooLong);
          });
          assert.deepEqual(
            await readAll(path, maxLineBytes, 1 << 20),
            items,
            'the read size changes nothing',
          );
        },
      ),
      fuzzParameters(),
    );
  });

  test('fuzz: a record with non-blank text comes back with exactly that text, lone surrogates included', async () => {
    const record = fc.record({ text: hostileText.filter((t) => t.trim() !== ''), title: hostileText });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 10 }), async (records) => {
        const path = writeCase(new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n')));
        const items = await readAll(path, 8 << 20, 1 << 20);
        assert.equal(items.length, records.length);
        items.forEach((item, i) => {
          assert.ok(item.ok, item.ok ? '' : item.error.message);
          assert.equal(item.article.text, records[i]!.text);
        });
      }),
      fuzzParameters(),
    );
  });
});
