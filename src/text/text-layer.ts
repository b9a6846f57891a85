// The text stage: untouched text in; tokens with their keys, clitic shapes and sentences out.

import type { TextLayers, WordShape } from '../core/doc.ts';
import { createWordShaper, type WordCounts } from './clitics.ts';
import { splitSentences } from './sentences.ts';
import { SurfaceCache, type SurfaceEntry } from './surface-cache.ts';
import { tokenize, type WordKeyOf } from './tokens.ts';

export type TextAnalyzer = (text: string) => TextLayers;

export function createTextAnalyzer(counts: WordCounts): TextAnalyzer {
  const shapeOf = createWordShaper(counts);
  const surfaces = new SurfaceCache();
  // The tokenizer asks for each word's key in text order; the entries it touched are kept, in that
  // order, so each word is looked up once for its key and its shape.
  const seen: SurfaceEntry[] = [];
  const wordKeyOf: WordKeyOf = (text, start, end, hash) => {
    const entry = surfaces.at(text, start, end, hash);
    seen.push(entry);
    return entry.key;
  };

  return (text) => {
    seen.length = 0;
    const tokens = tokenize(text, wordKeyOf);
    const words: (WordShape | null)[] = new Array(tokens.length);
    for (let i = 0, w = 0; i < tokens.length; i++) {
      if (tokens[i]!.kind !== 'word') {
        words[i] = null;
        continue;
      }
      const entry = seen[w++]!;
      entry.shape ??= shapeOf(entry.surface, entry.key);
      words[i] = entry.shape;
    }
    return { tokens, words, sentences: splitSentences(text, tokens) };
  };
}
