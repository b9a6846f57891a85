import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import type { Repository } from '../store/repository.ts';
import { LATEST_SCHEMA } from '../store/shared.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { runInProcess as run } from './run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-db-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const path = (name: string) => join(dir, `${++files}-${name}`);

const ARTICLES = [
  {
    text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو لبحث التعاون بين البلدين.',
    title: 'لافروف في موسكو',
    publishedAt: '2024-04-10',
  },
  {
    text: 'أدانت روسيا الهجوم على قاعة كروكوس في موسكو، والذي أسفر عن مقتل ١٤٤ شخصاً.',
    publishedAt: '2024-03-23',
  },
];

async function withStore<T>(db: string, use: (store: Repository) => Promise<T>): Promise<T> {
  const store = openSqliteRepository(db);
  try {
    await store.migrate();
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A store holding the analysed ARTICLES; returns their ids. */
async function populate(db: string): Promise<string[]> {
  const analyze = createAnalyzer();
  return withStore(db, async (store) => {
    const ids: string[] = [];
    for (const input of ARTICLES) {
      const doc = analyze(input);
      await store.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, source: 'test' });
      ids.push(doc.article.id);
    }
    return ids;
  });
}

async function statsJson(db: string) {
  const { code, stdout, stderr } = await run(['db', 'stats', '--db', db, '--json']);
  assert.equal(code, 0, stderr);
  const { store: _store, ...stats } = JSON.parse(stdout);
  return stats;
}

const articlesOf = (db: string, ids: readonly string[]) =>
  withStore(db, (store) => Promise.all(ids.map((id) => store.getArticle(id))));

async function fails(args: string[], code: number, stderr: RegExp) {
  const result = await run(args);
  assert.equal(result.code, code, result.stderr);
  assert.match(result.stderr, stderr);
}

describe('marsad db backup and restore', () => {
  const store = path('news.db');
  let ids: string[] = [];
  before(async () => {
    ids = await populate(store);
  });

  test('a backup of a populated store restores to an identical store: same stats, same articles', async () => {
    const backup = path('news.backup.db');
    const saved = await run(['db', 'backup', backup, '--db', store]);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, new RegExp(`backed up .* \\(schema ${LATEST_SCHEMA}, .*\\) to `));
    for (const sidecar of ['-wal', '-shm', '-journal']) assert.ok(!existsSync(backup + sidecar), 'one file');

    const restored = path('restored.db');
    const back = await run(['db', 'restore', backup, '--db', restored]);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /^restored .* \(schema \d+\) to /);
    assert.deepEqual(await statsJson(restored), await statsJson(store));
    assert.equal((await statsJson(restored)).articles, ARTICLES.length);
    assert.deepEqual(await articlesOf(restored, ids), await articlesOf(store, ids));
  });

  test('backup refuses to overwrite FILE without --force, and replaces it with --force', async () => {
    const backup = path('exists.db');
    writeFileSync(backup, 'keep me');
    await fails(
      ['db', 'backup', backup, '--db', store],
      1,
      /already exists; add --force .*\[STORE_FILE_EXISTS\]/,
    );
    assert.equal(readFileSync(backup, 'utf8'), 'keep me');
    const forced = await run(['db', 'backup', backup, '--db', store, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal((await statsJson(backup)).articles, ARTICLES.length);
  });

  test('backup of a store that does not exist says so, and creates nothing', async () => {
    const missing = path('missing.db');
    await fails(
      ['db', 'backup', path('b.db'), '--db', missing],
      1,
      /no SQLite store at .*\[STORE_NOT_FOUND\]/,
    );
    assert.ok(!existsSync(missing));
  });

  test('restore refuses an existing store without --force, and leaves it as it was', async () => {
    const backup = path('b.db');
    assert.equal((await run(['db', 'backup', backup, '--db', store])).code, 0);
    const target = path('target.db');
    await populate(target);
    const before = readFileSync(target);
    await fails(
      ['db', 'restore', backup, '--db', target],
      1,
      /already exists; add --force .*\[STORE_FILE_EXISTS\]/,
    );
    assert.deepEqual(readFileSync(target), before);
  });

  test('restore --force replaces a store and drops its stale write-ahead log, which would corrupt the copy', async () => {
    const backup = path('b.db');
    assert.equal((await run(['db', 'backup', backup, '--db', store])).code, 0);
    const target = path('live.db');
    await populate(target);
    // A write-ahead log left behind by a crash: frames of the old store, not yet checkpointed.
    const writer = new Database(target);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("UPDATE articles SET title = 'stale'");
    const staleLog = readFileSync(`${target}-wal`);
    writer.close();
    writeFileSync(`${target}-wal`, staleLog);

    const forced = await run(['db', 'restore', backup, '--db', target, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(!existsSync(`${target}-wal`));
    assert.deepEqual(await statsJson(target), await statsJson(store));
    assert.deepEqual(await articlesOf(target, ids), await articlesOf(store, ids));
  });

  test('restore refuses what is not a Marsad store: text, random bytes, an empty file, another database', async () => {
    const target = path('never.db');
    const cases: [string, string | Buffer, RegExp][] = [
      ['notes.txt', 'لافروف في موسكو\n'.repeat(200), /not a Marsad SQLite store \(file is not a database\)/],
      [
        'random.bin',
        Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)),
        /file is not a database/,
      ],
      ['empty.db', '', /without a schema_migrations table/],
    ];
    const other = path('other.db');
    new Database(other).exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');
    for (const [name, content, message] of cases) {
      const file = path(name);
      writeFileSync(file, content);
      await fails(['db', 'restore', file, '--db', target], 1, message);
    }
    await fails(
      ['db', 'restore', other, '--db', target],
      1,
      /without a schema_migrations table.*\[STORE_NOT_MARSAD\]/,
    );
    assert.ok(!existsSync(target), 'nothing restored');
  });

  test('restore refuses a store from a newer Marsad, whose schema this code does not know', async () => {
    const backup = path('future.db');
    assert.equal((await run(['db', 'backup', backup, '--db', store])).code, 0);
    const future = new Database(backup);
    future
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(LATEST_SCHEMA + 1, 'from the future', new Date().toISOString());
    future.close();
    const target = path('never.db');
    await fails(
      ['db', 'restore', backup, '--db', target],
      1,
      new RegExp(
        `at schema ${LATEST_SCHEMA + 1}, newer than this Marsad's ${LATEST_SCHEMA}.*\\[STORE_TOO_NEW\\]`,
      ),
    );
    assert.ok(!existsSync(target));
  });

  test('a missing FILE argument is bad usage; a FILE that does not exist is named', async () => {
    await fails(['db', 'backup', '--db', store], 2, /missing required argument 'file'/);
    await fails(['db', 'restore', '--db', store], 2, /missing required argument 'file'/);
    const nowhere = path('nowhere.db');
    await fails(
      ['db', 'restore', nowhere, '--db', path('t.db')],
      1,
      /cannot read .*nowhere\.db: no such file/,
    );
  });

  test('a PostgreSQL store is pointed to pg_dump and pg_restore, password left out', async () => {
    const url = 'postgres://marsad:secret@db.example:5432/news';
    const backup = await run(['db', 'backup', 'news.dump', '--db', url]);
    assert.equal(backup.code, 1);
    assert.match(backup.stderr, /pg_dump -Fc -f news\.dump postgres:\/\/marsad@db\.example:5432\/news/);
    const restore = await run(['db', 'restore', 'news.dump', '--db', url]);
    assert.equal(restore.code, 1);
    assert.match(
      restore.stderr,
      /pg_restore --clean --if-exists --no-owner -d postgres:\/\/marsad@db\.example:5432\/news news\.dump/,
    );
    for (const { stderr } of [backup, restore]) {
      assert.doesNotMatch(stderr, /secret/);
      assert.match(stderr, /\[STORE_USE_PG_TOOLS\]/);
    }
  });
});

