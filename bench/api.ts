// bench:api — the HTTP API under load, on loopback, with the whole SaudiNewsNet corpus stored: the
// database bench:ingest leaves (run first when missing), copied, served by `marsad serve` in its own
// process (the compiled CLI in dist/, rate limit off), and driven by autocannon from this process.
//
// Requests: a fixed mix of the read endpoints an analyst's UI calls — search (the 50 queries of
// bench/data/search-queries.json, page 1 of 20 hits with facets), an entity page, its mentions,
// timeline and co-occurring entities (the 25 most mentioned entities), and event lists filtered by
// country. Two runs of each load:
//   - at a fixed 200 requests/s (the target: p99 ≤ 50 ms at 200 req/s), 30 s;
//   - as fast as 10 connections go, 20 s: the most the server answers.
// The baseline, measured the same way in the same run against the same process: GET /api/stats
// (one small indexed read, the cheapest JSON route), so the ratio shows what the real routes cost
// beyond the HTTP stack itself on this machine.
// Usage: npm run bench:api [-- --db FILE --seconds S --rate R]

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// The server, in its own process, as a user starts it.
const cli = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));
const server = spawn(
  process.execPath,
  [cli, 'serve', '--db', work, '--port', '0', '--rate-limit', '0', '--token', 'bench'],
  {
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
const address = await new Promise<string>((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    const m = /at (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`marsad serve exited (${code}): ${err}`)));
});

interface Run {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function load(
  requestPaths: readonly string[],
  options: { rate?: number; duration: number },
): Promise<Run> {
  let next = 0;
  const result = await autocannon({
    url: address,
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

try {
  console.log(
    `bench:api — ${paths.length} request paths (search ×${queries.length}, entity routes ×${topEntities.length * 4}, events ×${countries.length}) over ${articles.toLocaleString('en')} stored articles, served at ${address}`,
  );
  await load(paths, { duration: 5 }); // warm-up: caches, JIT, the page cache of the copy
  const row = (name: string, r: Run) =>
    console.log(
      `  ${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  (${r.requests} requests, ${r.errors} errors)`,
    );
  const baseFixed = await load(['/api/stats'], { rate, duration: seconds });
  const mixFixed = await load(paths, { rate, duration: seconds });
  const baseMax = await load(['/api/stats'], { duration: 20 });
  const mixMax = await load(paths, { duration: 20 });
  console.log(`at a fixed ${rate} requests/s for ${seconds} s:`);
  row('baseline GET /api/stats', baseFixed);
  row('search + entity + event mix', mixFixed);
  console.log('as fast as 10 connections go, 20 s:');
  row('baseline GET /api/stats', baseMax);
  row('search + entity + event mix', mixMax);
  console.log(
    `p99 at ${rate} req/s: ${mixFixed.p99} ms (target ≤ ${P99_TARGET_MS} ms: ${mixFixed.p99 <= P99_TARGET_MS ? 'met' : 'missed'}); throughput ratio mix/baseline ${(mixMax.perSecond / baseMax.perSecond).toFixed(2)}`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(workDir, { recursive: true, force: true });
}
