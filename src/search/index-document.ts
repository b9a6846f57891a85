// What one article contributes to the search index: its title and body as light stems (so هجوم in
// a query finds بالهجوم and والهجوم, which the text layer stems to هجوم), one token per linked
// entity (so a query naming Lavrov in any spelling finds every article linked to him), and the
// offsets of each indexed body word in the original text, which is how snippets are cut from the
// text the reader knows rather than from the stems.

import type { Doc, TextLayers } from '../core/doc.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import { entityToken, indexTerm } from './terms.ts';

export interface SearchDocument {
  /** The title's stems, space-joined (empty when there is no title). */
  readonly title: string;
  /** The body's stems, space-joined, one per indexed word token of the article text. */
  readonly body: string;
  /** One entity token per linked entity, in the order of `doc.entities`. */
  readonly entities: string;
  /** `start,end` of each body word in the article text, flattened: see encodePositions. */
  readonly positions: string;
}

export function buildSearchDocument(doc: Doc, textLayer: TextAnalyzer): SearchDocument {
  const body = stemsOf(doc);
  const title = doc.article.title === undefined ? '' : stemsOf(textLayer(doc.article.title)).terms.join(' ');
  return {
    title,
    body: body.terms.join(' '),
    entities: doc.entities.map((e) => entityToken(e.id)).join(' '),
    positions: encodePositions(body.spans),
  };
}

interface Stems {
  readonly terms: string[];
  readonly spans: number[];
}

/** The index term of every word token that has one, with the token's offsets. */
function stemsOf(layers: Pick<TextLayers, 'tokens' | 'words'>): Stems {
  const terms: string[] = [];
  const spans: number[] = [];
  layers.words.forEach((shape, i) => {
    const term = shape ? indexTerm(shape.stem) : '';
    if (term === '') return;
    const token = layers.tokens[i]!;
    terms.push(term);
    spans.push(token.start, token.end);
  });
  return { terms, spans };
}

// Comma-separated integers: portable TEXT for both databases, and small next to the analysis JSON.
export function encodePositions(spans: readonly number[]): string {
  return spans.join(',');
}

/** The spans back: word i of the body is `[result[2i], result[2i+1])` in the article text. */
export function decodePositions(text: string): Int32Array {
  // Read by hand: for every hit of a page, and split() + Number() cost several times as much.
  let count = text === '' ? 0 : 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === COMMA) count++;
  const out = new Int32Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      out[n++] = value;
      value = 0;
    } else value = value * 10 + (c - ZERO);
  }
  if (count > 0) out[n] = value;
  return out;
}

const COMMA = 0x2c;
const ZERO = 0x30;
