// What the rest of the document says about a word: a name is usually tagged alike wherever it
// recurs in one article (لافروف once after وزير الخارجية, then alone), so the first-pass tags of the
// other occurrences of a form are a feature for the second pass ("extended prediction history").

import type { NerToken } from './features.ts';

const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

/** Sentences of one document with each word's `document` feature set from the other occurrences' tags. */
export function withDocumentMemory(
  sentences: readonly (readonly NerToken[])[],
  tags: readonly (readonly string[])[],
): NerToken[][] {
  // Per form: how often each type (or O) was given to it anywhere in the document.
  const tally = new Map<string, Map<string, number>>();
  sentences.forEach((sentence, s) => {
    sentence.forEach((token, i) => {
      if (token.kind !== 'word' || token.form.length < 2) return;
      const label = tags[s]![i]!;
      const type = label === 'O' ? 'O' : label.slice(2);
      const counts = tally.get(token.form) ?? new Map<string, number>();
      counts.set(type, (counts.get(type) ?? 0) + 1);
      tally.set(token.form, counts);
    });
  });
  return sentences.map((sentence, s) =>
    sentence.map((token, i) => {
      const counts = tally.get(token.form);
      if (!counts || token.kind !== 'word') return token;
      const own = tags[s]![i]!;
      const ownType = own === 'O' ? 'O' : own.slice(2);
      // The other occurrences only: this one's own first-pass tag is not evidence about itself.
      let best = '';
      let bestCount = 0;
      for (const type of [...TYPES, 'O']) {
        const n = (counts.get(type) ?? 0) - (type === ownType ? 1 : 0);
        if (n > bestCount) {
          best = type;
          bestCount = n;
        }
      }
      return bestCount === 0 ? token : remembered(token, best);
    }),
  );
}

// One object per token and memory, so that the tagger's per-token caches hit (model.ts).
const variants = new WeakMap<NerToken, Map<string, NerToken>>();
function remembered(token: NerToken, document: string): NerToken {
  let byMemory = variants.get(token);
  if (!byMemory) {
    byMemory = new Map();
    variants.set(token, byMemory);
  }
  let variant = byMemory.get(document);
  if (!variant) {
    variant = { ...token, document };
    byMemory.set(document, variant);
  }
  return variant;
}
