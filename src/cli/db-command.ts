// `marsad db backup|restore|migrate|stats`: look after the store itself. backup and restore copy a
// SQLite store (src/store/sqlite-backup.ts); PostgreSQL has pg_dump and pg_restore for that, and the
// two commands print how to call them. migrate and stats work on either store.

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fail } from '../core/errors.ts';
import { formatBytes } from '../ingest/sources/item.ts';
import type { StoreStats } from '../store/repository.ts';
import { LATEST_SCHEMA } from '../store/shared.ts';
import { backupSqlite, restoreSqlite } from '../store/sqlite-backup.ts';
import type { Io } from './io.ts';
import { addDbOption, openMigrated, storeLocation, withoutPassword } from './store-option.ts';

interface DbOptions {
  db?: string;
  force?: boolean;
  json?: boolean;
}

export function registerDb(program: Command, io: Io): void {
  const db = program
    .command('db')
    .description('back up, restore, migrate and count the store')
    .addHelpText(
      'after',
      `
A backup is one SQLite file, safe to take while another process ingests. A PostgreSQL store is
copied with its own tools instead: pg_dump -Fc, and pg_restore (marsad db backup says how).`,
    );

  addDbOption(
    db
      .command('backup')
      .description('copy the SQLite store to FILE: a consistent snapshot, even while it is being written')
      .argument('<file>', 'the backup file to write')
      .option('--force', 'replace FILE if it exists'),
  ).action(async (file: string, options: DbOptions) => {
    const where = sqliteOnly(options.db, 'backup', file);
    const copy = await backupSqlite(where, file, { force: options.force ?? false });
    io.stdout.write(
      `backed up ${where} (schema ${copy.schemaVersion}, ${formatBytes(copy.bytes)}) to ${file}\n`,
    );
  });

  addDbOption(
    db
      .command('restore')
      .description('replace the SQLite store with the backup FILE, after checking it is a Marsad store')
      .argument('<file>', 'a file made by `marsad db backup`')
      .option('--force', 'replace the store if it exists')
      .addHelpText(
        'after',
        '\nStop every process that writes to the store first: it would go on writing to the old file.',
      ),
  ).action(async (file: string, options: DbOptions) => {
    const where = sqliteOnly(options.db, 'restore', file);
    const copy = await restoreSqlite(file, where, { force: options.force ?? false });
    io.stdout.write(`restored ${file} (schema ${copy.schemaVersion}) to ${where}\n`);
    if (copy.schemaVersion < LATEST_SCHEMA)
      io.stdout.write(
        `the next command to open it migrates it to schema ${LATEST_SCHEMA} (or run \`marsad db migrate\`)\n`,
      );
  });

  addDbOption(
    db
      .command('migrate')
      .description('apply the schema migrations the store lacks, and print their versions'),
  ).action(async (options: DbOptions) => {
    const { where } = storeLocation(options.db);
    const { store, applied } = await openMigrated(options.db);
    await store.close();
    const shown = withoutPassword(where);
    io.stdout.write(
      applied.length > 0
        ? `applied migration${applied.length > 1 ? 's' : ''} ${applied.join(', ')}: ${shown} is at schema ${LATEST_SCHEMA}\n`
        : `${shown} is at schema ${LATEST_SCHEMA}: no migration to apply\n`,
    );
  });

  addDbOption(
    db
      .command('stats')
      .description('what the store holds: articles, near duplicates, entities, mentions, events, quotes')
      .option('--json', 'print { store, articles, nearDuplicates, entities, … , schemaVersion }'),
  ).action(async (options: DbOptions) => {
    const { where, postgres } = storeLocation(options.db);
    if (!postgres && !existsSync(where)) throw fail('STORE_NOT_FOUND', where);
    const { store } = await openMigrated(options.db);
    let stats: StoreStats;
    try {
      stats = await store.stats();
    } finally {
      await store.close();
    }
    const shown = withoutPassword(where);
    io.stdout.write(
      options.json ? `${JSON.stringify({ store: shown, ...stats }, null, 2)}\n` : formatStats(shown, stats),
    );
  });
}

/** The SQLite file the options name; for PostgreSQL, the error that says which tool to use instead. */
function sqliteOnly(db: string | undefined, action: 'backup' | 'restore', file: string): string {
  const { where, postgres } = storeLocation(db);
  if (!postgres) return where;
  const url = shellWord(withoutPassword(where, ''));
  const commands =
    action === 'backup'
      ? `pg_dump -Fc -f ${shellWord(file)} ${url}`
      : `pg_restore --clean --if-exists --no-owner -d ${url} ${shellWord(file)}`;
  throw fail('STORE_USE_PG_TOOLS', action, `${commands}\n(the password from PGPASSWORD or ~/.pgpass)`);
}

/** `word` as one shell word: quoted when it holds anything a shell would read. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function formatStats(store: string, s: StoreStats): string {
  const rows: [string, string][] = [
    ['store', `${store} (schema ${s.schemaVersion})`],
    ['articles', `${s.articles} (${s.nearDuplicates} near duplicates)`],
    ['entities', `${s.entities} (${s.provisionalEntities} provisional)`],
    ['mentions', String(s.mentions)],
    ['events', String(s.events)],
    ['quotes', String(s.quotes)],
  ];
  return rows.map(([label, value]) => `${label.padEnd(10)}${value}\n`).join('');
}
