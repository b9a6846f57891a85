// An Article is the unit every stage works on. Its id is derived from its text, so analysing the
// same text twice gives the same id, whatever file or stream it came from.

import { createHash } from 'node:crypto';
import type { Article } from '../core/doc.ts';
import { fail } from '../core/errors.ts';

export interface ArticleInput {
  readonly text: string;
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly publishedAt?: string | undefined;
}

export function makeArticle(input: ArticleInput): Article {
  return {
    id: input.id ?? contentId(input.text),
    ...(input.title ? { title: input.title } : {}),
    ...(input.publishedAt ? { publishedAt: parseIsoDate(input.publishedAt) } : {}),
    text: input.text,
  };
}

function contentId(text: string): string {
  return `a-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Accepts only a real calendar date written YYYY-MM-DD (no 2024-02-30) and returns it. */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw fail('BAD_DATE', value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1)
    throw fail('BAD_DATE', value);
  return value;
}
