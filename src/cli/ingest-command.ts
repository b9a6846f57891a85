// `marsad ingest PATH|URL… [--db] [--json] [--workers N]`: files, directories, JSON lines, HTML
// pages, RSS and Atom feeds into the store, every article analysed once; a report at the end.
// With --queue, the same items become one job each in the PostgreSQL job queue, for `marsad worker`
// processes to analyse and store (src/queue/).

import { type Command, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.ts';
import { type FeedStates, readFeedStates, writeFeedStates } from '../ingest/feed-state.ts';
import { ingest } from '../ingest/ingest.ts';
import { fetchArticle, readFeed, walkPaths } from '../ingest/sources/index.ts';
import type { IngestError, IngestItem } from '../ingest/sources/item.ts';
import { DEFAULT_JOB_POLICY, type JobPolicy } from '../queue/article-job.ts';
import { enqueueArticles } from '../queue/enqueue.ts';
import type { Io } from './io.ts';
import { positiveInt, wholeNumber } from './number-options.ts';
import { createProgress } from './progress.ts';
import { addQueueSchemaOption, openQueue, type QueueSchemaOption, queueDatabase } from './queue-command.ts';
import { addDbOption, openStore, storeLocation } from './store-option.ts';

interface IngestOptions extends QueueSchemaOption {
  db?: string;
  json?: boolean;
  workers?: number;
  maxBytes: number;
  feedState?: string;
  watch?: number;
  queue?: boolean;
  retryLimit: number;
  retryDelay: number;
  expireIn: number;
}

/** Where one pass over the targets goes: the store (analysed here) or the job queue. */
interface IngestSink {
  run(
    items: AsyncIterable<IngestItem>,
    onItem: (ok: boolean) => void,
  ): Promise<{
    readonly report: { readonly failed: readonly { readonly error: IngestError }[] };
    readonly line: string;
  }>;
  close(): Promise<void>;
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
    .option(
      '--queue',
      'queue one job per article for `marsad worker` instead of analysing here (--db postgres://… only); ' +
        'report: { queued, duplicates, failed: [{ item, error }] }',
    )
    .addOption(
      new Option(
        '--retry-limit <n>',
        'with --queue: retries of a job whose attempt failed or whose worker died',
      )
        .default(DEFAULT_JOB_POLICY.retryLimit)
        .argParser((v) => wholeNumber('--retry-limit', v, 0, 100)),
    )
    .addOption(
      new Option(
        '--retry-delay <seconds>',
        'with --queue: wait before the first retry, doubled for each next one',
      )
        .default(DEFAULT_JOB_POLICY.retryDelaySeconds)
        .argParser((v) => positiveInt('--retry-delay', v)),
    )
    .addOption(
      new Option(
        '--expire-in <seconds>',
        'with --queue: a job active this long is taken to be abandoned (its worker died) and retried',
      )
        .default(DEFAULT_JOB_POLICY.expireInSeconds)
        // pg-boss refuses expiries of a day or more.
        .argParser((v) => wholeNumber('--expire-in', v, 1, 86_399)),
    )
    .addHelpText(
      'after',
      '\nJSON lines: one article a line, { "text": …, "id"?, "url"?, "source"?, "publishedAt"?, "title"? }.\nExamples:\n  marsad ingest news/ --db news.db\n  marsad ingest https://example.com/feed.xml articles.jsonl --json\n  marsad ingest --queue news/ --db postgres://marsad@db/marsad   # then: marsad worker --db …',
    );
  addQueueSchemaOption(addDbOption(command)).action(async (targets: string[], options: IngestOptions) => {
    const sink = options.queue ? await queueSink(options) : await storeSink(options);
    const statePath = options.feedState ?? feedStatePath(options.db);
    const feeds = readFeedStates(statePath);
    try {
      for (;;) {
        const progress = createProgress('ingest', {
          write: (s) => io.stderr.write(s),
          isTTY: Boolean((io.stderr as { isTTY?: boolean }).isTTY),
        });
        const { report, line } = await sink.run(itemsOf(targets, options.maxBytes, feeds), (ok) =>
          progress.tick(ok),
        );
        progress.end();
        // Saved only once everything read is stored: an interrupted run polls those feeds in full again.
        if (Object.keys(feeds).length > 0) writeFeedStates(statePath, feeds);
        if (options.json) io.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          io.stdout.write(`${line}\n`);
          // Each message names its item (a path, path:line or URL).
          for (const { error } of report.failed) io.stdout.write(`  ${error.message} [${error.code}]\n`);
        }
        if (options.watch === undefined) return;
        await new Promise((resolve) => setTimeout(resolve, options.watch! * 1000));
      }
    } finally {
      await sink.close();
    }
  });
}

async function storeSink(options: IngestOptions): Promise<IngestSink> {
  const store = await openStore(options.db, { bulkWrite: true });
  return {
    async run(items, onItem) {
      const report = await ingest(items, store, {
        ...(options.workers !== undefined && { workers: options.workers }),
        onItem,
      });
      return {
        report,
        line: `added ${report.added}, near duplicates linked ${report.nearDuplicates}, duplicates ${report.duplicates}, failed ${report.failed.length}`,
      };
    },
    close: () => store.close(),
  };
}

async function queueSink(options: IngestOptions): Promise<IngestSink> {
  const url = queueDatabase(options.db, 'marsad ingest --queue');
  const policy: JobPolicy = {
    retryLimit: options.retryLimit,
    retryDelaySeconds: options.retryDelay,
    retryBackoff: true,
    expireInSeconds: options.expireIn,
  };
  const store = await openStore(url);
  const queue = await openQueue(url, { schema: options.queueSchema }).catch(async (error) => {
    await store.close();
    throw error;
  });
  return {
    async run(items, onItem) {
      const report = await enqueueArticles(items, queue, store, { policy, onItem });
      return {
        report,
        line: `queued ${report.queued}, duplicates ${report.duplicates}, failed ${report.failed.length}`,
      };
    },
    async close() {
      try {
        await queue.close();
      } finally {
        await store.close();
      }
    },
  };
}

/** Beside a SQLite file (news.db → news.db.feeds.json); for a PostgreSQL URL, in the working directory. */
function feedStatePath(db: string | undefined): string {
  const { where, postgres } = storeLocation(db);
  return postgres ? 'marsad-feeds.json' : `${where}.feeds.json`;
}
