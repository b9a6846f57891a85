// `marsad worker --db postgres://…`: a long-running process that analyses the articles `marsad
// ingest --queue` put in the queue and stores them in the same PostgreSQL store (src/queue/worker.ts).
// Run as many as the cores and machines allow; they share the work through the queue. SIGINT or
// SIGTERM stops it gracefully: no new job, the ones in hand finished and recorded within --grace
// seconds (a job still in hand after that is left to expire and be retried elsewhere); a second
// signal stops it at once, with the same outcome for its jobs.

import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { waitForDatabase } from '../queue/wait-for-database.ts';
import { startWorker, type WorkerReport, workerName } from '../queue/worker.ts';
import type { Io } from './io.ts';
import { positiveInt } from './number-options.ts';
import {
  addQueueSchemaOption,
  openQueue,
  type QueueSchemaOption,
  queueDatabase,
  seconds,
} from './queue-command.ts';
import { addDbOption, openStore, withoutPassword } from './store-option.ts';

interface WorkerCommandOptions extends QueueSchemaOption {
  db?: string;
  concurrency: number;
  poll: number;
  maintenance: number;
  grace: number;
  wait: number;
  json?: boolean;
  curation?: string;
}

/** How often a running worker says what it has done. */
const PROGRESS_MS = 60_000;

export function registerWorker(program: Command, io: Io): void {
  const command = program
    .command('worker')
    .description(
      'take articles from the job queue (`marsad ingest --queue`), analyse and store them, until stopped',
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        'jobs in hand at once (analysis shares one core: run a worker per core)',
      )
        .default(2)
        .argParser((v) => positiveInt('--concurrency', v)),
    )
    .addOption(
      new Option('--poll <seconds>', 'wait before asking again when the queue is empty')
        .default(2)
        .argParser((v) => seconds('--poll', v)),
    )
    .addOption(
      new Option(
        '--maintenance <seconds>',
        'how often abandoned jobs (their worker died) are looked for and put back, once across all workers',
      )
        .default(30)
        .argParser((v) => seconds('--maintenance', v, 1)),
    )
    .addOption(
      new Option('--grace <seconds>', 'on SIGINT/SIGTERM, how long to finish the jobs in hand')
        .default(30)
        .argParser((v) => seconds('--grace', v, 0)),
    )
    .addOption(
      new Option('--wait <seconds>', 'at start, how long to wait for a database that cannot be reached yet')
        .default(60)
        .argParser((v) => seconds('--wait', v, 0)),
    )
    .option(
      '--json',
      'when stopped, print what it did as JSON: { worker, added, nearDuplicates, duplicates, failed, analysisSeconds, queueSeconds, busySeconds, cpuSeconds }',
    )
    .option(
      '--curation <file>',
      'the analysts’ curation log applied to the knowledge base (default: $MARSAD_CURATION, else ./marsad-curation.jsonl)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marsad ingest --queue news/ --db postgres://marsad@db/marsad\n  marsad worker --db postgres://marsad@db/marsad --concurrency 2\n  marsad queue stats --db postgres://marsad@db/marsad',
    );
  addQueueSchemaOption(addDbOption(command)).action(async (options: WorkerCommandOptions) => {
    const url = queueDatabase(options.db, 'marsad worker');
    const name = workerName();
    const log = (line: string) => io.stderr.write(`marsad worker ${name}: ${line}\n`);
    const stop = new AbortController();
    const abandon = new AbortController();
    // The first signal stops taking jobs; a second one, or the end of the grace period, stops
    // waiting for the jobs in hand.
    const onSignal = () => {
      if (stop.signal.aborted) abandon.abort();
      else {
        log('stopping: finishing the jobs in hand (a second signal stops at once)');
        stop.abort();
      }
    };
    stop.signal.addEventListener(
      'abort',
      () => setTimeout(() => abandon.abort(), options.grace * 1000).unref(),
      {
        once: true,
      },
    );

    await waitForDatabase(url, options.wait * 1000, (reason) => log(`waiting for the database: ${reason}`));
    const store = await openStore(url);
    const analyze = createAnalyzer(options.curation === undefined ? {} : { curation: options.curation });
    const queue = await openQueue(url, {
      schema: options.queueSchema,
      maintenanceIntervalSeconds: options.maintenance,
      maxConnections: 2,
      onError: (error) => log(`queue: ${error.message}`),
    }).catch(async (error) => {
      await store.close();
      throw error;
    });
    log(
      `taking jobs from ${withoutPassword(url)} (schema ${queue.schema}), ${options.concurrency} at a time`,
    );
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const cpuAtStart = process.cpuUsage();
    const worker = startWorker(queue, store, analyze, {
      concurrency: options.concurrency,
      pollIntervalMs: options.poll * 1000,
      signal: stop.signal,
      abandon: abandon.signal,
      name,
      log,
    });
    const { report } = worker;
    let said = summary(report);
    const progress = setInterval(() => {
      if (summary(report) === said) return;
      said = summary(report);
      log(said);
    }, PROGRESS_MS);
    let finished = false;
    try {
      finished = await Promise.race([
        worker.stopped.then(() => true),
        once(abandon.signal, 'abort').then(() => false),
      ]);
    } finally {
      clearInterval(progress);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await queue.close().catch((error: Error) => log(`closing the queue: ${error.message}`));
      await store.close().catch((error: Error) => log(`closing the store: ${error.message}`));
    }
    if (!finished) log('jobs still in hand are left to expire and be retried');
    log(`stopped: ${summary(report)}`);
    if (options.json) {
      // The process's CPU time since it began taking jobs (V8's helper threads included): with the
      // jobs' wall time, it tells waiting (for the database, for a shared core) from working.
      const cpu = process.cpuUsage(cpuAtStart);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      io.stdout.write(`${JSON.stringify({ worker: name, ...report, cpuSeconds })}\n`);
    }
  });
}

function summary(r: WorkerReport): string {
  return `added ${r.added}, near duplicates linked ${r.nearDuplicates}, duplicates ${r.duplicates}, failed attempts ${r.failed}`;
}
