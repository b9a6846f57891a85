// bench:ingest — articles per second and peak memory of `marsad ingest` over SaudiNewsNet: every
// article through the real pipeline (duplicate checks, the worker-thread analysis pool, SQLite
// commits of up to 128 articles) into a fresh database in a temporary folder, beside baselines measured
// in the same run on the same articles: the text layer alone on one core (the ratio printed, as
// bench:text prints its own), and the full analysis on one core in process (a sample, no store).
//
// How the articles go in: the corpus is written to a temporary JSON-lines file
// ({id, url, source, title, publishedAt, text} a line) and read back by the real source, walkPaths,
// as `marsad ingest FILE.jsonl` reads it. The 354 articles whose text is empty or blank are the
// run's failures (INGEST_BAD_LINE, '"text" is empty'), as they would be for `marsad ingest`; exact
// duplicates are skipped (797) and near duplicates stored and linked (1,290): 29,879 stored.
// The rate is articles stored per second of wall time from the call of ingest() to its end, worker
// start-up included (about a second); the same after the first article is printed beside it.
// CPU: process.cpuUsage() of the ingest process (all its threads, V8's GC helpers included) gives
// articles per CPU second, which other work on a shared machine does not change the way it
// changes the wall-time rate: on N free cores the rate cannot exceed N × that figure. The main
// thread's own CPU (from /proc/self/task/<pid>/stat) is printed beside it: that thread reads, checks
// duplicates and writes every article to SQLite, so 1 / its time per article bounds the rate however
// many workers analyse.
//
// Memory: the ingest runs in a child process that does nothing else, so its peak RSS is the
// ingest's. process.resourceUsage().maxRSS is getrusage(RUSAGE_SELF): one figure for the whole
// process, worker threads included (threads share one address space; no OS counter splits them,
// checked: a worker that allocates 120 MB raises the main thread's maxRSS by as much). So the report
// gives that whole-process peak (what the ≤ 1 GiB target is about), split at the sampled peak into
// anonymous memory and file-backed pages (/proc/self/status; SQLite maps the database file, and the
// pages it reads count as resident until the kernel drops them), the RSS of the main thread's
// process before the pool starts (store open, modules loaded), and the V8 heap of each thread: the
// main isolate's, sampled on the main thread, and each worker's, sampled inside the worker. For the
// last, the bench swaps worker_threads.Worker (syncBuiltinESMExports) for a subclass that starts
// the pool's own worker module behind a few lines posting v8.getHeapStatistics() every 100 ms on a
// port of their own; the analysis and its messages are untouched.
//
// The database is kept afterwards as <tmpdir>/marsad-bench/saudinewsnet-<articles>.db, where
// bench:search finds it. It measures the compiled library in dist/ (the npm script builds first).
// A full run takes about 2 minutes on 2 quiet cores.
// Usage: npm run bench:ingest [-- --articles N --workers N --sample N]
//   (default: all 31,030 articles, one worker per core, a 1,000-article one-core analysis sample)

import { spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { WorkerOptions } from 'node:worker_threads';
import { positiveInt } from '../dist/cli/number-options.js';

const TARGET_RATE = 300;
const TARGET_RSS_MIB = 1024;
const SAMPLE_MS = 100;

/** What the child process measures and sends back as one JSON line. */
interface ChildReport {
  readonly seconds: number;
  /** From the start to the first article stored: the workers loading their models. */
  readonly startUpSeconds: number;
  readonly items: number;
  readonly added: number;
  readonly nearDuplicates: number;
  readonly duplicates: number;
  readonly failed: Readonly<Record<string, number>>;
  readonly maxRssMiB: number;
  readonly rssBeforePoolMiB: number;
  readonly sampledPeakRssMiB: number;
  /** At the sampled peak: anonymous memory (heaps, malloc) and file-backed pages (the database's mmap). */
  readonly peakRssSplitMiB: { readonly anon: number; readonly file: number } | undefined;
  readonly mainHeapPeakMiB: number;
  readonly mainHeapTotalPeakMiB: number;
  readonly workerHeapPeakMiB: readonly number[];
  readonly workerHeapTotalPeakMiB: readonly number[];
  readonly dbMiB: number;
  /** CPU seconds of the whole process (every thread) over the ingest. */
  readonly cpuSeconds: number;
  /** CPU seconds of the main thread alone (reading, duplicate checks, SQLite), where Linux tells. */
  readonly mainCpuSeconds: number | undefined;
  /** At each quarter of the items: the workers' V8 heaps (used, summed) and the process RSS. */
  readonly quarters: readonly { readonly workerHeapMiB: number; readonly rssMiB: number }[];
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    workers: { type: 'string', default: String(availableParallelism()) },
    sample: { type: 'string', default: '1000' },
    // Internal: the child process that runs the measured ingest.
    child: { type: 'string' },
    db: { type: 'string' },
  },
});

