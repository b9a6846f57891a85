// Turns tokens into what the tagger's features read (features.ts): the key, the clitic-free form,
// gazetteer flags, clusters and frequency. The same code serves training (ANERcorp's tokens) and
// analysis (the text layer's tokens), so the model sees the same features in both.

import { BoundedMap } from '../core/bounded-map.ts';
import type { TokenKind, WordShape } from '../core/doc.ts';
import type { WordCounts } from '../text/clitics.ts';
import { cliticParts } from './clusters.ts';
import type { NerToken } from './features.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { NameLikeness } from './namelike.ts';
import type { PhraseGazetteer } from './phrases.ts';
import type { SilverNames } from './silver.ts';

export interface NerResources {
  readonly lexicon: WordCounts;
  readonly gazetteer: Gazetteer;
  readonly clusters?: { of(form: string): readonly [number, number, number] | undefined };
  readonly silver?: SilverNames;
  readonly namelike?: NameLikeness;
  /** Whole listed names, marked per sentence (phrases.ts); tokens are not marked without it. */
  readonly phrases?: PhraseGazetteer;
}

const DETERMINER = 'ال';
/** Above this many distinct tokens a memo starts afresh. */
export const MEMO_LIMIT = 100_000;
/**
 * The same for the memo of tokens without a word shape (numbers, punctuation, symbols): their
 * recurring few fit many times over, and most numbers are written once.
 */
const KEY_MEMO_LIMIT = 20_000;

/**
 * `nerToken`, remembered: news repeats its words, and the tagger caches its work per NerToken object
 * (model.ts), so equal tokens should be one object. Word tokens of the text layer are remembered by
 * their shared word shape; others by their key.
 */
export function createNerTokens(resources: NerResources) {
  const byShape = new WeakMap<WordShape, NerToken>();
  const byKey = new BoundedMap<string, NerToken>(KEY_MEMO_LIMIT);
  // The text layer gives one word several shape objects over a run (a quarter more objects than
  // distinct tokens over 3,000 articles); the parts a token is made of name it, so a word met again
  // under a new shape gets the token already made, and the tagger's caches (emissions.ts) hit.
  const byParts = new BoundedMap<string, NerToken>(MEMO_LIMIT);
  /** The NerToken of `text.slice(start, end)`; the text is sliced only for a token not seen before. */
  return (
    text: string,
    start: number,
    end: number,
    key: string,
    kind: TokenKind,
    shape: WordShape | null,
  ) => {
    if (shape) {
      let token = byShape.get(shape);
      if (!token) {
        const parts = cliticParts(text.slice(start, end), shape);
        // Unambiguous: the lengths say where proclitics and form end and the key begins.
        const name = `${kind}:${parts.proclitics.length}:${parts.form.length}:${parts.proclitics}${parts.form}${key}`;
        token = byParts.get(name) ?? byParts.set(name, tokenOf(parts, key, kind, resources));
        byShape.set(shape, token);
      }
      return token;
    }
    // Without a shape, everything a NerToken holds follows from the key (cliticParts gives it back).
    let token = byKey.get(key);
    if (!token || token.kind !== kind) {
      token = byKey.set(key, nerToken(text.slice(start, end), key, kind, shape, resources));
    }
    return token;
  };
}

export function nerToken(
  surface: string,
  key: string,
  kind: TokenKind,
  shape: WordShape | null,
  resources: NerResources,
): NerToken {
  return tokenOf(cliticParts(surface, shape), key, kind, resources);
}

/** The token of these clitic parts: nothing else of the surface or its shape goes into it. */
function tokenOf(
  { proclitics, form }: { readonly proclitics: string; readonly form: string },
  key: string,
  kind: TokenKind,
  resources: NerResources,
): NerToken {
  const definite = proclitics.endsWith(DETERMINER) || proclitics.endsWith('لل');
  const { gazetteer, lexicon, clusters, namelike } = resources;
  const count = lexicon.count(form);
  // A word news never wrote that begins with و or ف is most often the conjunction before a name
  // (ومناتساكان): its letters are read without it.
  const letters = count === 0 && form.length >= 5 ? form.replace(/^[وف]/, '') : form;
  const name = namelike?.of(letters) ?? { score: 0, type: '-' };
  const gazetteerFlags =
    gazetteer.flags(form) | gazetteer.flags(key) | (definite ? gazetteer.flags(DETERMINER + form) : 0);
  return {
    key,
    form,
    proclitics,
    kind,
    gazetteer: gazetteerFlags,
    clusters: clusters?.of(form),
    silver: resources.silver?.flags(form) ?? 0,
    nameScore: name.score,
    nameType: name.type,
    frequency: frequencyBucket(count),
  };
}

function frequencyBucket(count: number): number {
  if (count === 0) return 0;
  if (count < 10) return 1;
  if (count < 100) return 2;
  if (count < 1000) return 3;
  if (count < 10000) return 4;
  return 5;
}
