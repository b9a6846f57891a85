// bench:scale — distributed mode's throughput with 1 and 2 `marsad worker` processes on this
// machine, over the same SaudiNewsNet articles, each run into a fresh PostgreSQL schema (store) and
// queue schema (pg-boss), dropped afterwards; the ratio of the two; then what the measured figures
// imply for 1 M articles a day (docs/DEPLOYMENT.md explains the projection).
//
// How a run goes: the articles are written to a temporary JSON-lines file, queued by `marsad ingest
// --queue` (the compiled CLI, bin/marsad.js, as deployed), then the workers are started and the
// bench waits until every job is completed or failed, and stops them with SIGTERM (each prints its
// report: seconds spent analysing and on jobs altogether). The rate is completed jobs over the span
// from the first job started to the last completed, both read from the job table, so the workers'
// start-up (model loading, a few seconds) is not counted. Bytes per article: the store schema's
// tables with their indexes and TOAST (pg_total_relation_size) over the articles stored. WAL bytes:
// pg_current_wal_lsn() before and after the run, over the articles (other work on the same server
// during the run counts too). PostgreSQL runs on the same machine and cores as the workers.
//
// Usage: npm run bench:scale [-- --articles N --db postgres://… --concurrency N]
//   (default: 2,000 articles with text; the database of $MARSAD_BENCH_POSTGRES, else
//   $MARSAD_TEST_POSTGRES, else postgres://marsad:marsad@localhost:5432/marsad_test; it must allow
//   CREATE SCHEMA; 2 jobs in hand per worker, the worker's default). Takes 2 to 3 minutes.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';

const ARTICLES_PER_DAY = 1_000_000;
/** News is not spread evenly over the day: size the workers for this multiple of the mean rate. */
const PEAK_FACTOR = 3;

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    db: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
  },
});
const articleCount = Number(values.articles);
const concurrency = Number(values.concurrency);
if (!Number.isSafeInteger(articleCount) || articleCount <= 0)
  throw new Error('--articles needs a positive whole number');
if (!Number.isSafeInteger(concurrency) || concurrency <= 0)
  throw new Error('--concurrency needs a positive whole number');
const serverUrl =
  values.db ??
  process.env.MARSAD_BENCH_POSTGRES ??
  process.env.MARSAD_TEST_POSTGRES ??
  'postgres://marsad:marsad@localhost:5432/marsad_test';
const BIN = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));

interface WorkerReport {
  readonly worker: string;
  readonly added: number;
  readonly nearDuplicates: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly analysisSeconds: number;
  readonly queueSeconds: number;
  readonly busySeconds: number;
  readonly cpuSeconds: number;
}

interface RunResult {
  readonly workers: number;
  readonly queued: number;
  readonly completed: number;
  readonly failed: number;
  readonly stored: number;
  readonly seconds: number;
  readonly rate: number;
  readonly storeTables: readonly { readonly table: string; readonly bytes: number }[];
  readonly queueBytes: number;
  readonly walBytes: number;
  readonly reports: readonly WorkerReport[];
}

const { readSaudiNewsNet, toIngestLine } = await import('../dist/corpus/saudinewsnet.js');
const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-scale-'));
const admin = new Pool({ connectionString: serverUrl, max: 2 });
try {
  const lines: string[] = [];
  let textBytes = 0;
  for (const a of readSaudiNewsNet()) {
    if (a.text.trim() === '') continue;
    lines.push(toIngestLine(a));
    textBytes += Buffer.byteLength(a.text);
    if (lines.length >= articleCount) break;
  }
  const jsonl = join(dir, 'saudinewsnet.jsonl');
  writeFileSync(jsonl, `${lines.join('\n')}\n`);
  console.log(
    `bench:scale — ${lines.length.toLocaleString('en')} SaudiNewsNet articles (${(textBytes / lines.length / 1024).toFixed(1)} KiB of text each on average), ` +
      `${availableParallelism()} cores shared with PostgreSQL, ${concurrency} jobs in hand per worker`,
  );

  const runs: RunResult[] = [];
  for (const workers of [1, 2]) {
    process.stderr.write(`running ${workers} worker${workers > 1 ? 's' : ''} …\n`);
    runs.push(await run(workers, jsonl));
  }
  report(runs, lines.length);
} finally {
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}

