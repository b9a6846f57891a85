// `marsad queue stats`: the article queue's jobs by state, to watch a distributed run; and what the
// queue's commands (`ingest --queue`, `worker`, `queue`) share: the database must be PostgreSQL (the
// queue lives beside the store), and `--queue-schema` names pg-boss's schema.

import { type Command, Option } from 'commander';
import { fail } from '../core/errors.ts';
import { ARTICLE_QUEUE, DEFAULT_QUEUE_SCHEMA } from '../queue/article-job.ts';
import { type ArticleQueue, openArticleQueue, type QueueCounts, type QueueOptions } from '../queue/queue.ts';
import type { Io } from './io.ts';
import { positiveInt } from './number-options.ts';
import { addDbOption, storeLocation, withoutPassword } from './store-option.ts';

export interface QueueSchemaOption {
  queueSchema: string;
}

export function addQueueSchemaOption(command: Command): Command {
  return command.addOption(
    new Option('--queue-schema <name>', 'the PostgreSQL schema of the job queue (pg-boss)')
      .default(DEFAULT_QUEUE_SCHEMA)
      .argParser(schemaName),
  );
}

function schemaName(value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,49}$/.test(value))
    throw fail(
      'BAD_OPTION',
      `--queue-schema needs a name of letters, digits and _ (at most 50), not "${value}"`,
    );
  return value;
}

/** A number of seconds, fractions allowed (0.5), from `min` up. */
export function seconds(flag: string, value: string, min = 0.1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw fail('BAD_OPTION', `${flag} needs a number of seconds from ${min} up, not "${value}"`);
  return n;
}

/** The PostgreSQL URL the options name: the queue needs one, a SQLite file will not do. */
export function queueDatabase(db: string | undefined, command: string): string {
  const { where, postgres } = storeLocation(db);
  if (!postgres)
    throw fail(
      'BAD_OPTION',
      `${command} needs a PostgreSQL database (--db postgres://…), where the job queue is kept beside the store; ${where} is a SQLite file`,
    );
  return where;
}

/** The queue, or one clear line when the server cannot be reached. */
export async function openQueue(url: string, options: QueueOptions): Promise<ArticleQueue> {
  try {
    return await openArticleQueue(url, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail('BAD_OPTION', `cannot open the job queue in ${withoutPassword(url)}: ${reason}`);
  }
}

interface StatsOptions extends QueueSchemaOption {
  db?: string;
  json?: boolean;
  watch?: number;
}

export function registerQueue(program: Command, io: Io): void {
  const queue = program
    .command('queue')
    .description('the job queue of distributed mode (`marsad ingest --queue`, `marsad worker`)');
  const stats = queue
    .command('stats')
    .description('jobs by state: queued, retrying, active, completed, failed, archived; completed by worker')
    .option('--json', 'print the counts as JSON')
    .addOption(
      new Option('--watch <seconds>', 'print them again every so many seconds until interrupted').argParser(
        (v) => positiveInt('--watch', v),
      ),
    )
    .addHelpText('after', '\nExample:\n  marsad queue stats --db postgres://marsad@db/marsad --watch 10');
  addQueueSchemaOption(addDbOption(stats)).action(async (options: StatsOptions) => {
    const url = queueDatabase(options.db, 'marsad queue stats');
    const articles = await openQueue(url, { schema: options.queueSchema, maxConnections: 1 });
    try {
      for (;;) {
        const counts = await articles.counts();
        io.stdout.write(
          options.json ? `${JSON.stringify(counts)}\n` : describeCounts(counts, articles.schema),
        );
        if (options.watch === undefined) return;
        await new Promise((resolve) => setTimeout(resolve, options.watch! * 1000));
      }
    } finally {
      await articles.close();
    }
  });
}

function describeCounts(c: QueueCounts, schema: string): string {
  const workers = Object.entries(c.byWorker)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return (
    `${ARTICLE_QUEUE} (schema ${schema}): queued ${c.created}, retrying ${c.retry}, active ${c.active}, ` +
    `completed ${c.completed}, failed ${c.failed}, cancelled ${c.cancelled}, archived ${c.archived}\n` +
    (workers ? `  completed by worker: ${workers}\n` : '')
  );
}