const mib = (bytes: number) => bytes / 2 ** 20;

if (values.child !== undefined)
  await runChild(
    values.child,
    values.db!,
    positiveInt('--workers', values.workers),
    positiveInt('--articles', values.articles ?? ''),
  );
else await runParent();

// ---------------------------------------------------------------------------------------------
// The child: the measured ingest, nothing else.

async function runChild(jsonl: string, dbPath: string, workers: number, items: number): Promise<void> {
  const workerHeaps = measureWorkerHeaps();
  const v8 = await import('node:v8');
  const { ingest } = await import('../dist/ingest/ingest.js');
  const { walkPaths } = await import('../dist/ingest/sources/index.js');
  const { openSqliteRepository } = await import('../dist/store/sqlite.js');
  const { createProgress } = await import('../dist/cli/progress.js');

  // Opened as `marsad ingest` opens it (cli/store-option.ts, SqliteOptions.bulkWrite).
  const store = openSqliteRepository(dbPath, { bulkWrite: true });
  await store.migrate();
  const rssBeforePool = process.memoryUsage.rss();
  let sampledPeakRss = rssBeforePool;
  let peakRssSplit: { anon: number; file: number } | undefined;
  let mainHeapPeak = 0;
  let mainHeapTotalPeak = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > sampledPeakRss) {
      sampledPeakRss = rss;
      peakRssSplit = rssSplit();
    }
    const heap = v8.getHeapStatistics();
    mainHeapPeak = Math.max(mainHeapPeak, heap.used_heap_size);
    mainHeapTotalPeak = Math.max(mainHeapTotalPeak, heap.total_heap_size);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const progress = createProgress('ingest', { write: (s) => process.stderr.write(s), isTTY: false });
  const quarters: { workerHeapMiB: number; rssMiB: number }[] = [];
  const cpu0 = process.cpuUsage();
  const mainCpu0 = mainThreadCpuSeconds();
  const t0 = performance.now();
  let first = 0;
  let done = 0;
  const onItem = (ok: boolean) => {
    if (first === 0 && ok) first = performance.now();
    progress.tick(ok);
    if (++done >= ((quarters.length + 1) * items) / 4)
      quarters.push({
        workerHeapMiB: mib(workerHeaps.reduce((n, w) => n + w.now, 0)),
        rssMiB: mib(process.memoryUsage.rss()),
      });
  };
  const report = await ingest(walkPaths([jsonl]), store, { workers, onItem });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainCpu1 = mainThreadCpuSeconds();
  sample();
  clearInterval(timer);
  progress.end();
  await store.close();
  const failed: Record<string, number> = {};
  for (const { error } of report.failed) failed[error.code] = (failed[error.code] ?? 0) + 1;
  const result: ChildReport = {
    seconds,
    startUpSeconds: (first - t0) / 1000,
    items: report.added + report.nearDuplicates + report.duplicates + report.failed.length,
    added: report.added,
    nearDuplicates: report.nearDuplicates,
    duplicates: report.duplicates,
    failed,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    rssBeforePoolMiB: mib(rssBeforePool),
    sampledPeakRssMiB: mib(sampledPeakRss),
    peakRssSplitMiB: peakRssSplit,
    mainHeapPeakMiB: mib(mainHeapPeak),
    mainHeapTotalPeakMiB: mib(mainHeapTotalPeak),
    workerHeapPeakMiB: workerHeaps.map((w) => mib(w.used)),
    workerHeapTotalPeakMiB: workerHeaps.map((w) => mib(w.total)),
    dbMiB: mib(statSync(dbPath).size),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainCpuSeconds: mainCpu0 === undefined || mainCpu1 === undefined ? undefined : mainCpu1 - mainCpu0,
    quarters,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * CPU seconds of the main thread so far, from /proc/self/task/<pid>/stat (utime + stime in clock
 * ticks, 100 a second on Linux); undefined where there is no /proc. process.cpuUsage() counts every
 * thread, so this is what tells the thread that writes from the workers.
 */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The process's resident memory split as Linux counts it (/proc/self/status), in MiB: anonymous
 * (V8 heaps, typed arrays, malloc) and file-backed (code, and the database pages SQLite reads
 * through mmap, which the kernel can drop at will); undefined where there is no /proc.
 */
function rssSplit(): { anon: number; file: number } | undefined {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const anon = kib('RssAnon');
    const file = kib('RssFile') + kib('RssShmem');
    return Number.isNaN(anon + file) ? undefined : { anon: anon / 1024, file: file / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Replaces worker_threads.Worker, before the pool module is loaded, with a subclass that starts the
 * pool's worker module behind a sampler of that worker's own V8 heap; returns the peaks, one entry
 * per worker started, filled in as the samples arrive.
 */
function measureWorkerHeaps(): { used: number; total: number; now: number }[] {
  const require = createRequire(import.meta.url);
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const peaks: { used: number; total: number; now: number }[] = [];
  const Original = threads.Worker;
  class Measured extends Original {
    constructor(filename: string | URL, options: WorkerOptions = {}) {
      if (options.eval || !String(filename).includes('pool-worker')) {
        super(filename, options);
        return;
      }
      const { port1, port2 } = new threads.MessageChannel();
      const peak = { used: 0, total: 0, now: 0 };
      peaks.push(peak);
      port1.on('message', (h: { used: number; total: number }) => {
        peak.used = Math.max(peak.used, h.used);
        peak.total = Math.max(peak.total, h.total);
        peak.now = h.used;
      });
      port1.unref();
      const href = filename instanceof URL ? filename.href : String(filename);
      const shim = `const { workerData } = require('node:worker_threads');
const v8 = require('node:v8');
const port = workerData.heapPort;
setInterval(() => {
  const h = v8.getHeapStatistics();
  port.postMessage({ used: h.used_heap_size, total: h.total_heap_size });
}, ${SAMPLE_MS}).unref();
import(${JSON.stringify(href)});`;
      super(shim, { ...options, eval: true, workerData: { heapPort: port2 }, transferList: [port2] });
    }
  }
  threads.Worker = Measured;
  syncBuiltinESMExports();
  return peaks;
}

// ---------------------------------------------------------------------------------------------
// The parent: the corpus to JSON lines, the baselines, the child, the report.

async function runParent(): Promise<void> {
  const { readSaudiNewsNet, toIngestLine } = await import('../dist/corpus/saudinewsnet.js');
  const { loadLexicon } = await import('../dist/text/lexicon.js');
  const { createTextAnalyzer } = await import('../dist/text/text-layer.js');
  const { createAnalyzer } = await import('../dist/pipeline/analyze.js');

  const workers = positiveInt('--workers', values.workers);
  const sampleSize = positiveInt('--sample', values.sample);
  const limit = values.articles === undefined ? undefined : positiveInt('--articles', values.articles);
  const started = performance.now();
  const load0 = loadavg()[0]!;

  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  const jsonl = join(dir, 'saudinewsnet.jsonl');
  const dbPath = join(dir, 'marsad.db');
  const articles = [...readSaudiNewsNet(limit === undefined ? {} : { limit })];
  const out = createWriteStream(jsonl);
  for (const a of articles) {
    if (!out.write(`${toIngestLine(a)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  const texts = articles.map((a) => a.text).filter((t) => t.trim() !== '');
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  console.log(
    `bench:ingest — ${articles.length.toLocaleString('en')} SaudiNewsNet articles (${texts.length.toLocaleString('en')} with text, ${megabytes.toFixed(1)} MB UTF-8), ${workers} workers, ${availableParallelism()} cores`,
  );
  console.log(
    `  input: a temporary JSON-lines file read by walkPaths, as \`marsad ingest FILE.jsonl\` reads it`,
  );

  // Baseline 1: the text layer alone, one core, every article with text (a fresh analyzer, as a
  // new process has; the lexicon loaded outside the timing).
  loadLexicon();
  const textLayer = createTextAnalyzer(loadLexicon());
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  for (const t of texts) textLayer(t);
  const textSeconds = (performance.now() - t0) / 1000;
  const textCpu = cpuSince(cpu0);

  // Baseline 2: the full analysis in process on one core, no threads and no store, over a sample
  // (the whole corpus would take a quarter of an hour): every k-th article with text, so that it
  // is spread over the corpus as the ingest is; model loading outside the timing.
  const analyze = createAnalyzer();
  const withText = articles.filter((a) => a.text.trim() !== '');
  const stride = Math.max(1, Math.floor(withText.length / sampleSize));
  const sample = withText.filter((_, i) => i % stride === 0).slice(0, sampleSize);
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  for (const a of sample) analyze({ id: a.id, text: a.text, title: a.title, publishedAt: a.date });
  const analyzeSeconds = (performance.now() - t0) / 1000;
  const analyzeCpu = cpuSince(cpu0);

  // The measured ingest, in a process of its own.
  process.stderr.write(`ingesting into ${dbPath} …\n`);
  const child = await runChildProcess(jsonl, dbPath, workers, articles.length);
  const load1 = loadavg()[0]!;

  const stored = child.added + child.nearDuplicates;
  const ingestRate = stored / child.seconds;
  const steadyRate = (stored - 1) / (child.seconds - child.startUpSeconds);
  const textRate = texts.length / textSeconds;
  const analyzeRate = sample.length / analyzeSeconds;
  const rate = (r: number) => `${r.toFixed(1).padStart(8)} articles/s`;
  const perCpu = (n: number, cpu: number) => `${(n / cpu).toFixed(1).padStart(8)}`;
  const failures = Object.entries(child.failed)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  console.log('');
  console.log(
    `  ${'method'.padEnd(52)} ${'rate (wall)'.padStart(19)}  ${'vs text layer'.padStart(13)}  ${'per CPU s'.padStart(9)}`,
  );
  const row = (name: string, r: number, cpuRate: string) =>
    console.log(
      `  ${name.padEnd(52)} ${rate(r)}  ${`${(r / textRate).toFixed(3)}×`.padStart(13)}  ${cpuRate.padStart(9)}`,
    );
  row('text layer alone, 1 core (baseline)', textRate, perCpu(texts.length, textCpu));
  row(
    `full analysis, 1 core, no store (${sample.length}, every ${stride}th)`,
    analyzeRate,
    perCpu(sample.length, analyzeCpu),
  );
  row(`marsad ingest, ${workers} workers, SQLite (all)`, ingestRate, perCpu(stored, child.cpuSeconds));
  row('  the same after the first article stored', steadyRate, '');
  console.log('');
  console.log(
    `  ingest: ${stored.toLocaleString('en')} stored (${child.nearDuplicates} of them near duplicates, linked), ${child.duplicates} duplicates skipped, ${failures || 'none'} failed; ${child.seconds.toFixed(1)} s wall, of which ${child.startUpSeconds.toFixed(1)} s to the first article stored (workers loading their models)`,
  );
  console.log(
    `  CPU: ${child.cpuSeconds.toFixed(0)} s over ${child.seconds.toFixed(0)} s wall, ${(child.cpuSeconds / child.seconds).toFixed(2)} of ${availableParallelism()} cores on average (the rest went to other work on the machine); ${(stored / child.cpuSeconds).toFixed(1)} articles per CPU second`,
  );
  if (child.mainCpuSeconds !== undefined)
    console.log(
      `  main thread (reading, duplicate checks, SQLite writes): ${child.mainCpuSeconds.toFixed(0)} CPU s, ${((child.mainCpuSeconds / child.cpuSeconds) * 100).toFixed(0)} % of the ingest's CPU, ${((child.mainCpuSeconds / stored) * 1000).toFixed(2)} ms an article; the rest is the workers' (and V8's helper threads)`,
    );
  console.log(
    `  pool speed-up over the one-core analysis: ${(ingestRate / analyzeRate).toFixed(2)}× with ${workers} workers on ${availableParallelism()} cores (the main thread reads, checks duplicates and writes on the same cores); per CPU second the ingest does ${((stored / child.cpuSeconds / (sample.length / analyzeCpu)) * 100).toFixed(0)} % of the analysis alone (the rest: threads, JSON across them, duplicate checks, SQLite)`,
  );
  console.log(
    `  database: ${child.dbMiB.toFixed(0)} MiB (${((child.dbMiB / stored) * 1024).toFixed(1)} KiB an article)`,
  );
  console.log('');
  console.log('  memory of the ingest process (main thread and worker threads share one address space):');
  console.log(
    `    peak RSS, whole process (resourceUsage maxRSS)   ${child.maxRssMiB.toFixed(0).padStart(6)} MiB`,
  );
  console.log(
    `    peak RSS, sampled every ${SAMPLE_MS} ms              ${child.sampledPeakRssMiB.toFixed(0).padStart(6)} MiB`,
  );
  if (child.peakRssSplitMiB)
    console.log(
      `      of it anonymous / file-backed (mmap'd database, code) ${child.peakRssSplitMiB.anon.toFixed(0).padStart(6)} / ${child.peakRssSplitMiB.file.toFixed(0)} MiB`,
    );
  console.log(
    `    RSS before the pool starts (main thread only)    ${child.rssBeforePoolMiB.toFixed(0).padStart(6)} MiB`,
  );
  console.log(
    `    main thread V8 heap, peak used / committed       ${child.mainHeapPeakMiB.toFixed(0).padStart(6)} / ${child.mainHeapTotalPeakMiB.toFixed(0)} MiB`,
  );
  child.workerHeapPeakMiB.forEach((used, i) => {
    const total = child.workerHeapTotalPeakMiB[i]!;
    console.log(
      `    worker ${i + 1} V8 heap, peak used / committed         ${used.toFixed(0).padStart(6)} / ${total.toFixed(0)} MiB`,
    );
  });
  const heaps = child.mainHeapTotalPeakMiB + child.workerHeapTotalPeakMiB.reduce((a, b) => a + b, 0);
  console.log(
    `    workers' V8 heaps used, summed, after each quarter of the items: ${child.quarters.map((q) => q.workerHeapMiB.toFixed(0)).join(' → ')} MiB (RSS ${child.quarters.map((q) => q.rssMiB.toFixed(0)).join(' → ')} MiB)`,
  );
  console.log(
    `    outside the V8 heaps at the peak (at least)      ${Math.max(0, child.maxRssMiB - heaps)
      .toFixed(0)
      .padStart(6)} MiB  (code, models' typed arrays, SQLite, malloc)`,
  );

  // Where the target stands.
  const gap = TARGET_RATE / ingestRate;
  console.log('');
  console.log(
    `  target ≥ ${TARGET_RATE} articles/s: ${ingestRate.toFixed(1)} articles/s, ${gap > 1 ? `${gap.toFixed(1)}× short (needs ${Math.round(TARGET_RATE - ingestRate)} articles/s more)` : `met (${(1 / gap).toFixed(2)}× the target)`}`,
  );
  console.log(
    `  target peak RSS ≤ ${TARGET_RSS_MIB} MiB: ${child.maxRssMiB.toFixed(0)} MiB, ${child.maxRssMiB <= TARGET_RSS_MIB ? `met (${(TARGET_RSS_MIB - child.maxRssMiB).toFixed(0)} MiB to spare)` : `over by ${(child.maxRssMiB - TARGET_RSS_MIB).toFixed(0)} MiB`}`,
  );

  // Keep the database for bench:search; the JSON lines go.
  const keepDir = join(tmpdir(), 'marsad-bench');
  mkdirSync(keepDir, { recursive: true });
  const kept = join(keepDir, `saudinewsnet-${articles.length}.db`);
  rmSync(`${kept}-wal`, { force: true });
  rmSync(`${kept}-shm`, { force: true });
  renameSync(dbPath, kept);
  rmSync(dir, { recursive: true, force: true });
  const minutes = (performance.now() - started) / 60000;
  console.log(`  database kept for bench:search: ${kept}`);
  console.log(
    `  run: ${minutes.toFixed(1)} min in all; 1-minute load average ${load0.toFixed(2)} before, ${load1.toFixed(2)} after the ingest`,
  );

  console.log('');
  console.log('README figures:');
  console.log(
    `| ingest, ${articles.length.toLocaleString('en')} SaudiNewsNet articles, ${workers} workers on ${availableParallelism()} cores | ${ingestRate.toFixed(0)} articles/s (target ≥ ${TARGET_RATE}); text layer alone on 1 core ${textRate.toFixed(0)} articles/s; full analysis on 1 core ${analyzeRate.toFixed(1)} articles/s |`,
  );
  console.log(
    `| ingest peak RSS (main + ${workers} worker threads) | ${child.maxRssMiB.toFixed(0)} MiB (target ≤ ${TARGET_RSS_MIB}); worker V8 heaps ${child.workerHeapTotalPeakMiB.map((m) => m.toFixed(0)).join(' + ')} MiB; main before the pool ${child.rssBeforePoolMiB.toFixed(0)} MiB |`,
  );
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function runChildProcess(
  jsonl: string,
  dbPath: string,
  workers: number,
  items: number,
): Promise<ChildReport> {
  const self = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv,
    self,
    '--child',
    jsonl,
    '--db',
    dbPath,
    '--workers',
    String(workers),
    '--articles',
    String(items),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (stdout += s));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || last === '') reject(new Error(`the ingest process failed (exit ${code})`));
      else resolve(JSON.parse(last) as ChildReport);
    });
  });
}
