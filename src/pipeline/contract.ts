// The public JSON of `marsad analyze --json` (DESIGN.md). Fields may be added; none may change
// meaning. A layer that no stage has produced yet is left out rather than shown empty, so an empty
// list always means "looked, found none".

import { type Doc, wordSegments } from '../core/doc.ts';

export function toAnalysisJson(doc: Doc) {
  const { article } = doc;
  return {
    article: {
      id: article.id,
      ...(article.title !== undefined ? { title: article.title } : {}),
      ...(article.publishedAt !== undefined ? { publishedAt: article.publishedAt } : {}),
      text: article.text,
    },
    sentences: doc.sentences.map(({ start, end }) => ({ start, end })),
    tokens: doc.tokens.map(({ start, end, norm, kind }) => ({ start, end, norm, kind })),
    // One entry per word token: its light stem and clitic segments, in offsets of article.text.
    words: doc.words.flatMap((shape, token) =>
      shape ? [{ token, stem: shape.stem, segments: wordSegments(doc, token) }] : [],
    ),
    numbers: doc.numbers,
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

/** The layers of a Doc that a store keeps as rows of their own (src/store/rows.ts). */
export type DocFacts = Pick<Doc, 'article' | 'mentions' | 'entities' | 'events' | 'quotes'>;

/**
 * The Doc whose analysis JSON is `analysis` (the string `JSON.stringify(toAnalysisJson(doc))`),
 * given its fact layers as plain data: the other layers are parsed from the string only if something
 * reads them. An ingest's writing thread gets the string to store and the facts to write as rows
 * from a worker, and never reads the rest: parsing it there cost more than the worker's transfer.
 */
export function docFromFacts(facts: DocFacts, analysis: string): Doc {
  let whole: Doc | undefined;
  const parsed = () => (whole ??= fromAnalysisJson(JSON.parse(analysis) as AnalysisJson));
  return {
    ...facts,
    get tokens() {
      return parsed().tokens;
    },
    get words() {
      return parsed().words;
    },
    get sentences() {
      return parsed().sentences;
    },
    get numbers() {
      return parsed().numbers;
    },
    get dates() {
      return parsed().dates;
    },
    get figures() {
      return parsed().figures;
    },
  };
}
