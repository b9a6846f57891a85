// bench:api — the HTTP API under load, on loopback, with the whole SaudiNewsNet corpus stored: the
// database bench:ingest leaves (run first when missing), copied, served by `marsad serve` in its own
// process (the compiled CLI in dist/, rate limit off), and driven by autocannon from this process.
//
// Requests: a fixed mix of the read endpoints an analyst's UI calls — search (the 50 queries of
// bench/data/search-queries.json, page 1 of 20 hits with facets), an entity page, its mentions,
// timeline and co-occurring entities (the 25 most mentioned entities), and event lists filtered by
// country. The server keeps read responses until the store changes (src/server/response-cache.ts),
// so the mix is measured three ways, the first two so that the cache hides no slow query:
//   - cold: the first request of each path, one at a time (each a cache miss, read from the store);
//   - at a fixed 200 requests/s (the target: p99 ≤ 50 ms at 200 req/s), 30 s, against a second
//     server started with the cache off (`--cache-mb 0`): every request reads the store; then the
//     same without the search requests, whose cost is search's own (bench:search);
//   - the same against the server as users start it, warm (every path was requested before), and
//     as fast as 10 connections go, 20 s: the most it answers.
// The baseline, measured the same way in the same run against the same process: GET /api/health
// (the schema version, no table read, never cached), so the ratio shows what the real routes cost
// beyond the HTTP stack itself on this machine. The load average is printed: the machine may be
// shared, and a figure means little without it.
// Usage: npm run bench:api [-- --db FILE --seconds S --rate R]

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const P99_TARGET_MS = 50;
const CORPUS_ARTICLES = 31030;

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '200' },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
if (!(seconds > 0) || !(rate > 0)) throw new Error('--seconds and --rate need positive numbers');

const source = values.db ?? join(tmpdir(), 'marsad-bench', `saudinewsnet-${CORPUS_ARTICLES}.db`);
if (!existsSync(source)) {
  if (values.db !== undefined) throw new Error(`no database at ${source}`);
  console.error(`no ingested corpus at ${source}: running bench:ingest first (about 10 minutes)`);
  const ingest = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./ingest.ts', import.meta.url))],
    {
      stdio: 'inherit',
    },
  );
  const code = await new Promise((resolve) => ingest.on('exit', resolve));
  if (code !== 0 || !existsSync(source)) throw new Error('bench:ingest did not leave its database');
}
const workDir = mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
const work = join(workDir, 'api.db');
copyFileSync(source, work);

// The requests, from the stored data itself.
const queries = (
  JSON.parse(readFileSync(new URL('./data/search-queries.json', import.meta.url), 'utf8')) as {
    queries: { q: string }[];
  }
).queries.map((q) => q.q);
const db = new Database(work, { readonly: true });
const articles = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
const topEntities = (
  db
    .prepare(
      'SELECT entity_id AS id FROM article_entities GROUP BY entity_id ORDER BY SUM(mentions) DESC, entity_id LIMIT 25',
    )
    .all() as { id: string }[]
).map((r) => r.id);
const countries = topEntities.filter((id) => id.startsWith('country:')).slice(0, 5);
db.close();

const enc = encodeURIComponent;
const paths = [
  ...queries.map((q) => `/api/search?q=${enc(q)}`),
  ...topEntities.flatMap((id) => [
    `/api/entities/${enc(id)}`,
    `/api/entities/${enc(id)}/mentions`,
    `/api/entities/${enc(id)}/timeline`,
    `/api/entities/${enc(id)}/cooccurrence`,
  ]),
  ...countries.map((id) => `/api/events?country=${enc(id)}`),
];

