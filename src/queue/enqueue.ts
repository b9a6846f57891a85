// `marsad ingest --queue`: the items of the ingest sources, one job per article, for the workers to
// analyse. The same checks as ingest's before anything is queued (the article must make an Article:
// a text, a real date; it must not be stored already), so a bad item is reported here, at once and
// with its origin, and never stops the batch.

import { makeArticle } from '../ingest/article.ts';
import { errorItem, type IngestError, type IngestItem } from '../ingest/sources/item.ts';
import type { Repository } from '../store/repository.ts';
import type { JobPolicy } from './article-job.ts';
import type { ArticleQueue } from './queue.ts';

export interface EnqueueReport {
  /** Jobs added to the queue, one per article. */
  queued: number;
  /**
   * Not queued because the article is stored already, or a job for it is in the queue (queued by
   * an earlier run, or the same article seen earlier in this one).
   */
  duplicates: number;
  readonly failed: { readonly item: string; readonly error: IngestError }[];
}

export interface EnqueueOptions {
  readonly policy: JobPolicy;
  /** Called once per item, with whether it went well (for a progress line). */
  readonly onItem?: (ok: boolean) => void;
}

export async function enqueueArticles(
  items: AsyncIterable<IngestItem>,
  queue: ArticleQueue,
  store: Pick<Repository, 'hasArticle'>,
  options: EnqueueOptions,
): Promise<EnqueueReport> {
  const report: EnqueueReport = { queued: 0, duplicates: 0, failed: [] };
  const onItem = options.onItem ?? (() => {});
  for await (const item of items) {
    if (!item.ok) {
      report.failed.push({ item: item.origin, error: item.error });
      onItem(false);
      continue;
    }
    try {
      const id = makeArticle(item.article).id;
      const fresh =
        !(await store.hasArticle(id)) &&
        (await queue.send(
          { article: item.article, origin: item.origin, language: item.language },
          id,
          options.policy,
        ));
      if (fresh) report.queued++;
      else report.duplicates++;
      onItem(true);
    } catch (error) {
      report.failed.push({ item: item.origin, error: errorItem(item.origin, error).error });
      onItem(false);
    }
  }
  return report;
}
