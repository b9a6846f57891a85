// Distributed mode against a real PostgreSQL: `marsad ingest --queue` fills the job queue, and real
// `marsad worker` processes (the CLI from its TypeScript sources, as `npx marsad worker` runs it)
// empty it into the shared store. Each test gets a store schema and a queue schema of its own in the
// database MARSAD_TEST_POSTGRES names, dropped afterwards. The restart test restarts a server, so it
// runs against a second cluster of its own (MARSAD_TEST_POSTGRES_RESTART; .ci/run creates it on
// port 5433), never the one the other test files share. Without the variables these tests are
// skipped on a developer's machine, loudly, and fail where CI is set.

import assert from 'node:assert/strict';
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Pool } from 'pg';
import { makeArticle } from '../ingest/article.ts';
import { runInProcess } from './run-in-process.ts';

const TEST_URL_ENV = 'MARSAD_TEST_POSTGRES';
const RESTART_URL_ENV = 'MARSAD_TEST_POSTGRES_RESTART';
const RESTART_COMMAND_ENV = 'MARSAD_TEST_POSTGRES_RESTART_COMMAND';
const ci = (process.env.CI ?? '') !== '';
const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'marsad-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// ---- fixtures --------------------------------------------------------------------------------------

const PEOPLE = [
  'سيرغي لافروف',
  'أنطونيو غوتيريش',
  'أحمد أبو الغيط',
  'فيصل بن فرحان',
  'هاكان فيدان',
  'أيمن الصفدي',
];
const PLACES = ['القاهرة', 'الرياض', 'موسكو', 'عمّان', 'بغداد', 'الدوحة', 'تونس', 'الجزائر', 'بيروت', 'جنيف'];
const TOPICS = [
  'التعاون الاقتصادي',
  'الأزمة الإنسانية',
  'أمن الحدود',
  'إعادة الإعمار',
  'تبادل الأسرى',
  'الطاقة والمياه',
];
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/**
 * `count` distinct short Arabic news articles, in JSON lines: names, places, topics and figures
 * varied by the article's number, some figures in Arabic-Indic digits, vowel marks on some words.
 */
function newsLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const p1 = PEOPLE[i % PEOPLE.length]!;
    const p2 = PEOPLE[(i * 5 + 1) % PEOPLE.length]!;
    const place = PLACES[(i * 7) % PLACES.length]!;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const agreements = i % 2 ? String(2 + (i % 9)) : ARABIC_INDIC[2 + (i % 8)]!;
    const text =
      `${place} — التقى ${p1} في ${place} يوم ${day} من الشهر الجاري ${p2} لبحث ${TOPICS[(i * 3) % TOPICS.length]}، ` +
      `وأعلن الجانبان توقيع ${agreements} اتفاقيات جديدة. وقال ${p1} إنّ المحادثات كانت «بنّاءة»، ` +
      `مشيراً إلى تخصيص ${10 + i} مليون دولار للمشاريع المشتركة. (الخبر ${i + 1})`;
    const publishedAt = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return JSON.stringify({ text, publishedAt, source: `wire-${i % 3}` });
  });
}

/** The ids the store gives those articles (their content hash: the lines name no id). */
function articleIds(lines: readonly string[]): string[] {
  return lines.map((line) => makeArticle(JSON.parse(line)).id).sort();
}

