// Analysis on every core: a pool of worker threads, each with its own analyzer (the models load once
// per worker), fed from an async stream with a bounded number of articles in flight, so memory stays
// flat however long the stream. Results come back in completion order with the caller's tag.
// Analysis is pure CPU work; reading sources and writing the database stay on the main thread.

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Doc } from '../core/doc.ts';
import { MarsadError } from '../core/errors.ts';
import { type DocFacts, docFromFacts } from '../pipeline/stored-analysis.ts';
import type { PreparedArticle } from '../store/repository.ts';
import type { ArticleInput } from './article.ts';

export interface PoolOptions {
  /** Worker threads; default: one per core. */
  readonly workers?: number;
  /** Articles queued per worker beyond the one it is analysing. */
  readonly queuePerWorker?: number;
}

/** What comes back for one article: its analysis (with what the store builds from it) or the error. */
export type PoolResult<T> =
  | { readonly ok: true; readonly tag: T; readonly doc: Doc; readonly prepared?: PreparedArticle }
  | {
      readonly ok: false;
      readonly tag: T;
      readonly error: { readonly code?: string; readonly message: string };
    };

/** An analysis error as plain data: its MarsadError code, if any, and its message. */
export function analysisFailure(error: unknown): { readonly code?: string; readonly message: string } {
  const code = error instanceof MarsadError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { ...(code && { code }), message };
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCES ? './pool-worker.ts' : './pool-worker.js', import.meta.url);

/**
 * A worker's young generation, in MiB (V8 counts three semi-spaces: 12 gives 8 MiB of new space).
 * V8's default gives each isolate 32 MiB of new space; an analysis's garbage is short-lived, and
 * 8 MiB analysed as fast (measured over 3,000 SaudiNewsNet articles) with 24 MiB less per worker.
 */
const YOUNG_GENERATION_MB = 12;

/** A worker thread; from TypeScript sources (tests, tsx) it registers tsx's loader before the worker module. */
function startWorker(): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (!FROM_SOURCES) return new Worker(WORKER, { resourceLimits });
  const shim = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(shim, { eval: true, resourceLimits });
}

/**
 * How far V8 lets a heap grow past what its last full collection kept before collecting again, in
 * percent. V8's default adapts and, for a worker that keeps ~100 MiB of models and caches and makes
 * garbage fast, lets the heap reach about twice that. Every full collection marks all of that live
 * heap (some two million objects, most of them the caches' words) on V8's helper threads, so the
 * figure trades memory for CPU. bench:ingest on 16,000 SaudiNewsNet articles, alternated three times
 * with 25: 122.0 / 121.8 / 132.5 articles per CPU second at 25, 131.6 / 133.4 / 138.6 at 50, peak RSS
 * 868–898 against 875–887 MiB; on the whole corpus the peak rose from about 930 to 1,019 MiB, and to
 * 943–959 MiB with the bulk-write store's smaller page cache (sqlite.ts) that pays for it. A V8 flag
 * is the process's, not one isolate's: it applies from the first pool on, to the main thread's heap
 * too.
 */
const HEAP_GROWING_PERCENT = 50;

export async function* analyzeInPool<T>(
  items: AsyncIterable<{ readonly tag: T; readonly article: ArticleInput }>,
  options: PoolOptions = {},
): AsyncGenerator<PoolResult<T>> {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const limit = size * (1 + (options.queuePerWorker ?? 2));
  // Setting it again for a later pool changes nothing.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const workers = Array.from({ length: size }, startWorker);
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const tags = new Map<number, T>();
  const done: PoolResult<T>[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  for (const worker of workers) {
    worker.on(
      'message',
      (message: {
        id: number;
        facts?: DocFacts;
        prepared?: PreparedArticle;
        error?: { code?: string; message: string };
      }) => {
        busy.set(worker, busy.get(worker)! - 1);
        const tag = tags.get(message.id) as T;
        tags.delete(message.id);
        const { facts, prepared } = message;
        done.push(
          facts && prepared
            ? { ok: true, tag, doc: docFromFacts(facts, prepared.analysis), prepared }
            : { ok: false, tag, error: message.error ?? { message: 'no analysis' } },
        );
        signal();
      },
    );
    worker.on('error', (error) => {
      failure = error;
      signal();
    });
  }
  const waitForNews = () => new Promise<void>((resolve) => (wake = resolve));
  let next = 0;
  try {
    for await (const { tag, article } of items) {
      while (tags.size >= limit && !failure) {
        while (done.length > 0) yield done.shift()!;
        if (tags.size >= limit) await waitForNews();
      }
      if (failure) throw failure;
      const id = next++;
      tags.set(id, tag);
      // The least busy worker takes it.
      const worker = [...busy].sort((a, b) => a[1] - b[1])[0]![0];
      busy.set(worker, busy.get(worker)! + 1);
      worker.postMessage({ id, article });
      while (done.length > 0) yield done.shift()!;
    }
    while (tags.size > 0 || done.length > 0) {
      if (failure) throw failure;
      if (done.length === 0) await waitForNews();
      while (done.length > 0) yield done.shift()!;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
