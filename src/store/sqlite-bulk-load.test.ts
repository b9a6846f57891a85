import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Doc } from '../core/doc.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { openSqliteRepository } from './sqlite.ts';
import { DEFERRABLE_INDEXES } from './sqlite-bulk-load.ts';
import { prepareStatements } from './sqlite-statements.ts';
import { COOCCURRENCE_MIN_ARTICLES } from './summaries.ts';

const analyze = createAnalyzer();
const docs: Doc[] = [
  'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.',
  'ندد الرئيس الفرنسي إيمانويل ماكرون بالهجوم الذي استهدف قرية في جنوب لبنان.',
  'قال لافروف إن روسيا ترفض العقوبات الأمريكية الجديدة.',
].map((text, i) => analyze({ text, id: `a${i}`, publishedAt: `2024-04-1${i}` }));
const input = (doc: Doc) => ({ doc, language: 'ar', contentHash: doc.article.id, source: 'test' });

const dir = mkdtempSync(join(tmpdir(), 'marsad-deferred-'));
let files = 0;
const newPath = () => join(dir, `store-${++files}.db`);

/** Every index of the file, as (name, sql), sorted. */
function indexes(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all()
      .map((r) => `${r.name}: ${r.sql}`);
  } finally {
    db.close();
  }
}

/** The rows of a table (or any SELECT). */
function rows(path: string, select: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(select).all();
  } finally {
    db.close();
  }
}

/** The steps in deferred_work, in order. */
const deferred = (path: string) =>
  rows(path, 'SELECT name FROM deferred_work ORDER BY rowid').map((r) => (r as { name: string }).name);
const PAIRS = 'SELECT * FROM cooccurrences ORDER BY entity_id, other_id';

async function migratedPath(): Promise<string> {
  const path = newPath();
  const store = openSqliteRepository(path);
  await store.migrate();
  await store.close();
  return path;
}

/** A bulk-write store opened and migrated on a new empty file, with that file's indexes before any load. */
async function emptyBulkStore() {
  const path = await migratedPath();
  const before = indexes(path);
  const store = openSqliteRepository(path, { bulkWrite: true });
  await store.migrate();
  return { path, before, store };
}

/** `count` articles, the n-th a copy of docs[pick(n)] under an id of its own (events left out: their ids are the store's keys). */
function copies(count: number, pick: (n: number) => number): Doc[] {
  return Array.from({ length: count }, (_, n) => {
    const doc = docs[pick(n)]!;
    return { ...doc, article: { ...doc.article, id: `${doc.article.id}-${n}` }, events: [] };
  });
}

/** A store holding `articles`, saved one at a time as the other commands save: the reference. */
async function savedOneByOne(articles: readonly Doc[]): Promise<string> {
  const path = await migratedPath();
  const store = openSqliteRepository(path);
  for (const doc of articles) await store.saveArticle(input(doc));
  await store.close();
  return path;
}

