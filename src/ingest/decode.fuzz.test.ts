// The byte edge on any bytes: decodeText returns the text the bytes spell (less one UTF-8 BOM) or
// refuses them with INPUT_UTF16, INPUT_BINARY or INPUT_NOT_UTF8, the last naming the offset of the
// first bad byte exactly; firstInvalidUtf8 agrees with the platform's strict decoder on every input;
// readInput keeps to its byte limit however the stream is cut.

import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { MarsadError } from '../core/errors.ts';
import { fuzzParameters, invalidUtf8, textBytes, withinBudget } from '../core/fuzz-arbitraries.ts';
import { decodeText, firstInvalidUtf8, readInput } from './decode.ts';

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictlyValid = (bytes: Uint8Array) => {
  try {
    STRICT.decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

describe('fuzz: decoding', () => {
  test('fuzz: decodeText gives back the bytes’ text, or a refusal that names the first bad byte', () => {
    fc.assert(
      fc.property(textBytes, (bytes) => {
        const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
        let text: string;
        try {
          text = withinBudget(`decoding ${bytes.length} bytes`, () => decodeText(bytes, 'input.txt'));
        } catch (error) {
          assert.ok(error instanceof MarsadError, `a MarsadError, not ${String(error)}`);
          assert.ok(['INPUT_UTF16', 'INPUT_BINARY', 'INPUT_NOT_UTF8'].includes(error.code), error.code);
          assert.match(error.message, /^input\.txt /);
          if (error.code === 'INPUT_NOT_UTF8') {
            const offset = Number(/offset (\d+)/.exec(error.message)?.[1]);
            assert.equal(offset, firstInvalidUtf8(bytes, hasBom(bytes) ? 3 : 0));
            assert.ok(strictlyValid(bytes.subarray(0, offset)), 'the bytes before the offset are good UTF-8');
          }
          return;
        }
        assert.deepEqual(new TextEncoder().encode(text), body, 'the text is exactly the bytes, less one BOM');
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: firstInvalidUtf8 finds a bad byte exactly when the strict decoder refuses', () => {
    const spliced = fc
      .tuple(fc.uint8Array({ maxLength: 64 }), invalidUtf8, fc.uint8Array({ maxLength: 64 }))
      .map(([a, bad, b]) => Uint8Array.from([...a, ...bad, ...b]));
    fc.assert(
      fc.property(fc.oneof(textBytes, spliced), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        assert.equal(at === -1, strictlyValid(bytes));
        if (at >= 0) assert.ok(strictlyValid(bytes.subarray(0, at)));
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: readInput from a stream returns every byte up to the limit, and refuses one byte more', async () => {
    const chunks = fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(chunks, fc.integer({ min: 0, max: 2000 }), async (parts, maxBytes) => {
        const total = parts.reduce((n, p) => n + p.length, 0);
        const stdin = Readable.from(parts.map((p) => Buffer.from(p)));
        try {
          const bytes = await readInput('-', { maxBytes, stdin });
          assert.ok(total <= maxBytes);
          assert.deepEqual(Buffer.from(bytes), Buffer.concat(parts.map((p) => Buffer.from(p))));
        } catch (error) {
          assert.ok(error instanceof MarsadError && error.code === 'INPUT_TOO_LARGE', String(error));
          assert.ok(total > maxBytes);
        }
      }),
      fuzzParameters(),
    );
  });
});
