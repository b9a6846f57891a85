// The HTTP server: the JSON API under /api/ (documented by /openapi.json, browsable at /docs) and the
// web UI (dist/ui, built by scripts/build-ui.ts) from one process. Everything outside the routes is
// set here once: validation that refuses unknown parameters, one error shape ({ error: { code,
// message } }), a bearer token on every write, body size and request rate limits, security headers
// with a strict Content Security Policy (the UI runs no inline script or style), and a cache of
// read responses that the store's next commit clears (response-cache.ts).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { MarsadError } from '../core/errors.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import type { Analyze } from '../pipeline/analyze.ts';
import type { Repository } from '../store/repository.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import { type AccessOptions, registerAccess } from './access.ts';
import { DEFAULT_CACHE_BYTES, DEFAULT_CACHE_TTL_MS, registerResponseCache } from './response-cache.ts';
import { registerArticleRoutes } from './routes/articles.ts';
import { registerEntityRoutes } from './routes/entities.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerSearchRoutes } from './routes/search.ts';

/** What the routes work with: the store, the models, and where curation is logged. */
export interface ServerDeps {
  readonly store: Repository;
  readonly kb: KnowledgeBase;
  readonly analyze: Analyze;
  readonly textLayer: TextAnalyzer;
  readonly curationLog: string;
}

export interface ServerOptions extends AccessOptions {
  /** Largest request body in bytes (an article posted for analysis); default 1 MiB. */
  readonly bodyLimit?: number;
  /** Requests a minute from one client address; 0 turns the limit off. Default 600. */
  readonly rateLimit?: number;
  /** The built web UI; default dist/ui of this package. */
  readonly uiDir?: string;
  /** Bytes of read responses kept (response-cache.ts); 0 turns the cache off. Default 64 MiB. */
  readonly cacheBytes?: number;
  /** How long a kept response lives on a store that cannot tell when it changed; default 2 s. */
  readonly cacheTtlMs?: number;
  readonly logger?: boolean;
}

// This module sits two levels below the repository root both as src/server/*.ts and dist/server/*.js.
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../dist/ui/', import.meta.url));
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = 600;
const VERSION = '0.1.0';

export async function buildServer(deps: ServerDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Refuse what the schemas do not name instead of dropping it; coerce query strings to numbers.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Ids contain ':' (per:sergey-lavrov); the default router is fine with that, and with Arabic paths.
    routerOptions: { maxParamLength: 300 },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        fontSrc: ["'self'"],
        // Served over plain HTTP on a LAN as often as behind TLS: upgrading would break the page there.
        upgradeInsecureRequests: null,
      },
    },
  });
  const perMinute = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (perMinute > 0) await app.register(rateLimit, { max: perMinute, timeWindow: 60_000 });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Marsad API',
        version: VERSION,
        description:
          'Arabic news as structured, verifiable event data: search, articles with their analysis, canonical entities, PLOVER events. Reads are open unless the server protects them; writes need `Authorization: Bearer <token>`.',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    },
  });
  // The interactive docs set their own CSP for their pages (staticCSP), since they need inline script.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, code, message } = describeError(error);
    if (status >= 500) request.log.error(error);
    return reply.status(status).send({ error: { code, message } });
  });

  registerAccess(app, options);
  registerResponseCache(app, deps.store, {
    maxBytes: options.cacheBytes ?? DEFAULT_CACHE_BYTES,
    ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
  });
  await app.register(
    async (api) => {
      registerSearchRoutes(api, deps);
      registerArticleRoutes(api, deps);
      registerEntityRoutes(api, deps);
      registerEventRoutes(api, deps);
      api.get(
        '/stats',
        { schema: { tags: ['stats'], summary: 'Counts of what the store holds' } },
        async () => deps.store.stats(),
      );
      // For a load balancer or an orchestrator: the store answers and is migrated. Reads no table but
      // the migrations' (stats counts every one, which on PostgreSQL is a scan each), and is never cached.
      api.get(
        '/health',
        {
          schema: {
            tags: ['stats'],
            summary: 'The server is up and its store answers: the schema version it is at',
            response: {
              200: {
                type: 'object',
                properties: { ok: { type: 'boolean' }, schemaVersion: { type: 'integer' } },
                required: ['ok', 'schemaVersion'],
              },
            },
          },
        },
        async () => ({ ok: true, schemaVersion: await deps.store.schemaVersion() }),
      );
    },
    { prefix: '/api' },
  );

  const uiDir = options.uiDir ?? DEFAULT_UI_DIR;
  const hasUi = existsSync(uiDir);
  if (hasUi) await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // The UI routes by the URL's hash; a deep link without one still opens the application.
    if (hasUi && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `no such resource: ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
  return app;
}

/** The status and the { code, message } a client sees for an error. */
function describeError(error: FastifyError): { status: number; code: string; message: string } {
  if (error.validation)
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `${error.validationContext ?? 'request'} ${error.message.replace(/^(querystring|body|params)\s*/, '')}`,
    };
  if (error instanceof MarsadError) {
    const status = error.code === 'UNKNOWN_ENTITY' ? 404 : error.code === 'CURATION_REFUSED' ? 409 : 400;
    return { status, code: error.code, message: error.message };
  }
  // Fastify's own errors carry a status (some are RangeErrors: a body over the limit is a 413).
  if (error.statusCode === undefined && error instanceof RangeError)
    return { status: 400, code: 'BAD_REQUEST', message: error.message };
  const status = error.statusCode ?? 500;
  if (status < 500) return { status, code: error.code ?? 'BAD_REQUEST', message: error.message };
  return { status: 500, code: 'INTERNAL', message: 'internal error; the server log has the details' };
}
