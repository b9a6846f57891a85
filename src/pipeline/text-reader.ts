// The text stage: the layers read off an article's text by rule — tokens with their keys, clitic
// shapes, sentences and numbers — which every later stage reads, and which a store reads again from
// the text rather than keep (stored-analysis.ts).

import type { Doc, TextLayers } from '../core/doc.ts';
import type { WordCounts } from '../text/clitics.ts';
import { findNumbers } from '../text/numbers.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';

export type TextReading = TextLayers & Pick<Doc, 'numbers'>;

export type TextReader = (text: string) => TextReading;

export function createTextReader(counts: WordCounts): TextReader {
  const textLayer = createTextAnalyzer(counts);
  return (text) => {
    const layers = textLayer(text);
    return { ...layers, numbers: findNumbers(text, layers.tokens) };
  };
}
