// A worker: takes article jobs from the queue, `concurrency` at a time, and runs each through
// ingest() (src/ingest/ingest.ts) with the analyzer in hand, so a job gets exactly what `marsad
// ingest` gives an article: the stored-already check before analysis, near-duplicate linking, one
// transaction for everything the article brings. Analysis runs on this thread; the jobs in hand
// overlap one another's database round trips, and more cores are used by more worker processes.
//
// Nothing about the database going away ends the loop. pg-boss answers a fetch that fails with no
// job, so a worker whose server is down keeps polling and takes jobs again once it is back; a job
// whose analysis or save failed is marked failed (and so retried after its delay); when even that
// cannot be written, or its completion cannot, the job stays active until it expires and is
// retried, and the idempotent save makes the retry harmless (src/queue/article-job.ts).
//
// Stopping (the signal aborted): no new job is taken, those in hand are finished and recorded.

import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingest } from '../ingest/ingest.ts';
import type { IngestItem } from '../ingest/sources/item.ts';
import type { Analyze } from '../pipeline/analyze.ts';
import type { Repository } from '../store/repository.ts';
import type { JobOutcome } from './article-job.ts';
import type { ArticleQueue, TakenJob } from './queue.ts';

export interface WorkerOptions {
  /** Jobs in hand at once. */
  readonly concurrency: number;
  /** How long to wait before asking again when the queue had no job. */
  readonly pollIntervalMs: number;
  /** Aborted: take no new job, finish the ones in hand. */
  readonly signal: AbortSignal;
  /** Aborted: stop trying to record the jobs in hand (they expire and are retried elsewhere). */
  readonly abandon?: AbortSignal;
  /** Recorded with each completed job; `host:pid` by default. */
  readonly name?: string;
  /** A line about something that went wrong (a failed job, a completion that could not be recorded). */
  readonly log?: (line: string) => void;
}

export interface WorkerReport {
  /** Jobs completed by this worker, by how the store took their article. */
  added: number;
  nearDuplicates: number;
  duplicates: number;
  /** Attempts that failed here (each is retried elsewhere or later, up to the job's retry limit). */
  failed: number;
  /**
   * Seconds summed over the slots: analysing; recording jobs' ends in the queue; and on jobs
   * altogether (the rest of it is the store: duplicate checks and the article's transaction).
   */
  analysisSeconds: number;
  queueSeconds: number;
  busySeconds: number;
}

/** Tries to record a job's end for about 20 s of outage; past that, the job's expiry takes over. */
const RECORD_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 8000];

export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** A running worker: its report, counted as jobs end, and the promise of its stop. */
export interface RunningWorker {
  readonly report: Readonly<WorkerReport>;
  /** Settles once the signal is aborted and every job in hand is recorded. */
  readonly stopped: Promise<void>;
}

export function startWorker(
  queue: ArticleQueue,
  store: Repository,
  analyze: Analyze,
  options: WorkerOptions,
): RunningWorker {
  const report: WorkerReport = {
    added: 0,
    nearDuplicates: 0,
    duplicates: 0,
    failed: 0,
    analysisSeconds: 0,
    queueSeconds: 0,
    busySeconds: 0,
  };
  const name = options.name ?? workerName();
  const log = options.log ?? (() => undefined);
  const timedAnalyze: Analyze = (input) => {
    const start = performance.now();
    try {
      return analyze(input);
    } finally {
      report.analysisSeconds += (performance.now() - start) / 1000;
    }
  };

  const record = async (what: string, write: () => Promise<void>) => {
    const start = performance.now();
    for (const delay of [...RECORD_DELAYS_MS, undefined]) {
      try {
        await write();
        break;
      } catch (error) {
        if (delay === undefined || options.abandon?.aborted) {
          log(`${what}: ${messageOf(error)}; the job will be retried when it expires`);
          break;
        }
        await sleep(delay, undefined, options.abandon && { signal: options.abandon }).catch(() => undefined);
      }
    }
    report.queueSeconds += (performance.now() - start) / 1000;
  };

  const handle = async (job: TakenJob) => {
    const start = performance.now();
    try {
      const outcome = await storeArticle(job, store, timedAnalyze);
      report[outcome === 'added' ? 'added' : outcome === 'nearDuplicate' ? 'nearDuplicates' : 'duplicates']++;
      await record(`cannot mark job ${job.id} complete`, () =>
        queue.complete(job.id, { outcome, worker: name }),
      );
    } catch (error) {
      report.failed++;
      const failure = failureOf(error);
      log(`job ${job.id} (${job.data.origin}) failed: ${failure.message}`);
      await record(`cannot mark job ${job.id} failed`, () => queue.fail(job.id, failure));
    } finally {
      report.busySeconds += (performance.now() - start) / 1000;
    }
  };

  const slot = async () => {
    while (!options.signal.aborted) {
      const job = await queue.fetch().catch(() => undefined);
      if (job) await handle(job);
      else await sleep(options.pollIntervalMs, undefined, { signal: options.signal }).catch(() => undefined);
    }
  };
  const slots = Array.from({ length: Math.max(1, options.concurrency) }, slot);
  return { report, stopped: Promise.all(slots).then(() => undefined) };
}

/** One article through ingest(): how the store took it, or an error for the job's output. */
async function storeArticle(
  job: TakenJob,
  store: Repository,
  analyze: Analyze,
): Promise<JobOutcome['outcome']> {
  const { article, origin, language } = job.data;
  const item: IngestItem = { ok: true, article, origin, language };
  const report = await ingest(
    (async function* () {
      yield item;
    })(),
    store,
    { analyze },
  );
  const [failure] = report.failed;
  if (failure) throw new JobFailure(failure.error.code, failure.error.message);
  if (report.added > 0) return 'added';
  return report.nearDuplicates > 0 ? 'nearDuplicate' : 'duplicate';
}

class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function failureOf(error: unknown): { readonly code?: string; readonly message: string } {
  if (error instanceof JobFailure) return { code: error.code, message: error.message };
  return { message: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
