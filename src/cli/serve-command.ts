// `marsad serve`: the HTTP API and web UI over a store (src/server). `--examples` first loads the
// bundled example articles (idempotent), which is what `npm start` does on a fresh machine.

import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { exampleItems } from '../ingest/examples.ts';
import { ingest } from '../ingest/ingest.ts';
import { curationPath } from '../kb/curation-log.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT } from '../server/app.ts';
import { DEFAULT_CACHE_BYTES } from '../server/response-cache.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import type { Io } from './io.ts';
import { positiveInt, wholeNumber } from './number-options.ts';
import { addDbOption, openStore, storeLocation } from './store-option.ts';

export const TOKEN_ENV = 'MARSAD_TOKEN';

interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  token?: string;
  protectReads?: boolean;
  rateLimit: number;
  bodyLimit: number;
  cacheMb: number;
  examples?: boolean;
  curation?: string;
}

export function registerServe(program: Command, io: Io): void {
  const command = program
    .command('serve')
    .description('serve the HTTP API (/api/, documented at /docs and /openapi.json) and the web UI')
    .addOption(
      new Option('--port <n>', 'TCP port (0: any free port)')
        .env('PORT')
        .default(8080)
        .argParser((v) => wholeNumber('--port', v, 0, 65535)),
    )
    .option('--host <address>', 'address to listen on (0.0.0.0 to serve other machines)', '127.0.0.1')
    .addOption(
      new Option(
        '--token <secret>',
        `bearer token for writes (default: $${TOKEN_ENV}, else a random one, printed)`,
      ).env(TOKEN_ENV),
    )
    .option('--protect-reads', 'require the token for reads too')
    .addOption(
      new Option('--rate-limit <n>', 'requests a minute per client address (0: no limit)')
        .default(DEFAULT_RATE_LIMIT)
        .argParser((v) => wholeNumber('--rate-limit', v, 0, Number.MAX_SAFE_INTEGER)),
    )
    .addOption(
      new Option('--body-limit <bytes>', 'largest request body')
        .default(DEFAULT_BODY_LIMIT)
        .argParser((v) => positiveInt('--body-limit', v)),
    )
    .addOption(
      new Option(
        '--cache-mb <n>',
        'MiB of read responses kept until the store changes (0: no cache; PostgreSQL: 2 s each)',
      )
        .default(DEFAULT_CACHE_BYTES / 2 ** 20)
        .argParser((v) => wholeNumber('--cache-mb', v, 0, 65536)),
    )
    .option('--examples', 'first load the bundled example articles into the store (safe to repeat)')
    .option(
      '--curation <file>',
      'the curation log the API appends to (default: $MARSAD_CURATION, else ./marsad-curation.jsonl)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marsad serve --examples\n  marsad serve --db news.db --port 3000 --token s3cret\n  curl localhost:8080/api/search?q=لافروف',
    );
  addDbOption(command).action(async (options: ServeOptions) => {
    const store = await openStore(options.db);
    // One log for all three: what the API appends is what the knowledge base and the linker read.
    const curation = options.curation ?? curationPath();
    const kb = loadCuratedKnowledgeBase({ curation });
    const analyze = createAnalyzer({ curation });
    if (options.examples) {
      const report = await ingest(exampleItems(), store, { analyze });
      io.stderr.write(
        `examples: added ${report.added}, already stored ${report.duplicates}, failed ${report.failed.length}\n`,
      );
      for (const { error } of report.failed) io.stderr.write(`  ${error.message} [${error.code}]\n`);
    }
    const token = options.token ?? randomBytes(18).toString('base64url');
    const app = await buildServer(
      {
        store,
        kb,
        analyze,
        textLayer: createTextAnalyzer(loadLexicon()),
        curationLog: curation,
      },
      {
        token,
        protectReads: options.protectReads ?? false,
        rateLimit: options.rateLimit,
        bodyLimit: options.bodyLimit,
        cacheBytes: options.cacheMb * 2 ** 20,
      },
    );
    const address = await app.listen({ port: options.port, host: options.host });
    io.stderr.write(
      `marsad: serving ${storeLocation(options.db).where} at ${address} (API docs: ${address}/docs)\n`,
    );
    if (options.token === undefined)
      io.stderr.write(`marsad: write token ${token} (choose one with --token or $${TOKEN_ENV})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    await store.close();
  });
}
