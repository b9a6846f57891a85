// One way every data command chooses its store: `--db` (a SQLite file path, or a postgres:// URL),
// else the MARSAD_DB environment variable, else ./marsad.db.

import type { Command } from 'commander';
import { fail } from '../core/errors.ts';
import { openPostgresRepository } from '../store/postgres.ts';
import type { Repository } from '../store/repository.ts';
import { openSqliteRepository } from '../store/sqlite.ts';

export const DB_ENV = 'MARSAD_DB';
export const DEFAULT_DB = './marsad.db';

export function addDbOption(command: Command): Command {
  return command.option(
    '--db <path|url>',
    `the store: a SQLite file, or a postgres:// URL (default: $${DB_ENV}, else ${DEFAULT_DB})`,
  );
}

/** Where the store is: the option, else the environment, else the default; and whether it is PostgreSQL. */
export function storeLocation(db: string | undefined): {
  readonly where: string;
  readonly postgres: boolean;
} {
  const where = db ?? process.env[DB_ENV] ?? DEFAULT_DB;
  return { where, postgres: /^postgres(ql)?:\/\//i.test(where) };
}

export interface OpenOptions {
  /** Opened to write many articles (ingest): see SqliteOptions.bulkWrite. */
  readonly bulkWrite?: boolean;
}

/** The store the options name, migrated and ready. */
export async function openStore(db: string | undefined, options: OpenOptions = {}): Promise<Repository> {
  return (await openMigrated(db, options)).store;
}

/** The store the options name, migrated, with the migrations this opening applied. */
export async function openMigrated(
  db: string | undefined,
  options: OpenOptions = {},
): Promise<{ readonly store: Repository; readonly applied: readonly number[] }> {
  const { where, postgres } = storeLocation(db);
  const store = postgres
    ? openPostgresRepository(where)
    : openSqliteRepository(where, { bulkWrite: options.bulkWrite === true });
  try {
    return { store, applied: await store.migrate() };
  } catch (error) {
    // A server that cannot be reached leaves no pool running, and says so in one line.
    await store.close().catch(() => undefined);
    if (!postgres) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw fail('BAD_OPTION', `cannot open the PostgreSQL store ${withoutPassword(where)}: ${reason}`);
  }
}

/** The URL to show: a password in it is printed as `mask` ('' leaves it out, user name kept). */
export function withoutPassword(url: string, mask = '***'): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = mask;
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, `//${mask}@`);
  }
}