async function run(workers: number, jsonl: string): Promise<RunResult> {
  // Hex only: safe to write into the DDL and the queries below.
  const suffix = randomBytes(6).toString('hex');
  const schema = `marsad_bench_${suffix}`;
  const queueSchema = `marsad_benchq_${suffix}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = ['--db', url.toString(), '--queue-schema', queueSchema];
  const children: ChildProcess[] = [];
  try {
    const enqueue = await cli(['ingest', '--queue', jsonl, ...db, '--json']);
    const queued = (JSON.parse(enqueue) as { queued: number }).queued;
    const wal0 = await walPosition();
    const outputs = Array.from({ length: workers }, () => {
      const child = spawn(
        process.execPath,
        [BIN, 'worker', ...db, '--poll', '0.5', '--concurrency', String(concurrency), '--json'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      let out = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      return once(child, 'exit').then(() => out);
    });
    let states: Record<string, number> = {};
    for (;;) {
      states = await jobStates(queueSchema);
      if ((states.completed ?? 0) + (states.failed ?? 0) >= queued) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const wal1 = await walPosition();
    for (const child of children) child.kill('SIGTERM');
    const reports = (await Promise.all(outputs)).map((out) => JSON.parse(out) as WorkerReport);
    const span = await admin.query<{ seconds: number }>(
      `SELECT extract(epoch FROM max(completed_on) - min(started_on))::float8 AS seconds FROM ${queueSchema}.job WHERE state = 'completed'`,
    );
    const stored = await admin.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${schema}.articles`);
    const seconds = span.rows[0]!.seconds;
    return {
      workers,
      queued,
      completed: states.completed ?? 0,
      failed: states.failed ?? 0,
      stored: stored.rows[0]!.n,
      seconds,
      rate: (states.completed ?? 0) / seconds,
      storeTables: await tableBytes(schema),
      queueBytes: (await tableBytes(queueSchema)).reduce((n, t) => n + t.bytes, 0),
      walBytes: Number(
        (await admin.query<{ d: string }>('SELECT pg_wal_lsn_diff($1, $2)::text AS d', [wal1, wal0])).rows[0]!
          .d,
      ),
      reports,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
  }
}

async function cli(args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`marsad ${args.join(' ')} exited with ${code}`);
  return out;
}

