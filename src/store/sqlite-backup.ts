// Copies of a SQLite store, whole and consistent. A backup is SQLite's online backup (better-sqlite3's
// db.backup()) taken in one step, so it reads one snapshot: in WAL mode another process goes on
// writing meanwhile, and the copy holds each of its transactions entirely or not at all. A restore
// first checks the copy is a Marsad store this code can open (schema_migrations, a schema no newer
// than LATEST_SCHEMA, the same migration history, pages intact), then swaps it in atomically.
//
// Both write the same way: a snapshot to a temporary file beside the target, switched to a rollback
// journal so that it is one self-contained file, fsynced, then renamed over the target (and the
// directory fsynced), after the target's -wal, -shm and -journal files are removed: SQLite would
// otherwise replay the old store's log onto the new file. A crash leaves the old file or the new
// one, never half of one. Writers must be stopped before a restore: one that keeps the old file
// open goes on writing to it, not to the restored store.

import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fail, MarsadError } from '../core/errors.ts';
import { checkHistory, MIGRATIONS } from './migrations.ts';
import { LATEST_SCHEMA } from './shared.ts';
import { sqliteSchemaVersion } from './sqlite-migrate.ts';

export interface CopyOptions {
  /** Replace the target when it exists; refused otherwise. */
  readonly force?: boolean;
}

export interface CopyResult {
  readonly schemaVersion: number;
  /** Size of the copy written. */
  readonly bytes: number;
}

/** Pages per backup step: all of them, so the copy is one snapshot and a writer cannot restart it. */
const ALL_PAGES = 0x7fffffff;
const SIDECARS = ['-wal', '-shm', '-journal'];

/** Writes a consistent copy of the store at `store` to `file`. */
export async function backupSqlite(
  store: string,
  file: string,
  options: CopyOptions = {},
): Promise<CopyResult> {
  refuseExisting(file, options.force);
  if (!existsSync(store)) throw fail('STORE_NOT_FOUND', store);
  if (resolve(store) === resolve(file))
    throw fail('BAD_OPTION', `the backup file is the store itself: ${file}`);
  const db = new Database(store, { fileMustExist: true });
  try {
    const schemaVersion = readable(store, () => sqliteSchemaVersion(db));
    db.pragma('busy_timeout = 5000');
    return { schemaVersion, bytes: await installSnapshot(db, file) };
  } finally {
    db.close();
  }
}

/** Replaces the store at `store` with the copy in `file`, once `file` has passed checkStoreFile. */
export async function restoreSqlite(
  file: string,
  store: string,
  options: CopyOptions = {},
): Promise<CopyResult> {
  if (!existsSync(file)) throw fail('INPUT_NOT_FOUND', file);
  if (statSync(file).isDirectory()) throw fail('INPUT_IS_DIRECTORY', file);
  refuseExisting(store, options.force);
  if (resolve(store) === resolve(file))
    throw fail('BAD_OPTION', `the backup file is the store itself: ${file}`);
  return withReadOnly(file, async (db) => {
    const schemaVersion = checkStoreFile(db, file);
    return { schemaVersion, bytes: await installSnapshot(db, store) };
  });
}

/** The schema version of the Marsad store in `db` (opened from `file`); throws when it is none this code can use. */
export function checkStoreFile(db: Database.Database, file: string): number {
  return readable(file, () => {
    const tables = db.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
    );
    if (tables.get() === undefined)
      throw fail('STORE_NOT_MARSAD', file, 'a SQLite database without a schema_migrations table');
    const version = sqliteSchemaVersion(db);
    if (version > LATEST_SCHEMA) throw fail('STORE_TOO_NEW', file, version, LATEST_SCHEMA);
    if (version === 0) throw fail('STORE_NOT_MARSAD', file, 'no migration recorded');
    try {
      checkHistory(
        db
          .prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations')
          .all(),
        MIGRATIONS,
      );
    } catch (error) {
      throw fail('STORE_NOT_MARSAD', file, (error as Error).message);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw fail('STORE_NOT_MARSAD', file, `damaged: ${String(check)}`);
    return version;
  });
}

/** Runs `read`, turning SQLite's "not a database" and "malformed" into STORE_NOT_MARSAD. */
function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw fail('STORE_NOT_MARSAD', file, (error as Error).message);
    throw error;
  }
}

/**
 * Opens `file` read-only for `use`. A read-only connection to a WAL-mode file creates -wal and -shm
 * files it cannot delete on closing: those it created are removed, so checking a file leaves none.
 */
async function withReadOnly<T>(file: string, use: (db: Database.Database) => Promise<T>): Promise<T> {
  const created = SIDECARS.filter((s) => !existsSync(file + s));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await use(db);
  } finally {
    db.close();
    for (const s of created) rmSync(file + s, { force: true });
  }
}

/** Writes a snapshot of `db` to `target` atomically; returns its size. */
async function installSnapshot(db: Database.Database, target: string): Promise<number> {
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw fail('STORE_COPY_FAILED', target, `no directory ${dir}`);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await db.backup(temp, { progress: () => ALL_PAGES });
    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsync(temp, 'r+');
    for (const s of SIDECARS) rmSync(target + s, { force: true });
    renameSync(temp, target);
  } catch (error) {
    for (const path of [temp, ...SIDECARS.map((s) => temp + s)]) rmSync(path, { force: true });
    if (error instanceof MarsadError) throw error;
    throw fail('STORE_COPY_FAILED', target, error instanceof Error ? error.message : String(error));
  }
  // The rename is durable once the directory is; some platforms cannot open a directory to sync it.
  try {
    fsync(dir, 'r');
  } catch {}
  return statSync(target).size;
}

function refuseExisting(path: string, force: boolean | undefined): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) throw fail('STORE_COPY_FAILED', path, 'it is a directory');
  if (!force) throw fail('STORE_FILE_EXISTS', path);
}

function fsync(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
