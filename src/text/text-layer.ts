// The text stage: untouched text in, sentences, tokens, clitic segments, light stems and numbers out.

import type { Segment, TextLayers, WordAnalysis } from '../core/doc.ts';
import { createWordShaper, type WordCounts, type WordShape } from './clitics.ts';
import { findNumbers } from './numbers.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

/** News repeats its words: shapes are memoised by surface form, up to this many before starting afresh. */
const SHAPE_CACHE_LIMIT = 200_000;

export type TextAnalyzer = (text: string) => TextLayers;

export function createTextAnalyzer(counts: WordCounts): TextAnalyzer {
  const shapeOf = createWordShaper(counts);
  const cache = new Map<string, WordShape>();
  const cachedShape = (surface: string, key: string): WordShape => {
    let shape = cache.get(surface);
    if (!shape) {
      if (cache.size >= SHAPE_CACHE_LIMIT) cache.clear();
      shape = shapeOf(surface, key);
      cache.set(surface, shape);
    }
    return shape;
  };

  return (text) => {
    const tokens = tokenize(text);
    const words: WordAnalysis[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word') continue;
      const shape = cachedShape(text.slice(token.start, token.end), token.norm);
      const segments: Segment[] = shape.segments.map((s) => ({
        start: token.start + s.start,
        end: token.start + s.end,
        role: s.role,
      }));
      words.push({ token: i, segments, stem: shape.stem });
    }
    return {
      sentences: splitSentences(text, tokens),
      tokens,
      words,
      numbers: findNumbers(text, tokens),
    };
  };
}
