// The API's GET responses kept in memory, so that the reads a UI repeats (an entity's page, a
// dashboard's event counts) are answered without the store: keyed by the URL as sent (path and
// query), and only while the store's data is what it was when the response was made. SQLite tells
// by its dataVersion, which any connection's commit changes, read once per request (a pragma, a few
// microseconds); a store that cannot tell cheaply (PostgreSQL) gives null, and its responses are
// kept for `ttlMs` only, so a save shows after at most that long. Only 200 JSON responses are kept
// (no errors, no exports), each at most an eighth of `maxBytes`, the least recently used dropped
// first. Each GET under /api/ but the health check says `x-marsad-cache: hit` or `miss`; the store is
// read on a miss only.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repository } from '../store/repository.ts';

export interface ResponseCacheOptions {
  /** Bytes of response bodies kept at most; 0 turns the cache off. */
  readonly maxBytes: number;
  /** How long a response lives when the store has no dataVersion. */
  readonly ttlMs: number;
}

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 2000;
export const CACHE_HEADER = 'x-marsad-cache';

/** Routes whose answer must be read live: the deployment's health check. */
const UNCACHED = new Set(['/api/health']);

interface Entry {
  readonly body: string;
  readonly bytes: number;
  /** Infinity while the data version holds. */
  readonly expires: number;
}

export function registerResponseCache(
  app: FastifyInstance,
  store: Pick<Repository, 'dataVersion'>,
  options: ResponseCacheOptions,
): void {
  if (options.maxBytes <= 0) return;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  /** The data version the entries were made at; undefined before the first request. */
  let version: string | null | undefined;
  /** The data version each request that missed was looked up at. */
  const missed = new WeakMap<FastifyRequest, string | null>();

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !cacheable(request.url)) return;
    const now = await store.dataVersion();
    if (now !== version) {
      entries.clear();
      bytes = 0;
      version = now;
    }
    const entry = entries.get(request.url);
    if (entry !== undefined && entry.expires > Date.now()) {
      // Most recently used last: the Map's order is the eviction order.
      entries.delete(request.url);
      entries.set(request.url, entry);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header(CACHE_HEADER, 'hit')
        .send(entry.body);
    }
    drop(request.url);
    missed.set(request, now);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const lookedUpAt = missed.get(request);
    if (lookedUpAt === undefined) return payload;
    reply.header(CACHE_HEADER, 'miss');
    // Made at the version the entries hold, as a later request has seen it: else the data changed
    // while this response was made, and it may be older than what another request now expects.
    if (lookedUpAt !== version || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    const size = Buffer.byteLength(payload);
    if (size > options.maxBytes / 8) return payload;
    drop(request.url);
    entries.set(request.url, {
      body: payload,
      bytes: size,
      expires: lookedUpAt === null ? Date.now() + options.ttlMs : Number.POSITIVE_INFINITY,
    });
    bytes += size;
    for (const key of entries.keys()) {
      if (bytes <= options.maxBytes) break;
      drop(key);
    }
    return payload;
  });
}

function cacheable(url: string): boolean {
  return url.startsWith('/api/') && !UNCACHED.has(url.split('?')[0]!);
}
