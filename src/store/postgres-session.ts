// A pooled PostgreSQL connection held for several statements (a transaction, a session lock). Out
// of the pool, pg leaves a connection with no 'error' listener: a server that ends the session
// between two statements (a restart, an administrator's pg_terminate_backend) would be an unhandled
// 'error' event, which ends the process. Here it is ignored: the next statement fails instead, and
// the connection is then closed rather than returned, which also rolls back its transaction and
// frees its session locks.

import type { Pool, PoolClient } from 'pg';

const ignoreEndedSession = () => undefined;

export async function inSession<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignoreEndedSession);
  try {
    const result = await work(client);
    client.off('error', ignoreEndedSession);
    client.release();
    return result;
  } catch (error) {
    client.off('error', ignoreEndedSession);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
