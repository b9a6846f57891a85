// SaudiNewsNet (31,030 Saudi newspaper articles, July–August 2015), read in place from the shared
// data folder: dataset/YYYY-MM-DD.zip, each holding one JSON array of
// {source, url, date_extracted, title, author, content}. CC BY-NC-SA: read at run time, never copied.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fail } from '../core/errors.ts';
import { requireSharedData } from './shared-data.ts';

export interface SaudiArticle {
  /** `snn-` + 12 hex digits of the SHA-256 of the URL: stable across runs and file orders. */
  readonly id: string;
  /** Newspaper identifier, e.g. `alriyadh`, `aawsat`, `was`. */
  readonly source: string;
  readonly url: string;
  /** `YYYY-MM-DD` of `date_extracted`: the crawl date, the publication date only after about 2015-08-01. */
  readonly date: string;
  /** May be empty (67 articles). */
  readonly title: string;
  /** The article body; empty for 133 articles whose crawl failed. */
  readonly text: string;
}

interface RawArticle {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  content: string;
}

const DATASET = 'saudinewsnet/dataset';
const DATE_EXTRACTED = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}$/;

/** The corpus zips, sorted by name (so by date). */
export function saudiNewsNetFiles(): string[] {
  const dir = requireSharedData(DATASET);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.zip'))
    .sort()
    .map((name) => join(dir, name));
}

/** The articles of one zip, in file order. Holds that zip's JSON only while iterating. */
export function* readSaudiNewsNetFile(zipPath: string): Generator<SaudiArticle> {
  const entries = unzipSync(readFileSync(zipPath), { filter: (file) => file.name.endsWith('.json') });
  const names = Object.keys(entries).sort();
  if (names.length === 0) {
    throw fail('DATA_CORRUPT', zipPath, 'no .json entry', 'restore it from the SaudiNewsNet repository');
  }
  for (const name of names) {
    const raw: unknown = JSON.parse(strFromU8(entries[name]!));
    delete entries[name];
    if (!Array.isArray(raw)) {
      throw fail('DATA_CORRUPT', `${zipPath}:${name}`, 'not a JSON array', 'restore it from SaudiNewsNet');
    }
    for (const item of raw) yield toArticle(item as RawArticle, `${zipPath}:${name}`);
  }
}

/** Every article: files sorted by name, articles in file order. Reads one zip at a time. */
export function* readSaudiNewsNet(opts: { limit?: number } = {}): Generator<SaudiArticle> {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  let n = 0;
  for (const file of saudiNewsNetFiles()) {
    for (const article of readSaudiNewsNetFile(file)) {
      yield article;
      if (++n >= limit) return;
    }
  }
}

/** The article as one line of `marsad ingest`'s JSON-lines input (no line break). */
export function toIngestLine(a: SaudiArticle): string {
  return JSON.stringify({
    id: a.id,
    url: a.url,
    source: a.source,
    title: a.title,
    publishedAt: a.date,
    text: a.text,
  });
}

function toArticle(raw: RawArticle, where: string): SaudiArticle {
  const date = DATE_EXTRACTED.exec(raw.date_extracted ?? '')?.[1];
  if (typeof raw.url !== 'string' || raw.url === '' || date === undefined) {
    throw fail(
      'DATA_CORRUPT',
      where,
      `article without url or date: ${JSON.stringify(raw).slice(0, 120)}`,
      'restore it from SaudiNewsNet',
    );
  }
  return {
    id: `snn-${createHash('sha256').update(raw.url).digest('hex').slice(0, 12)}`,
    source: raw.source ?? '',
    url: raw.url,
    date,
    title: raw.title ?? '',
    text: raw.content ?? '',
  };
}