async function jobStates(queueSchema: string): Promise<Record<string, number>> {
  const { rows } = await admin.query<{ state: string; n: number }>(
    `SELECT state::text AS state, count(*)::integer AS n FROM ${queueSchema}.job GROUP BY state`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

async function walPosition(): Promise<string> {
  return (await admin.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
}

/** Tables of the schema with their indexes and TOAST, largest first. */
async function tableBytes(schema: string): Promise<{ readonly table: string; readonly bytes: number }[]> {
  const { rows } = await admin.query<{ table: string; bytes: string }>(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
    [schema],
  );
  return rows.map((r) => ({ table: r.table, bytes: Number(r.bytes) }));
}

function report(runs: readonly RunResult[], articles: number): void {
  const [one, two] = runs as [RunResult, RunResult];
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const sum = (r: RunResult, f: (w: WorkerReport) => number) => r.reports.reduce((n, w) => n + f(w), 0);
  const jobsOf = (w: WorkerReport) => w.added + w.nearDuplicates + w.duplicates;
  console.log('');
  console.log(
    `  ${'workers'.padEnd(8)} ${'articles/s'.padStart(10)} ${'vs 1'.padStart(6)} ${'span'.padStart(8)}  ${'stored'.padStart(6)} ${'failed'.padStart(6)}  jobs by worker`,
  );
  for (const r of runs)
    console.log(
      `  ${String(r.workers).padEnd(8)} ${r.rate.toFixed(1).padStart(10)} ${`${(r.rate / one.rate).toFixed(2)}×`.padStart(6)} ${`${r.seconds.toFixed(1)} s`.padStart(8)}  ${String(r.stored).padStart(6)} ${String(r.failed).padStart(6)}  ${r.reports.map(jobsOf).join(' + ')}`,
    );

  // Per job, from the one-worker run: where a job's time in hand goes.
  const jobs = sum(one, jobsOf);
  const analysis = sum(one, (w) => w.analysisSeconds) / jobs;
  const queue = sum(one, (w) => w.queueSeconds) / jobs;
  const busy = sum(one, (w) => w.busySeconds) / jobs;
  const store = busy - analysis - queue;
  const cpu = sum(one, (w) => w.cpuSeconds) / jobs;
  const storeBytes = one.storeTables.reduce((n, t) => n + t.bytes, 0);
  const perArticle = storeBytes / one.stored;
  const walPerArticle = Math.min(one.walBytes / one.completed, two.walBytes / two.completed);
  console.log('');
  const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
  console.log(
    `  a job in hand (1 worker): ${ms(busy)} = analysis ${ms(analysis)} + store ${ms(store)} (duplicate checks, the article's transaction) + queue ${ms(queue)} (marking it complete)`,
  );
  console.log(
    `  the worker's CPU: ${ms(cpu)} a job (analysis, duplicate checks, building the rows, the client's side of PostgreSQL); the rest of a job's time in hand is waiting`,
  );
  console.log(
    `  bytes: store ${kib(perArticle)} an article (tables, indexes, TOAST), WAL ${kib(walPerArticle)} an article (queue included), queue ${kib(one.queueBytes / one.completed)} a job until archived`,
  );

  console.log(
    `  largest tables: ${one.storeTables
      .slice(0, 4)
      .map((t) => `${t.table} ${((t.bytes / storeBytes) * 100).toFixed(0)} %`)
      .join(', ')}`,
  );

  const mean = ARTICLES_PER_DAY / 86_400;
  const peak = mean * PEAK_FACTOR;
  const day = ARTICLES_PER_DAY * perArticle;
  console.log('');
  console.log(
    `  projection for ${ARTICLES_PER_DAY.toLocaleString('en')} articles a day: ${mean.toFixed(1)}/s on average, sized for a ${PEAK_FACTOR}× peak of ${peak.toFixed(1)}/s`,
  );
  console.log(
    `    workers: ${(peak * cpu).toFixed(1)} cores of worker CPU at the peak → ${plural(Math.ceil(peak * cpu * 1.5), 'worker process', 'es')} (one a core, 50 % headroom)`,
  );
  console.log(
    `    jobs in hand at the peak (rate × time in hand): ${(peak * busy).toFixed(1)} → with --concurrency ${concurrency}, at least ${plural(Math.ceil((peak * busy) / concurrency), 'worker', 's')}`,
  );
  console.log(
    `    database: ${(peak * (store + queue)).toFixed(1)} connections busy at the peak (an upper bound on its cores: the store time measured here includes waiting for cores shared with the workers), ${((peak * walPerArticle) / 2 ** 20).toFixed(1)} MiB/s of WAL`,
  );
  console.log(
    `    growth: ${(day / 2 ** 30).toFixed(1)} GiB a day, ${((day * 365) / 2 ** 40).toFixed(1)} TiB a year of store; ${((ARTICLES_PER_DAY * walPerArticle) / 2 ** 30).toFixed(1)} GiB of WAL a day to archive or stream`,
  );
  console.log(
    `  2 workers vs 1 here: ${(two.rate / one.rate).toFixed(2)}× on ${availableParallelism()} cores that also run PostgreSQL (load average ${loadavg()[0]!.toFixed(1)} at the end); ${articles} articles a run`,
  );
}

function plural(n: number, noun: string, ending: string): string {
  return `${n} ${noun}${n === 1 ? '' : ending}`;
}
