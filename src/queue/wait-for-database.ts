// Before a worker opens the store and the queue: wait while the server cannot be reached (down,
// restarting, not yet accepting connections), so that workers started with the database, or
// restarted while it restarts, come up by themselves. Anything else (a wrong password, no such
// database) is left for the opening itself to report at once.

import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** Socket errors, and PostgreSQL's "shutting down" / "starting up" / connection-failure classes. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08004',
  '08006',
]);

export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return UNREACHABLE.has(code);
  // node-postgres's own words for a socket that closed under it.
  return error instanceof Error && /Connection terminated|connection error/i.test(error.message);
}

/**
 * Resolves once a connection to `url` opens, or fails for another reason than reachability, or
 * `timeoutMs` has passed; `onWait` hears each failed try.
 */
export async function waitForDatabase(
  url: string,
  timeoutMs: number,
  onWait: (reason: string) => void = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return;
    } catch (error) {
      if (!isUnreachable(error) || Date.now() >= deadline) return;
      onWait(error instanceof Error ? error.message : String(error));
      await sleep(1000);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
