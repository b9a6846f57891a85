// The public JSON of `marsad analyze --json` (DESIGN.md). Fields may be added; none may change
// meaning. A layer that no stage has produced yet is left out rather than shown empty, so an empty
// list always means "looked, found none".

import { type Doc, wordSegments } from '../core/doc.ts';

export function toAnalysisJson(doc: Doc) {
  return { article: articleJson(doc.article), ...textLayersJson(doc), ...factsJson(doc) };
}

export function articleJson(article: Doc['article']) {
  return {
    id: article.id,
    ...(article.title !== undefined ? { title: article.title } : {}),
    ...(article.publishedAt !== undefined ? { publishedAt: article.publishedAt } : {}),
    text: article.text,
  };
}

/** The layers the text stage reads off the text by rule (text-reader.ts). */
export function textLayersJson(layers: Pick<Doc, 'sentences' | 'tokens' | 'words' | 'numbers'>) {
  return {
    sentences: layers.sentences.map(({ start, end }) => ({ start, end })),
    tokens: layers.tokens.map(({ start, end, norm, kind }) => ({ start, end, norm, kind })),
    // One entry per word token: its light stem and clitic segments, in offsets of article.text.
    words: layers.words.flatMap((shape, token) =>
      shape ? [{ token, stem: shape.stem, segments: wordSegments(layers, token) }] : [],
    ),
    numbers: layers.numbers,
  };
}

/** What the stages after the text stage found. */
export function factsJson(doc: Doc) {
  return {
    mentions: doc.mentions.map(({ start, end, text, type, entity, via }) => ({
      start,
      end,
      text,
      type,
      entity,
      ...(via !== undefined && { via }),
    })),
    entities: doc.entities,
    dates: doc.dates,
    figures: doc.figures,
    events: doc.events,
    quotes: doc.quotes,
  };
}

export type AnalysisJson = ReturnType<typeof toAnalysisJson>;

/**
 * The Doc an analysis JSON was made from, as plain data (word shapes with their stems resolved):
 * what crosses a worker-thread boundary or comes back from storage.
 */
export function fromAnalysisJson(json: AnalysisJson): Doc {
  const words: (Doc['words'][number] | null)[] = json.tokens.map(() => null);
  for (const { token, stem, segments } of json.words) {
    const base = json.tokens[token]!.start;
    words[token] = {
      stem,
      segments: segments.map((s) => ({ start: s.start - base, end: s.end - base, role: s.role })),
    };
  }
  return { ...json, words };
}
