// `marsad ingest PATH|URL… [--db] [--json] [--workers N]`: files, directories, JSON lines, HTML
// pages, RSS and Atom feeds into the store, every article analysed once; a report at the end.

import { type Command, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.ts';
import { type FeedStates, readFeedStates, writeFeedStates } from '../ingest/feed-state.ts';
import { ingest } from '../ingest/ingest.ts';
import { fetchArticle, readFeed, walkPaths } from '../ingest/sources/index.ts';
import type { IngestItem } from '../ingest/sources/item.ts';
import type { Io } from './io.ts';
import { positiveInt } from './number-options.ts';
import { createProgress } from './progress.ts';
import { addDbOption, openStore, storeLocation } from './store-option.ts';

interface IngestOptions {
  db?: string;
  json?: boolean;
  workers?: number;
  maxBytes: number;
  feedState?: string;
  watch?: number;
}

const URL_PATTERN = /^https?:\/\//i;

/**
 * Paths and URLs, in the order given: a URL is read as a feed (asking only for what changed since
 * the state it left last time), or as one page when it is no feed.
 */
async function* itemsOf(
  targets: readonly string[],
  maxBytes: number,
  feeds: FeedStates,
): AsyncGenerator<IngestItem> {
  for (const target of targets) {
    if (!URL_PATTERN.test(target)) {
      yield* walkPaths([target], { maxBytes });
      continue;
    }
    const state = feeds[target] ?? {};
    feeds[target] = state;
    const fromFeed: IngestItem[] = [];
    let notAFeed = false;
    for await (const item of readFeed(target, { maxBytes, state })) {
      if (!item.ok && item.error.code === 'FEED_NOT_A_FEED') notAFeed = true;
      else fromFeed.push(item);
    }
    if (notAFeed) {
      delete feeds[target];
      yield await fetchArticle(target, { maxBytes });
    } else yield* fromFeed;
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
        positiveInt('--workers', v),
      ),
    )
    .option(
      '--feed-state <file>',
      'where feeds’ ETag and Last-Modified are kept between runs (default: beside a SQLite --db, else ./marsad-feeds.json)',
    )
    .addOption(
      new Option(
        '--watch <seconds>',
        'poll the targets again every so many seconds until interrupted',
      ).argParser((v) => positiveInt('--watch', v)),
    )
    .addOption(
      new Option('--max-bytes <n>', 'largest file, page or JSON line read as one article')
        .default(DEFAULT_MAX_BYTES)
        .argParser((v) => positiveInt('--max-bytes', v)),
    )
    .addHelpText(
      'after',
      '\nJSON lines: one article a line, { "text": …, "id"?, "url"?, "source"?, "publishedAt"?, "title"? }.\nExamples:\n  marsad ingest news/ --db news.db\n  marsad ingest https://example.com/feed.xml articles.jsonl --json',
    );
  addDbOption(command).action(async (targets: string[], options: IngestOptions) => {
    const store = await openStore(options.db);
    const statePath = options.feedState ?? feedStatePath(options.db);
    const feeds = readFeedStates(statePath);
    try {
      for (;;) {
        const progress = createProgress('ingest', {
          write: (s) => io.stderr.write(s),
          isTTY: Boolean((io.stderr as { isTTY?: boolean }).isTTY),
        });
        const report = await ingest(itemsOf(targets, options.maxBytes, feeds), store, {
          ...(options.workers !== undefined && { workers: options.workers }),
          onItem: (ok) => progress.tick(ok),
        });
        progress.end();
        // Saved only once everything read is stored: an interrupted run polls those feeds in full again.
        if (Object.keys(feeds).length > 0) writeFeedStates(statePath, feeds);
        if (options.json) io.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          io.stdout.write(
            `added ${report.added}, near duplicates linked ${report.nearDuplicates}, duplicates ${report.duplicates}, failed ${report.failed.length}\n`,
          );
          // Each message names its item (a path, path:line or URL).
          for (const { error } of report.failed) io.stdout.write(`  ${error.message} [${error.code}]\n`);
        }
        if (options.watch === undefined) return;
        await new Promise((resolve) => setTimeout(resolve, options.watch! * 1000));
      }
    } finally {
      await store.close();
    }
  });
}

/** Beside a SQLite file (news.db → news.db.feeds.json); for a PostgreSQL URL, in the working directory. */
function feedStatePath(db: string | undefined): string {
  const { where, postgres } = storeLocation(db);
  return postgres ? 'marsad-feeds.json' : `${where}.feeds.json`;
}