describe('marsad db backup while another process writes', () => {
  let writer: ChildProcess | undefined;
  after(() => writer?.kill());

  test('every backup holds each of its transactions entirely: an article with all its mentions, or neither', async () => {
    const store = path('busy.db');
    await withStore(store, async () => undefined);
    // The writer adds an article and its three mentions per transaction, as fast as it can.
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `
      const Database = require(${JSON.stringify(sqlite)});
      const db = new Database(${JSON.stringify(store)});
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      const article = db.prepare("INSERT INTO articles (id, content_hash, language, text, analysis, added_at) VALUES (?, ?, 'ar', 'نص', '{}', '2024-04-12')");
      const mention = db.prepare("INSERT INTO mentions (article_id, seq, start_pos, end_pos, text, type) VALUES (?, ?, 0, 2, 'نص', 'PER')");
      const save = db.transaction((i) => {
        article.run('w' + i, 'h' + i);
        for (let k = 0; k < 3; k++) mention.run('w' + i, k);
      });
      for (let i = 0; ; i++) {
        save(i);
        if (i === 50) process.stdout.write('ready\\n');
      }`;
    writer = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      writer!.stdout!.once('data', () => resolve());
      writer!.once('exit', (code) => reject(new Error(`the writer stopped (${code})`)));
    });

    let previous = 0;
    for (let round = 0; round < 3; round++) {
      const backup = path(`busy-${round}.db`);
      const result = await run(['db', 'backup', backup, '--db', store]);
      assert.equal(result.code, 0, result.stderr);
      const copy = new Database(backup, { readonly: true });
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
        const { articles } = copy
          .prepare<[], { articles: number }>('SELECT COUNT(*) AS articles FROM articles')
          .get()!;
        const partial = copy
          .prepare<[], { n: number }>(
            'SELECT COUNT(*) AS n FROM articles a WHERE (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) <> 3',
          )
          .get()!.n;
        assert.equal(partial, 0, 'no article without all of its mentions');
        assert.ok(articles > 50 && articles >= previous, `${articles} articles after ${previous}`);
        previous = articles;
      } finally {
        copy.close();
      }
    }
    assert.ok(statSync(store).size > 0);
  });
});

describe('marsad db migrate and stats', () => {
  test('migrate applies every migration to a new store, then none', async () => {
    const db = path('new.db');
    const first = await run(['db', 'migrate', '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const versions = MIGRATIONS.map((m) => m.version).join(', ');
    assert.match(
      first.stdout,
      new RegExp(`^applied migrations? ${versions}: .* is at schema ${LATEST_SCHEMA}\\n$`),
    );
    const again = await run(['db', 'migrate', '--db', db]);
    assert.match(again.stdout, /no migration to apply/);
  });

  test('stats counts what the store holds; a store that does not exist is an error, not a new file', async () => {
    const db = path('stats.db');
    await populate(db);
    const { code, stdout } = await run(['db', 'stats', '--db', db]);
    assert.equal(code, 0);
    assert.match(
      stdout,
      new RegExp(`^store +.* \\(schema ${LATEST_SCHEMA}\\)\\narticles +2 \\(0 near duplicates\\)\\n`),
    );
    assert.match(stdout, /\nmentions +[1-9]\d*\n/);
    const missing = path('missing.db');
    await fails(['db', 'stats', '--db', missing], 1, /\[STORE_NOT_FOUND\]/);
    assert.ok(!existsSync(missing));
  });
});
