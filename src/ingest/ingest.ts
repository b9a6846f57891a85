// Ingestion: items from the sources (sources/) → duplicates set aside → analysis on every core
// (pool.ts) → saved in the store a batch at a time, each article whole or not at all. Idempotent
// and resumable: an article is known by its id (its content hash unless the input names one) and by
// the hash of its normalised text, both checked before any analysis, so running the same ingest
// again after an interruption (even kill -9) skips what is stored and adds only the rest. A bad item
// is reported and never stops the batch.

import { batches } from '../core/batches.ts';
import type { Analyze } from '../pipeline/analyze.ts';
import type { Repository, SaveResult } from '../store/repository.ts';
import { type ArticleInput, makeArticle } from './article.ts';
import { fingerprint, NEAR_DUPLICATE_BITS } from './dedupe/index.ts';
import { analysisFailure, analyzeInPool, type PoolResult } from './pool.ts';
import { errorItem, type IngestError, type IngestItem } from './sources/item.ts';

export interface IngestReport {
  added: number;
  /** Already stored (same id or same normalised text), or seen earlier in this run. */
  duplicates: number;
  /** Stored, and linked to the article they nearly repeat (SimHash within NEAR_DUPLICATE_BITS). */
  nearDuplicates: number;
  readonly failed: { readonly item: string; readonly error: IngestError }[];
}

export interface IngestOptions {
  /** Analysis threads; default one per core. */
  readonly workers?: number;
  /** Called once per item, with whether it went well (for a progress line). */
  readonly onItem?: (ok: boolean) => void;
  /**
   * Analyse on this thread with an analyzer already loaded, instead of in a worker pool: for a
   * server that saves one posted article at a time and holds the models anyway.
   */
  readonly analyze?: Analyze;
}

/**
 * Articles saved in one commit, and how long the first of a batch waits for the rest. A commit
 * writes every page its articles touched (the full-text index's, the summaries' busiest rows), so
 * one per article cost the writing thread more than all its statements. Measured saving 3,000
 * analysed SaudiNewsNet articles into SQLite: 4.7 ms of CPU an article one at a time, 3.2 in
 * batches of 32, 2.8 in batches of 128. An interrupted ingest loses at most a batch of analyses,
 * redone when it is run again.
 */
const SAVE_BATCH = 64;
const SAVE_WAIT_MS = 200;
/**
 * Articles queued at each worker beyond the one it analyses. Saving a batch holds the main thread
 * (64 × about 3 ms), and with it the dispatch of new articles: with a short queue the workers ran
 * dry within the first few milliseconds of every batch and waited out the rest.
 */
const QUEUE_PER_WORKER = SAVE_BATCH / 2;

interface Pending {
  readonly origin: string;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  readonly language: string;
  readonly contentHash: string;
  readonly simhash: bigint;
  readonly duplicateOf?: string | undefined;
}

export async function ingest(
  items: AsyncIterable<IngestItem>,
  store: Repository,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const report: IngestReport = { added: 0, duplicates: 0, nearDuplicates: 0, failed: [] };
  const onItem = options.onItem ?? (() => {});
  const fail = (item: string, error: IngestError) => {
    report.failed.push({ item, error });
    onItem(false);
  };
  // Texts already sent for analysis in this run: the store only knows them once they are saved.
  const inFlight = new Set<string>();

  async function* fresh() {
    for await (const item of items) {
      if (!item.ok) {
        fail(item.origin, item.error);
        continue;
      }
      const { article } = item;
      let id: string;
      try {
        id = makeArticle(article).id;
      } catch (error) {
        fail(item.origin, errorItem(item.origin, error).error);
        continue;
      }
      const print = fingerprint(article.text);
      if (inFlight.has(print.contentHash) || (await store.hasArticle(id))) {
        report.duplicates++;
        onItem(true);
        continue;
      }
      inFlight.add(print.contentHash);
      const near = await store.findNearDuplicate(print.simhash, NEAR_DUPLICATE_BITS);
      const tag: Pending = {
        origin: item.origin,
        source: article.source,
        url: article.url,
        language: item.language,
        contentHash: print.contentHash,
        simhash: print.simhash,
        duplicateOf: near ? (near.duplicateOf ?? near.articleId) : undefined,
      };
      yield { tag, article };
    }
  }

  const analysed = options.analyze
    ? analyzeHere(fresh(), options.analyze)
    : analyzeInPool(fresh(), {
        queuePerWorker: QUEUE_PER_WORKER,
        ...(options.workers && { workers: options.workers }),
      });
  for await (const batch of batches(analysed, { size: SAVE_BATCH, waitMs: SAVE_WAIT_MS })) {
    const analysedOk: Extract<PoolResult<Pending>, { ok: true }>[] = [];
    for (const result of batch) {
      if (result.ok) analysedOk.push(result);
      else
        fail(result.tag.origin, {
          code: (result.error.code ?? 'INGEST_FAILED') as IngestError['code'],
          message: result.error.message,
        });
    }
    if (analysedOk.length === 0) continue;
    let saved: SaveResult[];
    try {
      saved = await store.saveArticles(
        analysedOk.map(({ doc, prepared, tag }) => ({ doc, prepared, ...tag })),
      );
    } catch (error) {
      // The commit itself failed (a full disk, a lost connection): nothing of the batch is stored.
      saved = analysedOk.map(() => ({ ok: false, error }));
    }
    saved.forEach((result, i) => {
      const { tag } = analysedOk[i]!;
      if (!result.ok) fail(tag.origin, errorItem(tag.origin, result.error).error);
      else {
        if (result.outcome === 'duplicate') report.duplicates++;
        else if (tag.duplicateOf) report.nearDuplicates++;
        else report.added++;
        onItem(true);
      }
    });
  }
  return report;
}

/** The pool's results, computed one at a time on the calling thread. */
async function* analyzeHere<T>(
  items: AsyncIterable<{ readonly tag: T; readonly article: ArticleInput }>,
  analyze: Analyze,
): AsyncGenerator<PoolResult<T>> {
  for await (const { tag, article } of items) {
    let result: PoolResult<T>;
    try {
      result = { ok: true, tag, doc: analyze(article) };
    } catch (error) {
      result = { ok: false, tag, error: analysisFailure(error) };
    }
    yield result;
  }
}