describe('what a bulk load does at its end', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('every deferrable index is one the migrations make', async () => {
    const names = indexes(await migratedPath()).map((i) => i.slice(0, i.indexOf(':')));
    for (const name of DEFERRABLE_INDEXES) assert.ok(names.includes(name), name);
  });

  test('no statement that saves an article reads one, so saving without them does the same work', async () => {
    const db = new Database(await migratedPath());
    try {
      // anyArticle is asked once, before anything is deferred.
      const {
        search: _,
        reads: __,
        stats: ___,
        getArticle,
        getEntity,
        entityCounts,
        anyArticle,
        ...writes
      } = prepareStatements(db);
      assert.ok(Object.keys(writes).length >= 15, Object.keys(writes).join(' '));
      for (const [name, statement] of Object.entries(writes)) {
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${statement.source}`)
          .all(...planArguments(statement.source))
          .map((row) => (row as { detail: string }).detail)
          .join(' | ');
        for (const index of DEFERRABLE_INDEXES)
          assert.ok(!new RegExp(`\\b${index}\\b`).test(plan), `${name} reads ${index}: ${plan}`);
      }
    } finally {
      db.close();
    }
  });

  test('into an empty store: missing while it loads, recorded, and built when it closes', async () => {
    const { path, before, store } = await emptyBulkStore();
    const results = await store.saveArticles(docs.slice(0, 2).map(input));
    assert.deepEqual(
      results.map((r) => r.ok && r.outcome),
      ['added', 'added'],
    );
    assert.deepEqual(deferred(path), ['cooccurrences', ...DEFERRABLE_INDEXES.map((n) => `index ${n}`)]);
    assert.deepEqual(
      indexes(path).filter((i) => DEFERRABLE_INDEXES.some((name) => i.startsWith(`${name}:`))),
      [],
    );
    assert.equal(await store.saveArticle(input(docs[2]!)), 'added');
    await store.close();
    assert.deepEqual(indexes(path), before, 'the same indexes, built from the same SQL');
    assert.deepEqual(deferred(path), []);
  });

  test('finishLoad ends the load (an ingest run): later saves keep everything up as they go', async () => {
    const { path, before, store } = await emptyBulkStore();
    await store.saveArticles([input(docs[0]!)]);
    assert.notDeepEqual(deferred(path), []);
    await store.finishLoad();
    assert.deepEqual(indexes(path), before);
    assert.deepEqual(deferred(path), []);
    await store.saveArticles(docs.slice(1).map(input));
    assert.deepEqual(indexes(path), before);
    assert.deepEqual(deferred(path), []);
    await store.close();
  });

  test('a load killed half-way: whoever migrates the store next builds what it left', async () => {
    const { path, before, store: killed } = await emptyBulkStore();
    await killed.saveArticles([input(docs[0]!)]);
    // The first handle is never closed, as after kill -9; a second one opens the file.
    const next = openSqliteRepository(path);
    assert.deepEqual(await next.migrate(), []);
    assert.deepEqual(indexes(path), before);
    assert.deepEqual(deferred(path), []);
    assert.equal((await next.stats()).articles, 1);
    await next.close();
    await killed.close();
    assert.deepEqual(indexes(path), before);
  });

  test('into a store that has articles, every index is kept up as rows are written', async () => {
    const path = await migratedPath();
    const before = indexes(path);
    const first = openSqliteRepository(path);
    await first.migrate();
    await first.saveArticle(input(docs[0]!));
    await first.close();
    const bulk = openSqliteRepository(path, { bulkWrite: true });
    await bulk.migrate();
    await bulk.saveArticles(docs.slice(1).map(input));
    assert.deepEqual(indexes(path), before);
    assert.deepEqual(deferred(path), []);
    await bulk.close();
  });

  test('pair counts: read from the articles while the load runs, then kept as saving one by one keeps them', async () => {
    // Russia and Lavrov in just enough articles for saving to keep their pairs counted, Macron in few.
    const articles = copies(COOCCURRENCE_MIN_ARTICLES + 4, (n) =>
      n >= COOCCURRENCE_MIN_ARTICLES ? 1 : n % 2 === 0 ? 0 : 2,
    );
    const oneByOne = await savedOneByOne(articles);
    const reference = openSqliteRepository(oneByOne);
    const bulkPath = await migratedPath();
    const bulk = openSqliteRepository(bulkPath, { bulkWrite: true });
    await bulk.migrate();
    await bulk.saveArticles(articles.slice(0, 10).map(input));
    await bulk.saveArticles(articles.slice(10).map(input));
    assert.deepEqual(rows(bulkPath, PAIRS), [], 'not counted yet');
    for (const id of ['country:ru', 'per:sergey-lavrov', 'per:emmanuel-macron'])
      assert.deepEqual(await bulk.cooccurring(id, 100), await reference.cooccurring(id, 100), id);
    await bulk.close();
    await reference.close();
    assert.ok(rows(oneByOne, PAIRS).length > 0);
    assert.deepEqual(rows(bulkPath, PAIRS), rows(oneByOne, PAIRS));
    assert.deepEqual(
      rows(bulkPath, 'SELECT * FROM entity_counts ORDER BY entity_id'),
      rows(oneByOne, 'SELECT * FROM entity_counts ORDER BY entity_id'),
    );
  });

  test('two loads into one empty store: the first defers, the second counts as it goes, and both end right', async () => {
    const path = await migratedPath();
    const before = indexes(path);
    const articles = copies(COOCCURRENCE_MIN_ARTICLES + 2, (n) => (n % 2 === 0 ? 0 : 2));
    const reference = await savedOneByOne(articles);
    const [a, b] = [
      openSqliteRepository(path, { bulkWrite: true }),
      openSqliteRepository(path, { bulkWrite: true }),
    ];
    await a.migrate();
    await b.migrate();
    // a defers before it has saved anything, so b too finds no article; only one may defer.
    const half = articles.length / 2;
    assert.deepEqual(await a.saveArticles([]), []);
    const saved = [
      ...(await b.saveArticles(articles.slice(half).map(input))),
      ...(await a.saveArticles(articles.slice(0, half).map(input))),
    ];
    assert.ok(saved.every((r) => r.ok && r.outcome === 'added'));
    await b.close();
    await a.close();
    assert.deepEqual(indexes(path), before);
    assert.deepEqual(deferred(path), []);
    assert.deepEqual(rows(path, PAIRS), rows(reference, PAIRS));
  });

  test('a store opened as other commands open theirs defers nothing', async () => {
    const path = await migratedPath();
    const before = indexes(path);
    const store = openSqliteRepository(path);
    await store.migrate();
    await store.saveArticles(docs.map(input));
    assert.deepEqual(indexes(path), before);
    await store.close();
  });
});

/** Values for a statement's parameters, to plan it: named ones by name, else positional. */
function planArguments(sql: string): unknown[] {
  const named = [...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!);
  if (named.length > 0) return [Object.fromEntries(named.map((n) => [n, 'x']))];
  return [...sql.matchAll(/\?/g)].map(() => 'x');
}
