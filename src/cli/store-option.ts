// One way every data command chooses its store: `--db` (a SQLite file path, or a postgres:// URL),
// else the MARSAD_DB environment variable, else ./marsad.db.

import type { Command } from 'commander';
import { fail } from '../core/errors.ts';
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

/** The store the options name, migrated and ready. */
export async function openStore(db: string | undefined): Promise<Repository> {
  const where = db ?? process.env[DB_ENV] ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(where))
    throw fail('BAD_OPTION', `${where}: the PostgreSQL store is not built yet; use a SQLite file path`);
  const store = openSqliteRepository(where);
  await store.migrate();
  return store;
}
