// Runs the migrations on PostgreSQL: under an advisory lock, so a second process migrating at the
// same time waits and then finds the steps done; each step not yet recorded in schema_migrations
// runs in its own transaction with its record (PostgreSQL's DDL is transactional), so a failed step
// leaves neither tables nor a record. The tables go to the connection's search_path (the first
// schema in it), which is how tests give each run a schema of its own.

import type { Pool, PoolClient } from 'pg';
import {
  checkHistory,
  MIGRATIONS,
  type Migration,
  migrationSql,
  SCHEMA_MIGRATIONS_SQL,
} from './migrations.ts';
import { inSession } from './postgres-session.ts';

/**
 * The advisory lock's key ('marsad' and 1 in its bytes, 0x6d61727361640001). Session-level and one
 * per database: two schemas of one database migrate in turn, which costs nothing.
 */
const MIGRATION_LOCK = '7881706662755827713';

export async function migratePostgres(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return inSession(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
    const done = await migrateLocked(client, migrations);
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]);
    return done;
  });
}

async function migrateLocked(client: PoolClient, migrations: readonly Migration[]): Promise<number[]> {
  // Arabic text in SQL_ASCII or LATIN1 would be stored as bytes or refused, not as characters.
  const encoding = (await client.query<{ e: string }>("SELECT current_setting('server_encoding') AS e"))
    .rows[0]?.e;
  if (encoding !== 'UTF8')
    throw new Error(`the database's encoding is ${encoding}, not UTF8: create it with ENCODING 'UTF8'`);
  await client.query(SCHEMA_MIGRATIONS_SQL);
  const history = (
    await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations')
  ).rows;
  checkHistory(history, migrations);
  const done: number[] = [];
  for (const m of migrations) {
    if (history.some((a) => a.version === m.version)) continue;
    await client.query('BEGIN');
    try {
      // No values: the simple protocol, which runs a step's several statements in one call.
      await client.query(migrationSql(m, 'postgres'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    done.push(m.version);
  }
  return done;
}

/** The highest migration applied in the search_path's schema; 0 for one never migrated. */
export async function postgresSchemaVersion(pool: Pool): Promise<number> {
  const table = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations') AS t");
  if ((table.rows[0]?.t ?? null) === null) return 0;
  const max = await pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return max.rows[0]?.v ?? 0;
}
