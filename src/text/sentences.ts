// Sentences over tokens. A sentence ends at final punctuation (with any closing quotes or brackets
// that follow it) or at a line break, so headlines and list items without a full stop stand alone.
// A full stop does not end a sentence after an abbreviation or an initial (د. محمد، U.S.),
// nor inside a number (1.5 is one token).

import type { Sentence, Token } from '../core/doc.ts';
import { CLOSERS, SENTENCE_FINAL } from './chars.ts';
import { matchKey } from './normalize.ts';

/** Keys of words that a full stop abbreviates rather than ends. Any one-letter word does too (د. محمد). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'no',
  'vol',
]);

/** Era markers: after a year they close a sentence as any word does (عام 2015 م.). */
const ERA_MARKERS = new Set(['م', 'ه']);

// Punctuation tokens are one character; their keys are shared strings, so comparing keys allocates nothing.
const FINAL_KEYS = new Set([...SENTENCE_FINAL].map(matchKey));
const CLOSER_KEYS = new Set([...CLOSERS].map(matchKey));
const isFinal = (token: Token) => token.kind === 'punct' && FINAL_KEYS.has(token.norm);
const isCloser = (token: Token) => token.kind === 'punct' && CLOSER_KEYS.has(token.norm);

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** A full stop that abbreviates: after a listed abbreviation or a lone letter, not after a year. */
function isAbbreviationStop(tokens: readonly Token[], i: number, text: string): boolean {
  const dot = tokens[i]!;
  if (dot.norm !== '.') return false;
  const before = tokens[i - 1];
  if (before?.kind !== 'word' || before.end !== dot.start) return false;
  const afterYear = tokens[i - 2]?.kind === 'number';
  if (afterYear && ERA_MARKERS.has(before.norm)) return false;
  const next = tokens[i + 1];
  // The last token of a text or a paragraph ends its sentence whatever precedes it.
  if (!next || hasLineBreak(text, dot.end, next.start)) return false;
  return before.norm.length === 1 || ABBREVIATIONS.has(before.norm);
}

export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) {
      close(i);
      break;
    }
    if (isFinal(token) && !isAbbreviationStop(tokens, i, text)) {
      // Runs of final marks (?! …) and the closers after them stay with the sentence.
      let last = i;
      while (tokens[last + 1] && (isFinal(tokens[last + 1]!) || isCloser(tokens[last + 1]!))) {
        if (hasLineBreak(text, tokens[last]!.end, tokens[last + 1]!.start)) break;
        last++;
      }
      // A full stop glued to the next word (U.S.A, ج.م.ع) is not a boundary.
      const after = tokens[last + 1];
      if (
        after &&
        after.start === tokens[last]!.end &&
        after.kind === 'word' &&
        last === i &&
        text[token.start] === '.'
      )
        continue;
      i = last;
      if (tokens[i + 1]) close(i);
      else {
        close(i);
        break;
      }
    } else if (hasLineBreak(text, token.end, next.start)) {
      close(i);
    }
  }
  return sentences;
}
