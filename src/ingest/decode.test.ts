import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { DEFAULT_MAX_BYTES, decodeText, firstInvalidUtf8, readInput } from './decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);

function rejectsWith(code: string, pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof MarsadError, `expected a MarsadError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe('decodeText', () => {
  test('decodes empty input to the empty string', () => {
    assert.equal(decodeText(new Uint8Array(0), 'empty.txt'), '');
  });

  test('strips a leading UTF-8 BOM and nothing else', () => {
    assert.equal(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('سلام')), 'x'), 'سلام');
    assert.equal(decodeText(bytes(0xef, 0xbb, 0xbf), 'x'), '');
    // A second U+FEFF is text, not a mark: it stays.
    assert.equal(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61), 'x'), '\ufeffa');
  });

  test('keeps mixed scripts, marks, bidi controls and line endings exactly as given', () => {
    const text =
      'قالَ الوزيرُ: «سنلتقي في 12 نيسان/أبريل» ؟\r\nسيرغي لافروف (Sergey Lavrov) — ٢٠٢٤ م\r' +
      'آ ء ى ئ ؤ \u200f\u200e\u200c ـــ שלום Привет 東京 🇵🇸\n\tend';
    assert.equal(decodeText(utf8(text), 'x'), text);
  });

  test('rejects a PNG file as binary', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    assert.throws(() => decodeText(png, 'photo.png'), rejectsWith('INPUT_BINARY', /photo\.png/));
  });

  test('rejects a NUL byte anywhere in the first 64 KiB as binary', () => {
    const data = utf8(`${'نص '.repeat(10_000)}\0بعد`);
    assert.throws(() => decodeText(data, 'x'), rejectsWith('INPUT_BINARY'));
  });

  test('rejects text dense with C0 control bytes as binary, but allows tabs and line breaks', () => {
    const controls = bytes(...utf8('abc'), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, ...utf8('def'));
    assert.throws(() => decodeText(controls, 'x'), rejectsWith('INPUT_BINARY'));
    assert.equal(decodeText(utf8('a\tb\r\nc\fd\n'), 'x'), 'a\tb\r\nc\fd\n');
    // One stray control byte in a long text is not enough.
    assert.equal(decodeText(utf8(`${'a'.repeat(100)}\u0007`), 'x'), `${'a'.repeat(100)}\u0007`);
  });

  test('rejects UTF-16 with a byte order mark, naming the encoding', () => {
    const le = bytes(0xff, 0xfe, 0x27, 0x06, 0x44, 0x06);
    assert.throws(() => decodeText(le, 'x'), rejectsWith('INPUT_UTF16', /UTF-16/));
    assert.throws(() => decodeText(bytes(0xfe, 0xff, 0x06, 0x27), 'x'), rejectsWith('INPUT_UTF16'));
  });

  test('rejects invalid UTF-8 with the offset of the first bad byte', () => {
    const data = bytes(...utf8('ok سلام '), 0xc3, 0x28, ...utf8(' more'));
    assert.throws(
      () => decodeText(data, 'article.txt'),
      rejectsWith('INPUT_NOT_UTF8', /article\.txt .*offset 12\b/),
    );
  });

  test('counts the offset in the bytes given, BOM included', () => {
    assert.throws(
      () => decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xff), 'x'),
      rejectsWith('INPUT_NOT_UTF8', /offset 4\b/),
    );
  });

  test('rejects Windows-1256 Arabic as not UTF-8 and suggests iconv', () => {
    // "خبر: مرحبا" in Windows-1256.
    const cp1256 = bytes(0xce, 0xc8, 0xd1, 0x3a, 0x20, 0xe3, 0xd1, 0xcd, 0xc8, 0xc7);
    assert.throws(
      () => decodeText(cp1256, 'old.txt'),
      rejectsWith('INPUT_NOT_UTF8', /offset 0\b.*WINDOWS-1256/),
    );
  });

  test('reports a sequence cut off at the end at its first byte', () => {
    const data = bytes(...utf8('abc'), 0xd8);
    assert.throws(() => decodeText(data, 'x'), rejectsWith('INPUT_NOT_UTF8', /offset 3\b/));
  });
});

describe('firstInvalidUtf8', () => {
  test('finds overlongs, surrogates and code points past U+10FFFF', () => {
    assert.equal(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80)), 1);
    assert.equal(firstInvalidUtf8(bytes(0xe0, 0x80, 0x80)), 0);
    assert.equal(firstInvalidUtf8(bytes(0x61, 0x62, 0xed, 0xa0, 0x80)), 2);
    assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0);
    assert.equal(firstInvalidUtf8(bytes(0xf5, 0x80, 0x80, 0x80)), 0);
    assert.equal(firstInvalidUtf8(utf8('سلام 🌍 ok')), -1);
  });

  test('agrees with the fatal TextDecoder on random bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 16;
    };
    const seen = { valid: 0, invalid: 0 };
    for (let round = 0; round < 3000; round++) {
      // Mostly valid multibyte text, with a few random bytes mixed in.
      const data = utf8(String.fromCodePoint(...Array.from({ length: 6 }, () => 0x600 + (random() % 0x100))));
      for (let k = random() % 3; k > 0; k--) data[random() % data.length] = random() & 0xff;
      const offset = firstInvalidUtf8(data);
      let valid = true;
      try {
        decoder.decode(data);
      } catch {
        valid = false;
      }
      assert.equal(offset === -1, valid, `round ${round}: ${Array.from(data)}`);
      if (offset > 0) decoder.decode(data.subarray(0, offset));
      seen[valid ? 'valid' : 'invalid']++;
    }
    assert.ok(seen.valid > 300 && seen.invalid > 300, JSON.stringify(seen));
  });
});

describe('readInput', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-decode-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('has a default limit of 8 MiB for one article', () => {
    assert.equal(DEFAULT_MAX_BYTES, 8 * 1024 * 1024);
  });

  test('reads a whole file, across many chunks', async () => {
    const path = join(dir, 'article.txt');
    const text = 'التقى الوزيران في موسكو.\r\n'.repeat(60_000); // about 2.8 MiB
    await writeFile(path, text);
    const data = await readInput(path, { maxBytes: DEFAULT_MAX_BYTES });
    assert.equal(decodeText(data, path), text);
  });

  test('reads an empty file as no bytes', async () => {
    const path = join(dir, 'empty.txt');
    await writeFile(path, '');
    assert.equal((await readInput(path, { maxBytes: 10 })).length, 0);
  });

  test('accepts a file of exactly the limit', async () => {
    const path = join(dir, 'exact.txt');
    await writeFile(path, 'x'.repeat(100));
    assert.equal((await readInput(path, { maxBytes: 100 })).length, 100);
    await assert.rejects(readInput(path, { maxBytes: 99 }), rejectsWith('INPUT_TOO_LARGE'));
  });

  test('refuses a 50 MB file over a 10 MB limit without reading it', async () => {
    const path = join(dir, 'big.txt');
    // 50 MiB on disk by its size; written sparsely, so the test does not pay for 50 MiB of writes.
    const handle = await open(path, 'w');
    try {
      await handle.write(Buffer.alloc(1024 * 1024, 0x61), 0, 1024 * 1024, 50 * 1024 * 1024 - 1024 * 1024);
    } finally {
      await handle.close();
    }
    const started = performance.now();
    await assert.rejects(
      readInput(path, { maxBytes: 10 * 1024 * 1024 }),
      rejectsWith('INPUT_TOO_LARGE', /50\.0 MiB, over the 10\.0 MiB limit/),
    );
    assert.ok(performance.now() - started < 1000, 'fails fast');
    await rm(path);
  });

  test('stops reading an endless device at the limit', { skip: !existsSync('/dev/zero') }, async () => {
    await assert.rejects(readInput('/dev/zero', { maxBytes: 1_000_000 }), rejectsWith('INPUT_TOO_LARGE'));
  });

  test('reads - from the given stdin stream', async () => {
    const stdin = Readable.from([Buffer.from('سطر أول\n'), Buffer.from('سطر ثان')]);
    const data = await readInput('-', { maxBytes: 1000, stdin });
    assert.equal(decodeText(data, 'standard input'), 'سطر أول\nسطر ثان');
  });

  test('reads string chunks from stdin as UTF-8', async () => {
    const stdin = Readable.from(['نص ', 'عربي'], { objectMode: true });
    assert.equal(decodeText(await readInput('-', { maxBytes: 1000, stdin }), 'x'), 'نص عربي');
  });

  test('stops pulling from stdin once past the limit', async () => {
    let pulled = 0;
    const chunks = function* () {
      for (let i = 0; i < 10_000; i++) {
        pulled++;
        yield Buffer.alloc(1024, 0x61);
      }
    };
    const stdin = Readable.from(chunks(), { objectMode: false, highWaterMark: 1024 });
    await assert.rejects(
      readInput('-', { maxBytes: 100 * 1024, stdin }),
      rejectsWith('INPUT_TOO_LARGE', /over the 100\.0 KiB limit/),
    );
    assert.ok(pulled < 200, `pulled ${pulled} chunks`);
    assert.ok(stdin.destroyed);
  });

  test('names a missing file', async () => {
    const path = join(dir, 'no-such-file.txt');
    await assert.rejects(
      readInput(path, { maxBytes: 10 }),
      rejectsWith('INPUT_NOT_FOUND', /no-such-file\.txt: no such file/),
    );
    await assert.rejects(
      readInput(join(dir, 'article.txt', 'x'), { maxBytes: 10 }),
      rejectsWith('INPUT_NOT_FOUND'),
    );
  });

  test('refuses a directory', async () => {
    await assert.rejects(
      readInput(dir, { maxBytes: 10 }),
      rejectsWith('INPUT_IS_DIRECTORY', /is a directory/),
    );
  });
});
