// JSON lines: one article a line, {"text": "…", "title"?, "url"?, "source"?, "id"?, "publishedAt"?}.
// The file is streamed: memory holds one read chunk and one line, never the file, so a file of any
// size goes through; a line over the limit is skipped to its end without being kept, and reported.
//
// Lines are split on bytes rather than with readline: readline would decode invalid UTF-8 to U+FFFD
// without a word, and would buffer a runaway line whole before handing it over.

import { createReadStream } from 'node:fs';
import { DEFAULT_MAX_BYTES } from '../decode.ts';
import {
  articleItem,
  dateOf,
  errorItem,
  fileError,
  formatBytes,
  type IngestItem,
  ingestFail,
} from './item.ts';

export interface JsonLinesOptions {
  /** A line longer than this is an error item; defaults to DEFAULT_MAX_BYTES (8 MiB, one article). */
  readonly maxLineBytes?: number;
  /** Read size; 1 MiB by default. */
  readonly chunkBytes?: number;
}

interface RawLine {
  readonly lineNo: number;
  /** The line's bytes without its line break, or null when it was over the limit. */
  readonly bytes: Buffer | null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const OPTIONAL_STRINGS = ['id', 'url', 'source', 'title'] as const;

/**
 * The articles of a JSON-lines file, one item per non-blank line, in order. A line that is not
 * JSON, not an object, has no text, a non-string field or an impossible date is an error item named
 * `path:LINE`; a file that cannot be opened is one error item named `path`.
 */
export async function* readJsonLines(path: string, opts: JsonLinesOptions = {}): AsyncGenerator<IngestItem> {
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_BYTES;
  const stream = createReadStream(path, { highWaterMark: opts.chunkBytes ?? 1 << 20 });
  const lines = splitLines(stream, maxLineBytes);
  let lastLine = 0;
  try {
    for await (const { lineNo, bytes } of lines) {
      lastLine = lineNo;
      const where = `${path}:${lineNo}`;
      if (bytes === null) {
        yield errorItem(where, ingestFail('INGEST_LINE_TOO_LONG', where, formatBytes(maxLineBytes)));
        continue;
      }
      yield lineItem(bytes, where);
    }
  } catch (error) {
    // A read error part way (the file vanished, an I/O error): report it and end this file.
    yield errorItem(lastLine === 0 ? path : `${path}:${lastLine + 1}`, fileError(path, error));
  } finally {
    stream.destroy();
  }
}

/** One line's item. Blank lines are skipped before this is called. */
function lineItem(bytes: Buffer, where: string): IngestItem {
  let line: string;
  try {
    line = UTF8.decode(bytes);
  } catch {
    return errorItem(where, ingestFail('INGEST_BAD_LINE', where, 'not valid UTF-8'));
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorItem(where, ingestFail('INGEST_BAD_LINE', where, `not JSON (${detail})`));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return errorItem(where, ingestFail('INGEST_BAD_LINE', where, 'not a JSON object'));
  const record = value as Record<string, unknown>;
  const text = record.text;
  if (typeof text !== 'string')
    return errorItem(
      where,
      ingestFail('INGEST_BAD_LINE', where, text === undefined ? 'no "text"' : '"text" is not a string'),
    );
  if (text.trim() === '') return errorItem(where, ingestFail('INGEST_BAD_LINE', where, '"text" is empty'));
  const fields: Record<string, string> = {};
  for (const key of [...OPTIONAL_STRINGS, 'publishedAt'] as const) {
    const field = record[key];
    if (field === undefined || field === null || field === '') continue;
    if (typeof field !== 'string')
      return errorItem(where, ingestFail('INGEST_BAD_LINE', where, `"${key}" is not a string`));
    fields[key] = field;
  }
  if (fields.publishedAt !== undefined) {
    try {
      fields.publishedAt = dateOf(fields.publishedAt);
    } catch {
      return errorItem(
        where,
        ingestFail(
          'INGEST_BAD_LINE',
          where,
          `bad "publishedAt" ${JSON.stringify(fields.publishedAt.slice(0, 40))}: expected a real date, YYYY-MM-DD`,
        ),
      );
    }
  }
  return articleItem(where, { ...fields, text });
}

/**
 * The lines of a byte stream, numbered from 1, without their \n or \r\n; blank lines (spaces only)
 * are skipped. Holds at most `maxLineBytes` + one chunk: a longer line is dropped as it streams by
 * and comes out with `bytes: null`.
 */
export async function* splitLines(
  stream: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = false;
  let lineNo = 0;
  const finish = (tail: Buffer): RawLine | undefined => {
    lineNo++;
    if (overflow || partBytes + tail.length > maxLineBytes) {
      parts = [];
      partBytes = 0;
      overflow = false;
      return { lineNo, bytes: null };
    }
    let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    parts = [];
    partBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return isBlank(bytes) ? undefined : { lineNo, bytes };
  };
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      const line = finish(chunk.subarray(start, nl));
      if (line) yield line;
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (overflow || partBytes + rest.length > maxLineBytes) {
        overflow = true;
        parts = [];
        partBytes = 0;
      } else {
        // Copy: the stream may reuse its buffer, and a slice would pin the whole chunk.
        parts.push(Buffer.from(rest));
        partBytes += rest.length;
      }
    }
  }
  if (overflow || partBytes > 0) {
    const line = finish(Buffer.alloc(0));
    if (line) yield line;
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c) return false;
  return true;
}
