// Ingestion: items from the sources (sources/) → duplicates set aside → analysis on every core
// (pool.ts) → saved in the store a batch at a time, each article whole or not at all. Idempotent
// and resumable: an article is known by its id (its content hash unless the input names one) and by
// the hash of its normalised text, both checked before any analysis, so running the same ingest
// again after an interruption (even kill -9) skips what is stored and adds only the rest. A bad item
// is reported and never stops the batch. A near duplicate is linked to its original when it is
// saved, not when it is sent for analysis: with a batch of articles in flight, a copy is often sent
// before its original is stored, and would have been stored as an original of its own.

import { batches } from '../core/batches.ts';
import type { Analyze } from '../pipeline/analyze.ts';
import type { Repository, SaveArticleInput, SaveResult } from '../store/repository.ts';
import { type ArticleInput, makeArticle } from './article.ts';
import { fingerprint, hammingDistance, NEAR_DUPLICATE_BITS } from './dedupe/index.ts';
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
 * batches of 32, 2.8 in batches of 128; a whole ingest of 8,000 articles, alternated twice, 189 / 198
 * articles/s in batches of 64, 213 / 206 in batches of 128. An interrupted ingest loses at most a
 * batch of analyses, redone when it is run again.
 */
const SAVE_BATCH = 128;
const SAVE_WAIT_MS = 200;
/**
 * Articles queued at each worker beyond the one it analyses. Saving a batch holds the main thread
 * (128 × about 2.5 ms), and with it the dispatch of new articles: with a short queue the workers ran
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
      const tag: Pending = {
        origin: item.origin,
        source: article.source,
        url: article.url,
        language: item.language,
        contentHash: print.contentHash,
        simhash: print.simhash,
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
    const inputs = await withNearDuplicates(
      analysedOk.map(({ doc, prepared, tag }) => ({ doc, prepared, ...tag })),
      store,
    );
    const saved = await saveLinked(store, inputs);
    saved.forEach(({ input, result }, i) => {
      const { tag } = analysedOk[i]!;
      if (!result.ok) fail(tag.origin, errorItem(tag.origin, result.error).error);
      else {
        if (result.outcome === 'duplicate') report.duplicates++;
        else if (input.duplicateOf) report.nearDuplicates++;
        else report.added++;
        onItem(true);
      }
    });
  }
  await store.finishLoad();
  return report;
}

type Linkable = SaveArticleInput & { readonly simhash: bigint };

/**
 * The batch, each article linked to the original it nearly repeats: among the stored articles, else
 * among those before it in the batch, which are saved before it. A copy of a copy is linked to the
 * first original, as findNearDuplicate's rows say.
 */
async function withNearDuplicates(batch: readonly Linkable[], store: Repository): Promise<Linkable[]> {
  const linked: Linkable[] = [];
  for (const input of batch) {
    const stored = await store.findNearDuplicate(input.simhash, NEAR_DUPLICATE_BITS);
    const original = stored
      ? (stored.duplicateOf ?? stored.articleId)
      : nearestEarlier(input.simhash, linked);
    linked.push(original ? { ...input, duplicateOf: original } : input);
  }
  return linked;
}

/** The original of the closest article (the earliest on a tie) within NEAR_DUPLICATE_BITS of `simhash`. */
function nearestEarlier(simhash: bigint, earlier: readonly Linkable[]): string | undefined {
  let best: { original: string; distance: number } | undefined;
  for (const e of earlier) {
    const distance = hammingDistance(simhash, e.simhash);
    if (distance <= NEAR_DUPLICATE_BITS && (!best || distance < best.distance))
      best = { original: e.duplicateOf ?? e.doc.article.id, distance };
  }
  return best?.original;
}

/**
 * Saves the batch in one commit. An article linked to one of the batch that was not stored after all
 * (its save failed, or it was a duplicate under another id) fails for want of its original: it is
 * saved again on its own, unlinked.
 */
async function saveLinked(
  store: Repository,
  inputs: readonly SaveArticleInput[],
): Promise<{ input: SaveArticleInput; result: SaveResult }[]> {
  let saved: SaveResult[];
  try {
    saved = await store.saveArticles(inputs);
  } catch (error) {
    // The commit itself failed (a full disk, a lost connection): nothing of the batch is stored.
    return inputs.map((input) => ({ input, result: { ok: false, error } }));
  }
  const ids = new Set(inputs.map((input) => input.doc.article.id));
  return Promise.all(
    saved.map(async (result, i) => {
      const input = inputs[i]!;
      if (result.ok || input.duplicateOf === undefined || !ids.has(input.duplicateOf))
        return { input, result };
      const { duplicateOf: _, ...unlinked } = input;
      const [again] = await store.saveArticles([unlinked]);
      return { input: unlinked, result: again! };
    }),
  );
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
