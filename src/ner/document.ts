// What the rest of the document says about a word: a name is usually tagged alike wherever it
// recurs in one article (لافروف once after وزير الخارجية, then alone), so the first-pass tags of the
// other occurrences of a form are a feature for the second pass ("extended prediction history").

import type { NerToken } from './features.ts';
import { tokenWith } from './token-variants.ts';

/** The types a memory can hold, in the order ties are broken; O last. */
const TYPES = ['PER', 'LOC', 'ORG', 'MISC', 'O'] as const;
const TYPE_INDEX = new Map<string, number>(TYPES.map((type, i) => [type, i]));

/** Sentences of one document with each word's `document` feature set from the other occurrences' tags. */
export function withDocumentMemory(
  sentences: readonly (readonly NerToken[])[],
  tags: readonly (readonly string[])[],
): NerToken[][] {
  const memory = documentMemory(sentences, (s, i) => TYPE_INDEX.get(typeOf(tags[s]![i]!)) ?? -1);
  return sentences.map((sentence, s) =>
    sentence.map((token, i) => {
      const document = memory[s]![i];
      return document === undefined ? token : tokenWith(token, 'document', document);
    }),
  );
}

/**
 * The type each label of `labels` (IOB2) gives a form in the document memory, by label index: -1
 * for a label of no type the memory holds.
 */
export function memoryTypes(labels: readonly string[]): Int32Array {
  return Int32Array.from(labels, (label) => TYPE_INDEX.get(typeOf(label)) ?? -1);
}

/**
 * Per sentence and token: the `document` feature the other occurrences' first-pass types give the
 * token, undefined where they give none (the token keeps its own). `typeAt(s, i)` is the TYPES index
 * of the first pass's type of token i of sentence s, -1 for none. Kept apart from the tokens so that
 * the tagger's second pass can add it to the records of the plain tokens (emissions.ts) instead of
 * making a token per memory.
 */
export function documentMemory(
  sentences: readonly (readonly NerToken[])[],
  typeAt: (s: number, i: number) => number,
): (string | undefined)[][] {
  // Per form: how often each type (or O) was given to it anywhere in the document, by TYPES index.
  const tally = new Map<string, Int32Array>();
  sentences.forEach((sentence, s) => {
    sentence.forEach((token, i) => {
      if (token.kind !== 'word' || token.form.length < 2) return;
      const type = typeAt(s, i);
      if (type < 0) return;
      let counts = tally.get(token.form);
      if (!counts) {
        counts = new Int32Array(TYPES.length);
        tally.set(token.form, counts);
      }
      counts[type]!++;
    });
  });
  return sentences.map((sentence, s) =>
    sentence.map((token, i) => {
      const counts = tally.get(token.form);
      if (!counts || token.kind !== 'word') return undefined;
      const own = typeAt(s, i);
      // The other occurrences only: this one's own first-pass tag is not evidence about itself.
      let best = -1;
      let bestCount = 0;
      for (let type = 0; type < TYPES.length; type++) {
        const n = counts[type]! - (type === own ? 1 : 0);
        if (n > bestCount) {
          best = type;
          bestCount = n;
        }
      }
      return best < 0 ? undefined : TYPES[best];
    }),
  );
}

/** The entity type of an IOB2 tag, or O. */
const typeOf = (tag: string) => (tag === 'O' ? 'O' : tag.slice(2));
