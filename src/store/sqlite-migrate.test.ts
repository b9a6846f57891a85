import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';
import { migrateSqlite, sqliteSchemaVersion } from './sqlite-migrate.ts';

/** Rows in every table of the first schema step, with Arabic text, NULLs, reals and references. */
function writeFirstSchemaRows(db: Database.Database): void {
  db.exec(`
    INSERT INTO articles (id, content_hash, language, source, url, title, published_at, text, simhash, duplicate_of, analysis, added_at)
    VALUES
      ('a-1', 'h1', 'ar', 'test', 'https://ex.com/1', 'لافروف في موسكو', '2024-04-10',
       'التقى سيرغي لافروف نظيره في موسكو.', '00ff00ff00ff00ff', NULL, '{"article":{"id":"a-1"}}', '2024-04-10T10:00:00Z'),
      ('a-2', 'h2', 'ar', NULL, NULL, NULL, NULL, 'وقال لافروف إن روسيا ترفض العقوبات.', NULL, 'a-1', '{}', '2024-04-11T10:00:00Z');
    INSERT INTO article_simhash_bands (band, value, article_id) VALUES (0, 255, 'a-1'), (3, 65535, 'a-1');
    INSERT INTO entities (id, type, name_ar, name_en, kind, country, wikidata, geonames, lat, lon, provisional)
    VALUES
      ('per:sergey-lavrov', 'PER', 'سيرغي لافروف', 'Sergey Lavrov', 'person', 'country:ru', 'Q131130', NULL, NULL, NULL, 0),
      ('city:moscow', 'LOC', 'موسكو', 'Moscow', 'city', 'country:ru', 'Q649', 524901, 55.75222, 37.61556, 0),
      ('new:per:0123456789ab', 'PER', 'نظيره', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1);
    INSERT INTO article_entities (article_id, entity_id, mentions)
    VALUES ('a-1', 'per:sergey-lavrov', 1), ('a-1', 'city:moscow', 1), ('a-2', 'per:sergey-lavrov', 1);
    INSERT INTO mentions (article_id, seq, start_pos, end_pos, text, type, entity_id, via)
    VALUES ('a-1', 0, 6, 18, 'سيرغي لافروف', 'PER', 'per:sergey-lavrov', 'name'),
           ('a-1', 1, 29, 34, 'موسكو', 'LOC', 'city:moscow', 'name'),
           ('a-2', 0, 5, 11, 'لافروف', 'PER', NULL, NULL);
    INSERT INTO events (id, article_id, type, mode, context, auxiliary, location_id, event_date, fatalities, injured,
                        evidence_start, evidence_end, trigger_start, trigger_end, confidence)
    VALUES ('a-1:e1', 'a-1', 'CONSULT', 'meet', '["diplomatic"]', NULL, 'city:moscow', '2024-04-10', NULL, NULL, 0, 35, 0, 5, 0.75),
           ('a-2:e1', 'a-2', 'REJECT', NULL, '[]', 'negated', NULL, NULL, 0, 3, 0, 36, 17, 21, 0.5);
    INSERT INTO event_participants (event_id, role, seq, entity_id)
    VALUES ('a-1:e1', 'actor', 0, 'per:sergey-lavrov'), ('a-2:e1', 'actor', 0, 'country:ru');
    INSERT INTO quotes (article_id, seq, start_pos, end_pos, speaker_id, kind, cue_start, cue_end)
    VALUES ('a-2', 0, 12, 36, 'per:sergey-lavrov', 'reported', 0, 4);
  `);
}

type Snapshot = Map<string, Record<string, unknown>[]>;

/** Every row of every table but the migration log and full-text shadow tables. */
function snapshot(db: Database.Database): Snapshot {
  const tables = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    .all();
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const rows: Snapshot = new Map();
  for (const { name } of tables) {
    if (name === 'schema_migrations' || name.startsWith('sqlite_')) continue;
    if (virtual.some((v) => name.startsWith(`${v}_`))) continue;
    rows.set(name, db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]);
  }
  return rows;
}

/** The rows of `before` missing from `after`, compared on the columns `before` had (later steps may add some). */
function lostRows(before: Snapshot, after: Snapshot): string[] {
  const lost: string[] = [];
  for (const [table, rows] of before) {
    const now = after.get(table);
    if (now === undefined) {
      if (rows.length > 0) lost.push(`table ${table} and its ${rows.length} rows`);
      continue;
    }
    const project = (row: Record<string, unknown>, columns: string[]) =>
      JSON.stringify(columns.map((c) => row[c]));
    const remaining = new Map<string, number>();
    for (const row of now) {
      const key = project(row, Object.keys(rows[0] ?? {}));
      remaining.set(key, (remaining.get(key) ?? 0) + 1);
    }
    for (const row of rows) {
      const key = project(row, Object.keys(row));
      const n = remaining.get(key) ?? 0;
      if (n === 0) lost.push(`${table}: ${key}`);
      else remaining.set(key, n - 1);
    }
  }
  return lost;
}

