// `marsad ingest PATH|URL… [--db] [--json] [--workers N]`: files, directories, JSON lines, HTML
// pages, RSS and Atom feeds into the store, every article analysed once; a report at the end.

import { type Command, Option } from 'commander';
import { fail } from '../core/errors.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.ts';
import { ingest } from '../ingest/ingest.ts';
import { fetchArticle, readFeed, walkPaths } from '../ingest/sources/index.ts';
import type { IngestItem } from '../ingest/sources/item.ts';
import type { Io } from './io.ts';
import { createProgress } from './progress.ts';
import { addDbOption, openStore } from './store-option.ts';

interface IngestOptions {
  db?: string;
  json?: boolean;
  workers?: number;
  maxBytes: number;
}

const URL_PATTERN = /^https?:\/\//i;

/** Paths and URLs, in the order given: a URL is read as a feed, or as one page when it is none. */
async function* itemsOf(targets: readonly string[], maxBytes: number): AsyncGenerator<IngestItem> {
  for (const target of targets) {
    if (!URL_PATTERN.test(target)) {
      yield* walkPaths([target], { maxBytes });
      continue;
    }
    const fromFeed: IngestItem[] = [];
    let notAFeed = false;
    for await (const item of readFeed(target, { maxBytes })) {
      if (!item.ok && item.error.code === 'FEED_NOT_A_FEED') notAFeed = true;
      else fromFeed.push(item);
    }
    if (notAFeed) yield await fetchArticle(target, { maxBytes });
    else yield* fromFeed;
  }
}

export function registerIngest(program: Command, io: Io): void {
  const command = program
    .command('ingest')
    .argument('<targets...>', 'files, directories, .jsonl files of articles, HTML pages, or feed/page URLs')
    .description('analyse articles and store them: duplicates linked, not stored twice; safe to run again')
    .option(
      '--json',
      'print the report as JSON: { added, duplicates, nearDuplicates, failed: [{ item, error }] }',
    )
    .addOption(
      new Option('--workers <n>', 'analysis threads (default: one per core)').argParser((v) =>
        positive('--workers', v),
      ),
    )
    .addOption(
      new Option('--max-bytes <n>', 'largest file, page or JSON line read as one article')
        .default(DEFAULT_MAX_BYTES)
        .argParser((v) => positive('--max-bytes', v)),
    )
    .addHelpText(
      'after',
      '\nJSON lines: one article a line, { "text": …, "id"?, "url"?, "source"?, "publishedAt"?, "title"? }.\nExamples:\n  marsad ingest news/ --db news.db\n  marsad ingest https://example.com/feed.xml articles.jsonl --json',
    );
  addDbOption(command).action(async (targets: string[], options: IngestOptions) => {
    const store = await openStore(options.db);
    try {
      const progress = createProgress('ingest', {
        write: (s) => io.stderr.write(s),
        isTTY: Boolean((io.stderr as { isTTY?: boolean }).isTTY),
      });
      const report = await ingest(itemsOf(targets, options.maxBytes), store, {
        ...(options.workers !== undefined && { workers: options.workers }),
        onItem: (ok) => progress.tick(ok),
      });
      progress.end();
      if (options.json) io.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        io.stdout.write(
          `added ${report.added}, near duplicates linked ${report.nearDuplicates}, duplicates ${report.duplicates}, failed ${report.failed.length}\n`,
        );
        // Each message names its item (a path, path:line or URL).
        for (const { error } of report.failed) io.stdout.write(`  ${error.message} [${error.code}]\n`);
      }
    } finally {
      await store.close();
    }
  });
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw fail('BAD_OPTION', `${flag} needs a positive whole number, not "${value}"`);
  return n;
}