function writeLines(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// ---- a store schema and a queue schema per test ----------------------------------------------------

interface TestDatabase {
  /** The store's URL: the test's schema first in the search_path. */
  readonly url: string;
  readonly queueSchema: string;
  readonly admin: Pool;
  articleIds(): Promise<string[]>;
  /** Jobs by state, and completed jobs by worker name. */
  jobs(): Promise<{ readonly byState: Record<string, number>; readonly byWorker: Record<string, number> }>;
  drop(): Promise<void>;
}

async function testDatabase(serverUrl: string): Promise<TestDatabase> {
  // Hex only: safe to write into the DDL, which takes no bound identifiers.
  const suffix = randomBytes(6).toString('hex');
  const schema = `marsad_test_${suffix}`;
  const queueSchema = `marsad_queue_${suffix}`;
  const admin = new Pool({ connectionString: serverUrl, max: 2 });
  // The restart test's server drops this pool's connections too.
  admin.on('error', () => undefined);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    queueSchema,
    admin,
    async articleIds() {
      return (await admin.query<{ id: string }>(`SELECT id FROM ${schema}.articles ORDER BY id`)).rows.map(
        (r) => r.id,
      );
    },
    async jobs() {
      const states = await admin.query<{ state: string; n: number }>(
        `SELECT state::text, count(*)::integer AS n FROM ${queueSchema}.job GROUP BY state`,
      );
      const workers = await admin.query<{ worker: string; n: number }>(
        `SELECT output->>'worker' AS worker, count(*)::integer AS n FROM ${queueSchema}.job WHERE state = 'completed' GROUP BY 1`,
      );
      return {
        byState: Object.fromEntries(states.rows.map((r) => [r.state, r.n])),
        byWorker: Object.fromEntries(workers.rows.map((r) => [r.worker, r.n])),
      };
    },
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.query(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function enqueue(db: TestDatabase, file: string, ...options: string[]) {
  const { code, stdout, stderr } = await runInProcess([
    'ingest',
    '--queue',
    file,
    '--db',
    db.url,
    '--queue-schema',
    db.queueSchema,
    '--json',
    ...options,
  ]);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as { queued: number; duplicates: number; failed: { error: { code: string } }[] };
}

// ---- worker processes ------------------------------------------------------------------------------

interface WorkerProcess {
  readonly child: ChildProcess;
  /** The name it records on the jobs it completes. */
  readonly name: string;
  output(): { readonly stdout: string; readonly stderr: string };
  /** Its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

function startWorker(db: TestDatabase, ...options: string[]): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      BIN,
      'worker',
      '--db',
      db.url,
      '--queue-schema',
      db.queueSchema,
      '--json',
      ...options,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, name: `${hostname()}:${child.pid}`, output: () => ({ stdout, stderr }), exited };
}

/** Stops a worker as an operator would (SIGTERM) and returns what it reports having done. */
async function stopWorker(worker: WorkerProcess) {
  worker.child.kill('SIGTERM');
  const code = await worker.exited;
  const { stdout, stderr } = worker.output();
  assert.equal(code, 0, `the worker stops cleanly on SIGTERM:\n${stderr.slice(-2000)}`);
  return JSON.parse(stdout) as {
    worker: string;
    added: number;
    nearDuplicates: number;
    duplicates: number;
    failed: number;
  };
}

/** Asks `probe` every `everyMs` until it answers something (not undefined or false), and returns that. */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined && answer !== false) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const completed = async (db: TestDatabase) => (await db.jobs()).byState.completed ?? 0;

/** Fails at once, with what it said, when a worker that should be running has exited. */
function assertRunning(workers: readonly WorkerProcess[]): void {
  for (const worker of workers) {
    const { exitCode, signalCode } = worker.child;
    if (exitCode !== null || signalCode !== null)
      assert.fail(
        `worker ${worker.name} exited (${exitCode ?? signalCode}):\n${worker.output().stderr.slice(-3000)}`,
      );
  }
}

// ---- the tests -------------------------------------------------------------------------------------

const serverUrl = process.env[TEST_URL_ENV] ?? '';

if (serverUrl === '') {
  test('distributed mode on PostgreSQL', {
    skip: ci ? false : `SKIPPED: set ${TEST_URL_ENV}=postgres://user:password@host:5432/database to run it`,
  }, () => {
    assert.fail(`${TEST_URL_ENV} is not set, and CI is: CI must run the distributed-mode tests.`);
  });
} else {
  describe('distributed mode on PostgreSQL', () => {
    test('ingest --queue queues each article once and reports every bad item without stopping', async () => {
      const db = await testDatabase(serverUrl);
      try {
        const [first, second] = newsLines(2);
        const file = writeLines('mixed.jsonl', [
          first!,
          '{not json',
          second!,
          first!,
          JSON.stringify({ text: 'خبر بتاريخ مستحيل', publishedAt: '2024-02-30' }),
        ]);
        const report = await enqueue(db, file);
        assert.equal(report.queued, 2);
        assert.equal(report.duplicates, 1, 'the repeated article is not a second job');
        assert.deepEqual(
          report.failed.map((f) => f.error.code),
          ['INGEST_BAD_LINE', 'INGEST_BAD_LINE'],
        );
        const again = await enqueue(db, file);
        assert.equal(again.queued, 0, 'a second run finds the jobs already queued');
        assert.equal(again.duplicates, 3);
        assert.deepEqual((await db.jobs()).byState, { created: 2 });
        const sqlite = await runInProcess(['ingest', '--queue', file, '--db', join(dir, 'local.db')]);
        assert.equal(sqlite.code, 2);
        assert.match(sqlite.stderr, /needs a PostgreSQL database/);
      } finally {
        await db.drop();
      }
    });

    test('two worker processes store 2,000 articles, each exactly once, and both take part', {
      timeout: 240_000,
    }, async () => {
      const db = await testDatabase(serverUrl);
      const workers: WorkerProcess[] = [];
      try {
        const lines = newsLines(2000);
        assert.equal((await enqueue(db, writeLines('news-2000.jsonl', lines))).queued, 2000);
        workers.push(startWorker(db, '--poll', '0.5'), startWorker(db, '--poll', '0.5'));
        await until(
          '2,000 completed jobs',
          async () => {
            assertRunning(workers);
            return (await completed(db)) === 2000;
          },
          180_000,
          500,
        );
        const reports = await Promise.all(workers.map(stopWorker));
        assert.deepEqual(await db.articleIds(), articleIds(lines), 'every article stored, none twice');
        const jobs = await db.jobs();
        assert.deepEqual(jobs.byState, { completed: 2000 }, 'no job failed, none left');
        for (const report of reports) {
          assert.ok(report.added + report.nearDuplicates > 0, `${report.worker} stored some articles`);
          assert.equal(report.failed, 0);
          assert.equal(
            jobs.byWorker[report.worker],
            report.added + report.nearDuplicates + report.duplicates,
          );
        }
        assert.equal(
          reports.reduce((n, r) => n + r.added + r.nearDuplicates, 0),
          2000,
          'the workers together stored each article once',
        );
      } finally {
        for (const worker of workers) worker.child.kill('SIGKILL');
        await db.drop();
      }
    });

    test('a worker killed with SIGKILL mid-job: another worker retries its jobs, nothing lost or doubled', {
      timeout: 120_000,
    }, async () => {
      const db = await testDatabase(serverUrl);
      const workers: WorkerProcess[] = [];
      try {
        const lines = newsLines(300);
        // Jobs held longer than 3 s count as abandoned; maintenance looks for them every second.
        await enqueue(db, writeLines('news-300.jsonl', lines), '--expire-in', '3', '--retry-delay', '1');
        const first = startWorker(db, '--poll', '0.2', '--maintenance', '1');
        workers.push(first);
        const inHand = await until(
          'the first worker to be in the middle of jobs',
          async () => {
            if ((await completed(db)) < 20) return undefined;
            const active = await db.admin.query<{ id: string }>(
              `SELECT id FROM ${db.queueSchema}.job WHERE state = 'active'`,
            );
            return active.rows.length > 0 && active.rows.map((r) => r.id);
          },
          60_000,
          20,
        );
        first.child.kill('SIGKILL');
        await first.exited;
        // What it held when it died stays active: nobody marks it finished.
        const abandoned = (
          await db.admin.query<{ id: string }>(
            `SELECT id FROM ${db.queueSchema}.job WHERE state = 'active' AND id = ANY($1::uuid[])`,
            [inHand],
          )
        ).rows.map((r) => r.id);
        assert.ok(abandoned.length > 0, 'the killed worker left jobs in hand');

        const second = startWorker(db, '--poll', '0.2', '--maintenance', '1');
        workers.push(second);
        await until(
          '300 completed jobs',
          async () => {
            assertRunning([second]);
            return (await completed(db)) === 300;
          },
          90_000,
          250,
        );
        const retried = await db.admin.query<{ worker: string; retry_count: number }>(
          `SELECT output->>'worker' AS worker, retry_count FROM ${db.queueSchema}.job WHERE id = ANY($1::uuid[])`,
          [abandoned],
        );
        for (const job of retried.rows) {
          assert.equal(job.worker, second.name, 'the other worker finished the abandoned job');
          assert.ok(job.retry_count >= 1, 'as a retry');
        }
        const report = await stopWorker(second);
        assert.equal(report.failed, 0);
        assert.deepEqual(await db.articleIds(), articleIds(lines), 'every article stored, none twice');
        assert.deepEqual((await db.jobs()).byState, { completed: 300 });
      } finally {
        for (const worker of workers) worker.child.kill('SIGKILL');
        await db.drop();
      }
    });
  });
}

const restartUrl = process.env[RESTART_URL_ENV] ?? '';

/** The server's restart command: $MARSAD_TEST_POSTGRES_RESTART_COMMAND, else the Debian cluster .ci/run makes. */
function restartCommand(): string {
  const given = process.env[RESTART_COMMAND_ENV];
  if (given) return given;
  const version = readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  return `pg_ctlcluster ${version} restart restart`;
}

if (restartUrl === '') {
  test('workers survive a PostgreSQL restart', {
    skip: ci
      ? false
      : `SKIPPED: set ${RESTART_URL_ENV} to a server of its own that this test may restart (see .ci/run)`,
  }, () => {
    assert.fail(`${RESTART_URL_ENV} is not set, and CI is: CI must run the PostgreSQL restart test.`);
  });
} else {
  test('PostgreSQL restarted mid-run: the workers reconnect and finish every article, once', {
    timeout: 150_000,
  }, async () => {
    const db = await testDatabase(restartUrl);
    const workers: WorkerProcess[] = [];
    try {
      const lines = newsLines(400);
      await enqueue(db, writeLines('news-400.jsonl', lines), '--expire-in', '5', '--retry-delay', '1');
      // The admin pool's connections die with the server too: a query may need a second try.
      const startedAt = () =>
        until(
          'the server to answer',
          () =>
            db.admin
              .query<{ t: Date }>('SELECT pg_postmaster_start_time() AS t')
              .then((r) => r.rows[0]!.t.getTime())
              .catch(() => undefined),
          30_000,
        );
      const before = await startedAt();
      workers.push(
        startWorker(db, '--poll', '0.5', '--maintenance', '1'),
        startWorker(db, '--poll', '0.5', '--maintenance', '1'),
      );
      const doneBefore = await until(
        'the workers to be under way',
        async () => {
          const done = await completed(db);
          return done >= 60 && done;
        },
        60_000,
        100,
      );
      execSync(restartCommand(), { stdio: 'ignore' });
      assert.ok(doneBefore < 400, 'the server restarted while jobs were left');
      assert.notEqual(await startedAt(), before, 'the server did restart');
      await until(
        '400 completed jobs',
        async () => {
          assertRunning(workers);
          return (await completed(db).catch(() => 0)) === 400;
        },
        120_000,
        500,
      );
      assertRunning(workers);
      const reports = await Promise.all(workers.map(stopWorker));
      assert.ok(reports.every((r) => r.added + r.nearDuplicates > 0));
      assert.deepEqual(await db.articleIds(), articleIds(lines), 'every article stored, none twice');
      const { byState } = await db.jobs();
      assert.deepEqual(byState, { completed: 400 }, 'no job failed for good');
    } finally {
      for (const worker of workers) worker.child.kill('SIGKILL');
      await db.drop();
    }
  });
}
