// The readable form of an analysis: what a person at a terminal wants to see first.

import type { Doc } from '../core/doc.ts';

const MAX_SENTENCE_CHARS = 100;

export function formatSummary(doc: Doc): string {
  const { article, sentences, tokens, words, numbers } = doc;
  const text = article.text;
  const wordCount = words.filter((w) => w !== null).length;
  const segmented = words.filter((w) => w && w.segments.length > 1).length;
  const lines = [
    `article ${article.id}${article.publishedAt ? ` · ${article.publishedAt}` : ''}${article.title ? ` · ${article.title}` : ''}`,
    `${text.length} characters · ${sentences.length} sentences · ${tokens.length} tokens · ${wordCount} words (${segmented} with clitics) · ${numbers.length} numbers`,
  ];
  if (numbers.length > 0) {
    const shown = numbers
      .slice(0, 12)
      .map(
        (n) =>
          `${text.slice(n.start, n.end)} = ${n.value}${n.percent ? '%' : ''}${n.ordinal ? ' (ordinal)' : ''}`,
      );
    lines.push(`numbers: ${shown.join(' · ')}${numbers.length > 12 ? ' …' : ''}`);
  }
  lines.push('');
  sentences.forEach((s, i) => {
    const body = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const short = body.length > MAX_SENTENCE_CHARS ? `${body.slice(0, MAX_SENTENCE_CHARS)}…` : body;
    lines.push(`${String(i + 1).padStart(4)}  [${s.start}–${s.end}]  ${short}`);
  });
  return `${lines.join('\n')}\n`;
}