test('no migration loses data: rows written at each earlier schema survive migrating to the latest', () => {
  assert.ok(MIGRATIONS.length >= 2, 'there is a later step to migrate through');
  for (let at = 1; at < MIGRATIONS.length; at++) {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    try {
      assert.deepEqual(
        migrateSqlite(db, MIGRATIONS.slice(0, at)),
        MIGRATIONS.slice(0, at).map((m) => m.version),
      );
      assert.equal(sqliteSchemaVersion(db), MIGRATIONS[at - 1]!.version);
      writeFirstSchemaRows(db);
      const before = snapshot(db);
      assert.equal(before.get('articles')?.length, 2);

      const applied = migrateSqlite(db);
      assert.deepEqual(
        applied,
        MIGRATIONS.slice(at).map((m) => m.version),
      );
      assert.equal(sqliteSchemaVersion(db), MIGRATIONS.at(-1)!.version);
      assert.deepEqual(lostRows(before, snapshot(db)), [], `migrating from schema ${at}`);
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  }
});

test('the read paths step fills, for the rows stored before it, what saving keeps from then on', () => {
  const before = MIGRATIONS.findIndex((m) => m.name === 'read paths');
  assert.ok(before > 0);
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  try {
    migrateSqlite(db, MIGRATIONS.slice(0, before));
    writeFirstSchemaRows(db);
    // Lavrov (a person, Russian) meets Iran (a country by its id).
    db.exec("INSERT INTO event_participants VALUES ('a-1:e1', 'recipient', 0, 'country:ir')");
    migrateSqlite(db, MIGRATIONS.slice(0, before + 1));
    const rows = (sql: string) => db.prepare(sql).raw().all();
    assert.deepEqual(rows('SELECT article_id, entity_id, published_at FROM article_entities ORDER BY 1, 2'), [
      ['a-1', 'city:moscow', '2024-04-10'],
      ['a-1', 'per:sergey-lavrov', '2024-04-10'],
      ['a-2', 'per:sergey-lavrov', null],
    ]);
    // The event's own date, else its article's; neither: undated.
    assert.deepEqual(rows('SELECT id, day FROM events ORDER BY id'), [
      ['a-1:e1', '2024-04-10'],
      ['a-2:e1', null],
    ]);
    // Every entity, the one no article links to as well.
    assert.deepEqual(rows('SELECT entity_id, mentions, articles FROM entity_counts ORDER BY 1'), [
      ['city:moscow', 1, 1],
      ['new:per:0123456789ab', 0, 0],
      ['per:sergey-lavrov', 2, 2],
    ]);
    assert.deepEqual(rows('SELECT entity_id, other_id, articles FROM cooccurrences ORDER BY 1, 2'), [
      ['city:moscow', 'per:sergey-lavrov', 1],
      ['per:sergey-lavrov', 'city:moscow', 1],
    ]);
    assert.deepEqual(rows('SELECT * FROM event_dyads'), [['a-1:e1', 'country:ru', 'country:ir']]);
  } finally {
    db.close();
  }
});

test('the busy co-occurrences step keeps the pair counts of entities in 20 articles or more, and only theirs', () => {
  const step = MIGRATIONS.findIndex((m) => m.name === 'co-occurrences of busy entities');
  assert.ok(step > 0);
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  try {
    migrateSqlite(db, MIGRATIONS.slice(0, step));
    writeFirstSchemaRows(db);
    // The summaries as saving keeps them, with Lavrov in 20 articles and Moscow in one.
    db.exec(`INSERT INTO entity_counts VALUES ('per:sergey-lavrov', 20, 20), ('city:moscow', 1, 1);
      INSERT INTO cooccurrences VALUES ('per:sergey-lavrov', 'city:moscow', 1), ('city:moscow', 'per:sergey-lavrov', 1);`);
    migrateSqlite(db);
    assert.deepEqual(db.prepare('SELECT entity_id, other_id, articles FROM cooccurrences').raw().all(), [
      ['per:sergey-lavrov', 'city:moscow', 1],
    ]);
  } finally {
    db.close();
  }
});
