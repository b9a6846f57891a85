// Files and directories as articles. Directories are walked depth first in sorted order (by code
// unit, so every machine sees the same order), skipping names that start with a dot; symbolic links
// are followed, and a directory or file reached a second time (a link loop, a path given twice) is
// skipped. Each file is read by what it holds:
// - *.jsonl / *.ndjson: one article per line, streamed (jsonl.ts);
// - an RSS or Atom feed (or any document opening with <?xml): one item per entry, `path#N`;
// - HTML: the page's article (extractArticle);
// - anything else: plain UTF-8 text, the whole file one article.
// Other files are read whole, up to maxBytes: larger ones, binary data, UTF-16 and invalid UTF-8
// are error items with decode.ts's codes. Sockets, FIFOs and devices are refused, never opened.

import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from '../../core/errors.ts';
import { DEFAULT_MAX_BYTES, decodeText, readInput } from '../decode.ts';
import { extractArticle, looksLikeHtml } from '../html.ts';
import { looksLikeFeed, parseFeedXml } from './feed.ts';
import { articleItem, errorItem, fileError, type IngestItem } from './item.ts';
import { readJsonLines } from './jsonl.ts';

export interface WalkOptions {
  /** Largest file read whole, and longest JSON line; DEFAULT_MAX_BYTES (8 MiB) by default. */
  readonly maxBytes?: number;
}

const JSON_LINES = /\.(?:jsonl|ndjson)$/i;
const XML_DECLARATION = /^\s*<\?xml\s/;

/** Every article under `paths` (files or directories), in argument order then sorted order. */
export async function* walkPaths(
  paths: readonly string[],
  opts: WalkOptions = {},
): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const seen = new Set<string>();
  // Depth first without recursion: the next path to visit is on top.
  const pending = [...paths].reverse();
  while (pending.length > 0) {
    const path = pending.pop()!;
    let kind: 'file' | 'directory';
    let real: string;
    try {
      const link = await lstat(path);
      const info = link.isSymbolicLink() ? await stat(path) : link;
      if (info.isDirectory()) kind = 'directory';
      else if (info.isFile()) kind = 'file';
      else throw fail('INPUT_UNREADABLE', path, 'not a regular file (a socket, FIFO or device)');
      real = await realpath(path);
    } catch (error) {
      yield errorItem(path, fileError(path, error));
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    if (kind === 'file') {
      yield* readFileItems(path, maxBytes);
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(path)).filter((name) => !name.startsWith('.'));
    } catch (error) {
      yield errorItem(path, fileError(path, error));
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = names.length - 1; i >= 0; i--) pending.push(join(path, names[i]!));
  }
}

/** The items of one file, dispatched by its name (JSON lines) and then by its content. */
export async function* readFileItems(path: string, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<IngestItem> {
  if (JSON_LINES.test(path)) {
    yield* readJsonLines(path, { maxLineBytes: maxBytes });
    return;
  }
  let text: string;
  try {
    text = decodeText(await readInput(path, { maxBytes }), path);
  } catch (error) {
    yield errorItem(path, fileError(path, error));
    return;
  }
  yield* documentItems(text, path);
}

/** The items of one decoded document: a feed's entries, an HTML page's article, or plain text. */
export function* documentItems(text: string, origin: string): Generator<IngestItem> {
  if (looksLikeFeed(text) || XML_DECLARATION.test(text)) {
    let entries: ReturnType<typeof parseFeedXml>['entries'];
    try {
      entries = parseFeedXml(text, origin).entries;
    } catch (error) {
      yield errorItem(origin, error);
      return;
    }
    for (const [i, entry] of entries.entries())
      yield articleItem(`${origin}#${i + 1}`, {
        ...(entry.link ? { url: entry.link } : {}),
        ...(entry.title ? { title: entry.title } : {}),
        ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
        text: entry.text,
      });
    return;
  }
  if (looksLikeHtml(text)) {
    yield articleItem(origin, extractArticle(text));
    return;
  }
  yield articleItem(origin, { text });
}
