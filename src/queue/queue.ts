// The article queue, kept in PostgreSQL by pg-boss: the one place the rest of Marsad meets pg-boss.
// pg-boss brings the job table (one partition per queue), FOR UPDATE SKIP LOCKED fetching, so any
// number of workers on any number of machines each take a different job, retries with backoff, and
// the maintenance that puts back the jobs of vanished workers once they expire (run by whichever
// process holds the maintenance lock that interval).
//
// pg-boss runs its SQL through a pool of ours (its `db` option) rather than one it makes itself:
// the pool's errors (an idle connection the server dropped) are ours to log rather than pg-boss's to
// re-emit, connecting has a timeout, and a PgBoss that failed to start can be replaced by another
// without leaking its pool. pool.query keeps an error listener on the connection while it is out
// and gives up a connection whose statement failed, so a server restart neither crashes the process
// nor leaves a pooled connection inside an aborted transaction (pg-boss's maintenance is one
// BEGIN … COMMIT string).

import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import {
  ARTICLE_QUEUE,
  type ArticleJob,
  DEFAULT_QUEUE_SCHEMA,
  type JobOutcome,
  type JobPolicy,
  jobIdOf,
} from './article-job.ts';

export interface QueueOptions {
  /** The pg-boss schema; DEFAULT_QUEUE_SCHEMA unless given. */
  readonly schema?: string;
  /**
   * Run pg-boss's maintenance (expiring abandoned jobs, archiving finished ones) every so many
   * seconds; workers do, short-lived commands (enqueue, stats) leave it to them.
   */
  readonly maintenanceIntervalSeconds?: number;
  /** Connections the queue's pool may open; 4 by default. */
  readonly maxConnections?: number;
  /** Errors from the background (maintenance, dropped connections): they never end the process. */
  readonly onError?: (error: Error) => void;
}

/** A job taken from the queue. */
export interface TakenJob {
  readonly id: string;
  readonly data: ArticleJob;
}

/** Jobs of the article queue by state; `archived` are finished jobs moved out of the job table. */
export interface QueueCounts {
  readonly created: number;
  readonly retry: number;
  readonly active: number;
  readonly completed: number;
  readonly cancelled: number;
  readonly failed: number;
  readonly archived: number;
  /** Completed jobs (not yet archived) by the worker (`host:pid`) that did them. */
  readonly byWorker: Readonly<Record<string, number>>;
}

export interface ArticleQueue {
  readonly schema: string;
  /** Enqueues the article's job; false when a job for that article id is already in the queue. */
  send(job: ArticleJob, articleId: string, policy: JobPolicy): Promise<boolean>;
  /** The next ready job, if any; none as well while the database cannot be reached. */
  fetch(): Promise<TakenJob | undefined>;
  complete(id: string, output: JobOutcome): Promise<void>;
  /** Marks the attempt failed: the job is retried after its delay, or left `failed` after its last try. */
  fail(id: string, error: { readonly code?: string; readonly message: string }): Promise<void>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

const START_ATTEMPTS = 3;

export async function openArticleQueue(url: string, options: QueueOptions = {}): Promise<ArticleQueue> {
  const schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
  const onError = options.onError ?? (() => undefined);
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    application_name: 'marsad-queue',
    // A server that accepts no connection (down, unreachable) is an error to retry, not a hang.
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', onError);
  const db: PgBoss.Db = { executeSql: (text, values) => pool.query(text, values) };
  const config: PgBoss.ConstructorOptions = {
    db,
    schema,
    migrate: true,
    schedule: false,
    supervise: options.maintenanceIntervalSeconds !== undefined,
    ...(options.maintenanceIntervalSeconds !== undefined && {
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    }),
  };
  let boss: PgBoss | undefined;
  try {
    // Processes started together race to install pg-boss's schema; the loser's CREATE fails, and a
    // second try finds it installed. (A PgBoss that failed to start cannot be started again.)
    for (let attempt = 1; !boss; attempt++) {
      const candidate = new PgBoss(config);
      candidate.on('error', onError);
      try {
        await candidate.start();
        await candidate.createQueue(ARTICLE_QUEUE);
        boss = candidate;
      } catch (error) {
        await candidate.stop({ graceful: false }).catch(() => undefined);
        if (attempt >= START_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const started = boss;
  const counts = countsQueries(schema);

  return {
    schema,
    async send(job, articleId, policy) {
      const id = await started.send(ARTICLE_QUEUE, job, {
        id: jobIdOf(articleId),
        // Not what deduplicates (the id does, whatever the queue policy): it lets an operator find
        // an article's job with `WHERE singleton_key = 'a-…'`.
        singletonKey: articleId,
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: policy.retryBackoff,
        expireInSeconds: policy.expireInSeconds,
      });
      return id !== null;
    },
    async fetch() {
      const [job] = await started.fetch<ArticleJob>(ARTICLE_QUEUE, { batchSize: 1 });
      return job ? { id: job.id, data: job.data } : undefined;
    },
    async complete(id, output) {
      await started.complete(ARTICLE_QUEUE, id, { ...output });
    },
    async fail(id, error) {
      await started.fail(ARTICLE_QUEUE, id, { ...error });
    },
    async counts() {
      const byState = await db.executeSql(counts.byState, [ARTICLE_QUEUE]);
      const archived = await db.executeSql(counts.archived, [ARTICLE_QUEUE]);
      const workers = await db.executeSql(counts.byWorker, [ARTICLE_QUEUE]);
      const state = (name: string) =>
        Number((byState.rows as { state: string; n: number }[]).find((r) => r.state === name)?.n ?? 0);
      return {
        created: state('created'),
        retry: state('retry'),
        active: state('active'),
        completed: state('completed'),
        cancelled: state('cancelled'),
        failed: state('failed'),
        archived: Number(archived.rows[0]?.n ?? 0),
        byWorker: Object.fromEntries(
          (workers.rows as { worker: string; n: number }[]).map((r) => [r.worker, Number(r.n)]),
        ),
      };
    },
    async close() {
      try {
        await started.stop({ graceful: false, wait: true });
      } finally {
        await pool.end();
      }
    },
  };
}

/** The schema name is checked by pg-boss (letters, digits, underscores) before it is written here. */
function countsQueries(schema: string) {
  return {
    byState: `SELECT state::text AS state, count(*)::integer AS n FROM ${schema}.job WHERE name = $1 GROUP BY state`,
    archived: `SELECT count(*)::integer AS n FROM ${schema}.archive WHERE name = $1`,
    byWorker: `SELECT output->>'worker' AS worker, count(*)::integer AS n FROM ${schema}.job
      WHERE name = $1 AND state = 'completed' GROUP BY 1 ORDER BY 1`,
  };
}
