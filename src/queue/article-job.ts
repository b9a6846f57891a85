// One job per article: what `marsad ingest --queue` puts in the queue and `marsad worker` takes out.
//
// Exactly once, from at-least-once parts. The queue (pg-boss) delivers a job at least once: a job
// whose worker dies (kill -9, a lost machine, a database restart under it) stays `active` until its
// expiry, is then put back with a retry delay, and another worker takes it. So a job may run twice,
// and the second run may come after the first one's transaction committed (the worker died between
// its COMMIT and marking the job complete). What makes the *store* see each article once is the
// store, not the queue: saving is idempotent by article id and by the hash of the normalised text
// (src/store/repository.ts), checked before analysis and again by the insert, so the second run finds
// the article and reports a duplicate, writing nothing. Two jobs for one article are avoided at the
// other end too, by giving each job an id derived from the article's id (jobIdOf): enqueuing the same
// article again, in the same run or a later one, is refused by the queue's primary key while the
// job is kept (until it is archived, 12 hours after it completed; a later enqueue is then a new job
// that finds the article stored, which costs one lookup).

import { createHash } from 'node:crypto';
import type { IngestArticle } from '../ingest/sources/item.ts';
import type { Language } from '../ingest/sources/language.ts';

/** The pg-boss queue every Marsad worker takes articles from. */
export const ARTICLE_QUEUE = 'marsad-articles';

/** The pg-boss schema (its tables: job, archive, queue, version) unless --queue-schema names another. */
export const DEFAULT_QUEUE_SCHEMA = 'pgboss';

/** A job's payload: the article as its source read it, and what the store records beside it. */
export interface ArticleJob {
  readonly article: IngestArticle;
  /** Where it came from: a path, `path:LINE`, `path#N` for a feed entry, a URL (for messages). */
  readonly origin: string;
  /** Script of the text (src/ingest/sources/language.ts). */
  readonly language: Language;
}

/** What a completed job records as its output: how the store took it, and which worker. */
export interface JobOutcome {
  readonly outcome: 'added' | 'nearDuplicate' | 'duplicate';
  /** `host:pid` of the worker process. */
  readonly worker: string;
}

/** How a job is retried when its worker fails or vanishes; set per job when it is enqueued. */
export interface JobPolicy {
  /** Attempts after the first; then the job is left `failed`, its last error kept as its output. */
  readonly retryLimit: number;
  /** Seconds before a retry; doubled each time (with jitter) when retryBackoff. */
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  /**
   * Seconds a job may stay active before it counts as abandoned and is retried. Far above one
   * analysis (tens of milliseconds for a news article, seconds for an 8 MiB one), since a job that
   * expires while its worker is still on it runs twice, harmlessly but for nothing.
   */
  readonly expireInSeconds: number;
}

export const DEFAULT_JOB_POLICY: JobPolicy = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 300,
};

/**
 * The job id for an article id: a UUID (pg-boss ids are PostgreSQL uuids) made from the SHA-256 of
 * the article id, marked as RFC 9562 version 8 (a UUID of custom layout). Same article, same job.
 */
export function jobIdOf(articleId: string): string {
  const bytes = createHash('sha256').update(`marsad-article\0${articleId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
