// The plain FTS5 baseline the search benchmark compares against: the raw article text under FTS5's
// default tokenizer (unicode61, diacritics removed), no stems, no entities. It shows what Arabic-aware
// indexing buys: here هجوم does not find بالهجوم, and لافروف does not find سيرجي لافروف's articles
// by the other spelling. It lives in its own table, outside the migrations, made on demand.

import type { Database } from 'better-sqlite3';

export interface BaselineIndex {
  add(articleId: string, text: string): void;
  /** Article ids whose text has every query word (FTS5's implicit AND), best bm25 first. */
  search(query: string, limit: number): string[];
}

export function createBaselineIndex(db: Database): BaselineIndex {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS baseline_fts USING fts5(article_id UNINDEXED, text)');
  const insert = db.prepare('INSERT INTO baseline_fts (article_id, text) VALUES (?, ?)');
  const select = db.prepare<[string, number], { article_id: string }>(
    'SELECT article_id FROM baseline_fts WHERE baseline_fts MATCH ? ORDER BY rank LIMIT ?',
  );
  return {
    add(articleId, text) {
      insert.run(articleId, text);
    },
    search(query, limit) {
      const match = baselineMatch(query);
      return match === null ? [] : select.all(match, limit).map((r) => r.article_id);
    },
  };
}

/** Each whitespace-separated word as a quoted FTS5 string, so query punctuation is never syntax. */
export function baselineMatch(query: string): string | null {
  const words = query.split(/\s+/).filter((w) => w !== '');
  return words.length === 0 ? null : words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}
