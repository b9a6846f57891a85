// Ingest sources: async generators of IngestItems (an article with its origin, or a coded error for
// one bad item; a source never throws for a bad item). See item.ts for the shapes.

export { type FeedEntry, looksLikeFeed, type ParsedFeed, parseFeedXml } from './feed.ts';
export { documentItems, readFileItems, type WalkOptions, walkPaths } from './files.ts';
export { decodeBody, type FetchFunction, fetchBounded, type HttpOptions } from './http.ts';
export {
  articleItem,
  dateOf,
  errorItem,
  INGEST_ERRORS,
  type IngestArticle,
  type IngestError,
  type IngestErrorCode,
  IngestFailure,
  type IngestItem,
} from './item.ts';
export { type JsonLinesOptions, readJsonLines } from './jsonl.ts';
export { detectLanguage, type Language, scriptCounts } from './language.ts';
export { type FeedState, fetchArticle, type ReadFeedOptions, readFeed } from './web.ts';
