// Who may do what: reads are open unless `protectReads`; every route marked `config: { write: true }`
// (it stores or curates) needs the bearer token. Analysing posted text stores nothing, so it is a
// read. A server started without a token refuses writes rather than accepting them from anyone.

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route stores or curates: it needs the token. */
    write?: boolean;
  }
}

export interface AccessOptions {
  /** The bearer token writes need (and reads, with protectReads). None: writes are refused. */
  readonly token?: string | undefined;
  readonly protectReads?: boolean;
}

export function registerAccess(app: FastifyInstance, options: AccessOptions): void {
  const expected = options.token === undefined ? undefined : Buffer.from(options.token);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const write = request.routeOptions.config.write === true;
    if (!write && !options.protectReads) return;
    if (expected === undefined)
      return reply.status(403).send({
        error: {
          code: 'WRITES_DISABLED',
          message:
            'this server was started without a token, so it accepts no writes; restart it with --token or MARSAD_TOKEN',
        },
      });
    if (!matches(request.headers.authorization, expected))
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: {
            code: 'UNAUTHORIZED',
            message: 'this request needs the header Authorization: Bearer <token>',
          },
        });
  });
}

function matches(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Route options of a write: the token is checked before the body is even parsed. */
export const WRITE = { config: { write: true } } as const;