// The servers, each in its own process, as a user starts them.
const cli = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));
interface Server {
  readonly address: string;
  stop(): Promise<unknown>;
}
async function serve(extra: readonly string[] = []): Promise<Server> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--db', work, '--port', '0', '--rate-limit', '0', '--token', 'bench', ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const address = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`marsad serve exited (${code}): ${err}`)));
  });
  return {
    address,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

interface Run {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function load(
  server: Server,
  requestPaths: readonly string[],
  options: { rate?: number; duration: number },
): Promise<Run> {
  let next = 0;
  const result = await autocannon({
    url: server.address,
    connections: 10,
    duration: options.duration,
    ...(options.rate !== undefined && { overallRate: options.rate }),
    requests: [
      {
        setupRequest: (request) => {
          request.path = requestPaths[next++ % requestPaths.length]!;
          return request;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Each path requested once, one at a time: how long its first answer took, and whether it was read from the store. */
async function coldPass(server: Server, requestPaths: readonly string[]) {
  const times: { path: string; ms: number }[] = [];
  let misses = 0;
  for (const path of requestPaths) {
    const start = performance.now();
    const res = await fetch(server.address + path);
    await res.arrayBuffer();
    times.push({ path, ms: performance.now() - start });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    if (res.headers.get('x-marsad-cache') === 'miss') misses++;
  }
  return { times, misses };
}

/** The route a path requests: search, entities/:id with what of it, events. */
function routeOf(path: string): string {
  const [, route, id, part] = /^\/api\/(\w+)(\/[^/?]+)?(\/\w+)?/.exec(path) ?? [];
  return route === 'entities' && id !== undefined ? `entities/:id${part ?? ''}` : (route ?? path);
}

/** The value below which `share` of the sorted values lie. */
const quantile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const server = await serve();
const uncached = await serve(['--cache-mb', '0']);
try {
  console.log(
    `bench:api — ${paths.length} request paths (search ×${queries.length}, entity routes ×${topEntities.length * 4}, events ×${countries.length}) over ${articles.toLocaleString('en')} stored articles, served at ${server.address}; load average ${load1()}`,
  );
  // The HTTP stack and the server's code compiled, on a route that reads no table.
  await load(server, ['/api/health'], { duration: 3 });
  const cold = await coldPass(server, paths);
  const sorted = cold.times.map((t) => t.ms).sort((a, b) => a - b);
  const kinds = new Map<string, number[]>();
  for (const { path, ms } of cold.times) kinds.set(routeOf(path), [...(kinds.get(routeOf(path)) ?? []), ms]);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `first request of each path (cache cold, one at a time, ${cold.misses} of ${paths.length} read from the store): p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted.at(-1)!)}`,
  );
  for (const [kind, times] of kinds)
    console.log(
      `  ${kind.padEnd(26)} ×${String(times.length).padStart(2)}  mean ${ms(times.reduce((a, b) => a + b, 0) / times.length).padStart(9)}  max ${ms(Math.max(...times)).padStart(9)}`,
    );
  const slowest = [...cold.times].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`  slowest: ${slowest.map((t) => `${decodeURIComponent(t.path)} ${ms(t.ms)}`).join('; ')}`);

  await load(server, paths, { duration: 5 }); // warm-up: every path once more, the page cache of the copy
  const row = (name: string, r: Run) =>
    console.log(
      `  ${name.padEnd(40)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  (${r.requests} requests, ${r.errors} errors)`,
    );
  const baseFixed = await load(server, ['/api/health'], { rate, duration: seconds });
  const mixFixed = await load(server, paths, { rate, duration: seconds });
  await load(uncached, paths, { duration: 3 }); // the other process's code compiled
  const mixFixedUncached = await load(uncached, paths, { rate, duration: seconds });
  const readsFixedUncached = await load(
    uncached,
    paths.filter((path) => routeOf(path) !== 'search'),
    { rate, duration: seconds },
  );
  const baseMax = await load(server, ['/api/health'], { duration: 20 });
  const mixMax = await load(server, paths, { duration: 20 });
  console.log(`at a fixed ${rate} requests/s for ${seconds} s:`);
  row('baseline GET /api/health', baseFixed);
  row('search + entity + event mix, cache warm', mixFixed);
  row('the mix without the cache (--cache-mb 0)', mixFixedUncached);
  row('  its entity and event routes alone', readsFixedUncached);
  console.log('as fast as 10 connections go, 20 s:');
  row('baseline GET /api/health', baseMax);
  row('search + entity + event mix, cache warm', mixMax);
  console.log(
    `p99 at ${rate} req/s: ${mixFixed.p99} ms with the cache warm (target ≤ ${P99_TARGET_MS} ms: ${mixFixed.p99 <= P99_TARGET_MS ? 'met' : 'missed'}), ${mixFixedUncached.p99} ms without it; throughput ratio mix/baseline ${(mixMax.perSecond / baseMax.perSecond).toFixed(2)}; load average ${load1()}`,
  );
} finally {
  await Promise.all([server.stop(), uncached.stop()]);
  rmSync(workDir, { recursive: true, force: true });
}
