// What every ingest source yields: an article with where it came from, or a coded error naming the
// bad item. A source never throws for a bad item: it yields the error and goes on with the next one.
//
// The codes of src/core/errors.ts are reused where they fit (INPUT_*, BAD_DATE); the ones only
// ingestion meets are in INGEST_ERRORS below, written the same way (a message the user can act on).
// They live here because src/core/errors.ts is shared: fold them into ERRORS when convenient.

import { type ErrorCode, fail, MarsadError } from '../../core/errors.ts';
import { parseIsoDate } from '../article.ts';
import { detectLanguage, type Language } from './language.ts';

export const INGEST_ERRORS = {
  INGEST_BAD_LINE: (where: string, detail: string) =>
    `${where}: ${detail}; fix or delete that line (one JSON object per line: {"text": "…", "title"?, "url"?, "source"?, "id"?, "publishedAt"?: "YYYY-MM-DD"})`,
  INGEST_LINE_TOO_LONG: (where: string, limit: string) =>
    `${where}: the line is over the ${limit} limit for one article; split it or raise --max-bytes`,
  INGEST_EMPTY: (where: string) => `${where} has no article text`,
  FEED_MALFORMED: (where: string, detail: string) => `${where} is not a well-formed feed: ${detail}`,
  FEED_NOT_A_FEED: (where: string, what: string) =>
    `${where} is ${what}, not an RSS or Atom feed; give the feed's own address (often /feed, /rss or /atom.xml)`,
  FETCH_BAD_URL: (url: string, detail: string) => `cannot fetch ${url}: ${detail}`,
  FETCH_FAILED: (url: string, reason: string) => `cannot fetch ${url}: ${reason}`,
  FETCH_STATUS: (url: string, status: number, text: string) =>
    `${url} answered HTTP ${status}${text ? ` ${text}` : ''}`,
  FETCH_TIMEOUT: (url: string, ms: number) => `${url} did not answer within ${ms / 1000} s`,
  FETCH_TOO_LARGE: (url: string, limit: string) =>
    `${url} sent more than the ${limit} limit for one response; raise --max-bytes if it is really one article`,
  FETCH_REDIRECTS: (url: string, limit: number) =>
    `${url} redirects more than ${limit} times (a redirect loop?)`,
  FETCH_NOT_TEXT: (url: string, type: string) => `${url} is ${type}, not an HTML page or a feed`,
  INGEST_FAILED: (where: string, reason: string) => `cannot ingest ${where}: ${reason}`,
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** A coded error as items carry it: plain data, so it serialises as it is. */
export interface IngestError {
  readonly code: ErrorCode | IngestErrorCode;
  readonly message: string;
}

/** An article as a source found it; `makeArticle` turns it into the pipeline's Article. */
export interface IngestArticle {
  readonly id?: string;
  readonly url?: string;
  /** Who published it: a JSON line's `source`, a feed's or page's host name (www. dropped). */
  readonly source?: string;
  /** `YYYY-MM-DD`, the publisher's local date as written. */
  readonly publishedAt?: string;
  readonly title?: string;
  readonly text: string;
}

export type IngestItem =
  | {
      readonly ok: true;
      readonly article: IngestArticle;
      /** Where it came from: a path, `path:LINE` for JSON lines, `path#N` for feed entries, a URL. */
      readonly origin: string;
      /** Script of the text (see language.ts): non-Arabic articles are yielded too, for the store to flag. */
      readonly language: Language;
    }
  | { readonly ok: false; readonly origin: string; readonly error: IngestError };

/** Thrown inside sources for ingestion's own codes; caught and yielded as an error item. */
export class IngestFailure extends Error {
  override readonly name = 'IngestFailure';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function ingestFail<C extends IngestErrorCode>(
  code: C,
  ...args: Parameters<(typeof INGEST_ERRORS)[C]>
): IngestFailure {
  const message = (INGEST_ERRORS[code] as (...a: unknown[]) => string)(...args);
  return new IngestFailure(code, message);
}

/** The item for a failure; an unexpected exception becomes INGEST_FAILED rather than ending the stream. */
export function errorItem(origin: string, error: unknown): Extract<IngestItem, { ok: false }> {
  if (error instanceof MarsadError || error instanceof IngestFailure)
    return { ok: false, origin, error: { code: error.code, message: error.message } };
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    origin,
    error: { code: 'INGEST_FAILED', message: INGEST_ERRORS.INGEST_FAILED(origin, reason) },
  };
}

/** The item for an article, or INGEST_EMPTY when it has no text. Drops empty optional fields. */
export function articleItem(origin: string, article: IngestArticle): IngestItem {
  if (article.text.trim() === '') return errorItem(origin, ingestFail('INGEST_EMPTY', origin));
  const clean: { -readonly [K in keyof IngestArticle]: IngestArticle[K] } = { text: article.text };
  if (article.id) clean.id = article.id;
  if (article.url) clean.url = article.url;
  if (article.source) clean.source = article.source;
  if (article.publishedAt) clean.publishedAt = article.publishedAt;
  if (article.title) clean.title = article.title;
  return { ok: true, article: clean, origin, language: detectLanguage(article.text) };
}

const ISO_DATE_PREFIX = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 as RSS writes it: "Tue, 10 Jun 2003 04:00:00 GMT" (day name optional, 2-digit years too). */
const RFC822 = /^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s|$)/i;

/**
 * The calendar date a timestamp names, as written (2024-04-12T23:30:00-05:00 → 2024-04-12: the
 * publisher's local date, as html.ts keeps it). Takes ISO 8601 and RFC 822; throws BAD_DATE for
 * anything else or an impossible date.
 */
export function dateOf(value: string): string {
  const iso = ISO_DATE_PREFIX.exec(value);
  if (iso) return parseIsoDate(iso[1]!);
  const rfc = RFC822.exec(value);
  const month = rfc ? MONTHS.indexOf(rfc[2]!.toLowerCase()) : -1;
  if (rfc && month >= 0) {
    const year = rfc[3]!.length === 2 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
    const date = `${year}-${String(month + 1).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`;
    return parseIsoDate(date);
  }
  return parseIsoDate(value.trim());
}

/** `dateOf`, or undefined where the value is not a date (feeds and pages get no error for it). */
export function dateOrUndefined(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return dateOf(value);
  } catch {
    return undefined;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

/** A file-system error under the codes decode.ts uses for files (INPUT_NOT_FOUND …). */
export function fileError(path: string, error: unknown): unknown {
  if (error instanceof MarsadError || error instanceof IngestFailure) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('INPUT_NOT_FOUND', path);
  if (code === 'EISDIR') return fail('INPUT_IS_DIRECTORY', path);
  if (code === 'EACCES' || code === 'EPERM') return fail('INPUT_UNREADABLE', path, 'permission denied');
  return fail('INPUT_UNREADABLE', path, error instanceof Error ? error.message : String(error));
}
