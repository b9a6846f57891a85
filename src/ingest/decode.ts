// The byte edge: a file or standard input becomes one string, or a coded error the user can act on.
// The text is never rewritten (no newline or Unicode normalisation): every offset a later stage
// reports points into what the user gave, less a leading UTF-8 byte order mark.

import { type FileHandle, open } from 'node:fs/promises';
import { fail, MarsadError } from '../core/errors.ts';

/** One article: real ones are under 1 MiB; far beyond that is a wrong file, not news. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** How much of the input the binary check looks at. */
const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

// One decoder for every call: `decode` without `stream` keeps no state between calls.
// The BOM is stripped by hand, so a second U+FEFF after it stays in the text.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 `bytes` to text, dropping a leading BOM. `what` names the input in errors
 * ("standard input", a path). Rejects UTF-16, binary data and invalid UTF-8; for the latter the
 * error carries the byte offset of the first ill-formed sequence.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  if (hasUtf16Bom(bytes)) throw fail('INPUT_UTF16', what);
  if (looksBinary(bytes, start)) throw fail('INPUT_BINARY', what);
  try {
    return UTF8.decode(bytes.subarray(start));
  } catch {
    // Only a failure pays for the byte-by-byte scan.
    throw fail('INPUT_NOT_UTF8', what, Math.max(firstInvalidUtf8(bytes, start), start));
  }
}

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const hasUtf16Bom = (b: Uint8Array) =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/**
 * Binary if the first 64 KiB hold a NUL byte, or if more than one byte in ten (and at least four)
 * is a C0 control other than tab, line feed, form feed and carriage return. UTF-8 Arabic never
 * uses bytes below 0x80 for its letters, so the share is about the file, not the script.
 */
function looksBinary(bytes: Uint8Array, start: number): boolean {
  const end = Math.min(bytes.length, start + SNIFF_BYTES);
  let controls = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls >= 4 && controls * 10 > end - start;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence at or after `from`, or -1.
 * Follows the well-formed table of Unicode §3.9 (no overlongs, surrogates or code points past
 * U+10FFFF), as the fatal TextDecoder does.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

export interface ReadInputOptions {
  /** Inputs longer than this fail with INPUT_TOO_LARGE; at most maxBytes + 1 bytes are ever held. */
  readonly maxBytes: number;
  /** What `-` reads; defaults to the process's standard input. */
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

/** Reads a file, or standard input for `-`, stopping as soon as the input passes `maxBytes`. */
export function readInput(pathOrDash: string, opts: ReadInputOptions): Promise<Uint8Array> {
  return pathOrDash === '-'
    ? readStream(opts.stdin ?? process.stdin, opts.maxBytes)
    : readFile(pathOrDash, opts.maxBytes);
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Throwing out of the loop returns the iterator, which destroys the stream: nothing more is read.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > maxBytes) throw fail('INPUT_TOO_LARGE', total, maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

async function readFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw fail('INPUT_IS_DIRECTORY', path);
    // A regular file's size is known: refuse it before reading a byte. Pipes, devices and files
    // that grow while read are caught by the running count below.
    if (info.isFile() && info.size > maxBytes) throw fail('INPUT_TOO_LARGE', info.size, maxBytes);
    const chunkSize = info.isFile() && info.size > 0 ? Math.min(info.size + 1, READ_CHUNK) : 64 * 1024;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(chunkSize, maxBytes + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw fail('INPUT_TOO_LARGE', Math.max(total, info.size), maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof MarsadError ? error : fileError(path, error);
  } finally {
    await handle.close();
  }
}

function fileError(path: string, error: unknown): MarsadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('INPUT_NOT_FOUND', path);
  if (code === 'EISDIR') return fail('INPUT_IS_DIRECTORY', path);
  if (code === 'EACCES' || code === 'EPERM') return fail('INPUT_UNREADABLE', path, 'permission denied');
  return fail('INPUT_UNREADABLE', path, error instanceof Error ? error.message : String(error));
}
