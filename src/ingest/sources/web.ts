// News from the web: an RSS or Atom feed polled with conditional requests, and single article pages.
//
// Polling: the caller keeps one FeedState per feed URL and persists it between runs. readFeed sends
// its ETag as If-None-Match and its Last-Modified as If-Modified-Since; a 304 yields nothing. After a
// 200 whose items have all been consumed, the state holds the new validators (a consumer that stops
// early leaves it unchanged, so the next poll sees the same entries again: store writes must be
// idempotent, keyed as the report on `marsad ingest` says).

import { extractArticle, looksLikeHtml } from '../html.ts';
import { type FeedEntry, parseFeedXml } from './feed.ts';
import { decodeBody, fetchBounded, type HttpOptions } from './http.ts';
import { articleItem, errorItem, type IngestArticle, type IngestItem, ingestFail } from './item.ts';

/** What one feed's conditional requests need; persist it per feed URL between polls. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
}

export interface ReadFeedOptions extends HttpOptions {
  /** Validators from the previous poll; updated in place once the feed has been read through. */
  readonly state?: FeedState;
  /**
   * When to fetch an entry's page for its article: 'summary' (default) when the feed has no full
   * content for it (no content:encoded or Atom <content>) and its text is under `summaryChars`;
   * 'always' for every entry with a link; 'never' keeps what the feed says.
   */
  readonly fetchArticles?: 'summary' | 'always' | 'never';
  /** Feed text shorter than this is a summary (default 600 characters, about 100 Arabic words). */
  readonly summaryChars?: number;
  /**
   * Entries whose link this returns true for are skipped, neither yielded nor fetched: the store's
   * "already have this URL", so a re-poll after a crash costs no page fetches.
   */
  readonly skipLink?: (link: string) => boolean | Promise<boolean>;
}

export const DEFAULT_SUMMARY_CHARS = 600;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5';
// Text, XML, the types feeds are served as, and octet-stream (some servers label feeds so: the
// body still goes through decodeBody, which refuses binary data).
const TEXT_TYPE =
  /^(?:text\/|application\/(?:[\w.+-]*\+)?xml\b|application\/xhtml|application\/(?:rss|atom|rdf)\b|application\/octet-stream$)/i;

/**
 * The entries of an RSS or Atom feed as items, in feed order. The feed itself failing (network,
 * status, size, time, malformed XML, not a feed) is one error item named by the feed URL; an entry
 * whose page cannot be fetched is an error item named by its link, and the others still come.
 */
export async function* readFeed(url: string, opts: ReadFeedOptions = {}): AsyncGenerator<IngestItem> {
  const state = opts.state;
  const headers: Record<string, string> = { accept: FEED_ACCEPT };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;
  let entries: readonly FeedEntry[];
  let validators: FeedState;
  try {
    const response = await fetchBounded(url, opts, headers, refuseNonText);
    if (response.status === 304) return;
    const xml = decodeBody(response.body, response.headers.get('content-type') ?? '', response.url);
    entries = parseFeedXml(xml, url, response.url).entries;
    validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
  } catch (error) {
    yield errorItem(url, error);
    return;
  }

  const mode = opts.fetchArticles ?? 'summary';
  const summaryChars = opts.summaryChars ?? DEFAULT_SUMMARY_CHARS;
  for (const [i, entry] of entries.entries()) {
    if (entry.link !== undefined && opts.skipLink && (await opts.skipLink(entry.link))) continue;
    const origin = entry.link ?? `${url}#${i + 1}`;
    const wantsPage =
      entry.link !== undefined &&
      (mode === 'always' || (mode === 'summary' && !entry.full && entry.text.length < summaryChars));
    const source = hostOf(entry.link ?? url);
    const fromFeed: IngestArticle = {
      ...(entry.link ? { url: entry.link } : {}),
      ...(source ? { source } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
      text: entry.text,
    };
    if (!wantsPage) {
      yield articleItem(origin, fromFeed);
      continue;
    }
    const page = await fetchArticle(entry.link!, opts);
    if (!page.ok) {
      yield { ...page, origin };
      continue;
    }
    // The feed's link, title and date are the publisher's own; the page fills what they lack. A
    // page with no extractable body (rendered by script) leaves the feed's summary.
    yield articleItem(origin, {
      ...page.article,
      ...fromFeed,
      text: page.article.text || entry.text,
    });
  }
  if (state) {
    delete state.etag;
    delete state.lastModified;
    Object.assign(state, validators);
  }
}

/**
 * One article page: its body text, title and date (meta tags, JSON-LD, <time>), `url` the address
 * it was finally served from, `source` its host. A text/plain page is taken as it is. Never throws:
 * a failure is an error item named by `url`.
 */
export async function fetchArticle(url: string, opts: HttpOptions = {}): Promise<IngestItem> {
  try {
    const response = await fetchBounded(url, opts, { accept: PAGE_ACCEPT }, refuseNonText);
    const contentType = response.headers.get('content-type') ?? '';
    const text = decodeBody(response.body, contentType, response.url);
    const source = hostOf(response.url);
    const base = { url: response.url, ...(source ? { source } : {}) };
    if (/^text\/plain/i.test(contentType) && !looksLikeHtml(text)) return articleItem(url, { ...base, text });
    const page = extractArticle(text);
    return articleItem(url, { ...base, ...page });
  } catch (error) {
    return errorItem(url, error);
  }
}

function refuseNonText(contentType: string, url: string): void {
  const type = contentType.split(';')[0]!.trim();
  if (type !== '' && !TEXT_TYPE.test(type)) throw ingestFail('FETCH_NOT_TEXT', url, type);
}

/** The host name without a leading www., or undefined for a string that is not a URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
