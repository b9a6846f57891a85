// Runs the migrations on SQLite: each step not yet recorded in schema_migrations, in order, in its
// own immediate transaction (a second process migrating at the same time waits, then sees the step
// done), recorded in the same transaction, so a failed step leaves neither tables nor a record.

import type { Database } from 'better-sqlite3';
import {
  checkHistory,
  MIGRATIONS,
  type Migration,
  migrationSql,
  SCHEMA_MIGRATIONS_SQL,
} from './migrations.ts';

export function migrateSqlite(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(SCHEMA_MIGRATIONS_SQL);
  const applied = db.prepare<[], { version: number; name: string }>(
    'SELECT version, name FROM schema_migrations',
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  checkHistory(applied.all(), migrations);
  const done: number[] = [];
  for (const m of migrations) {
    const run = db.transaction(() => {
      if (applied.all().some((a) => a.version === m.version)) return false;
      db.exec(migrationSql(m, 'sqlite'));
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    });
    if (run.immediate()) done.push(m.version);
  }
  return done;
}

/** The highest migration applied; 0 for a database never migrated. */
export function sqliteSchemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  return (
    db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0
  );
}
