// The analysis as a store keeps it. Nine tenths of an analysis JSON are its text layers (sentences,
// tokens, words, numbers), which the text stage reads off the text by rule, and its text, which the
// store keeps in a column of its own. So a store keeps the article's metadata and the facts as they
// were found (mentions, entities, dates, figures, events, quotes), and reads the text layers again
// from the text when an article is read back: writing them was most of an ingest's writing work and
// most of the database. Every fact points into the text by character offsets, never into the token
// list, so the facts need nothing else to stay exact; the layers read back are those of the shipped
// text stage, which a new lexicon may segment differently.

import type { Doc } from '../core/doc.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { type AnalysisJson, articleJson, factsJson, fromAnalysisJson, textLayersJson } from './contract.ts';
import { createTextReader, type TextReader } from './text-reader.ts';

interface StoredAnalysis extends ReturnType<typeof factsJson> {
  readonly article: Omit<ReturnType<typeof articleJson>, 'text'>;
}

/** The string a store keeps for `doc`'s analysis: its JSON without the text layers and the text. */
export function toStoredAnalysis(doc: Doc): string {
  const { text: _, ...article } = articleJson(doc.article);
  return JSON.stringify({ article, ...factsJson(doc) } satisfies StoredAnalysis);
}

let reader: TextReader | undefined;

/**
 * The analysis JSON of a stored analysis and its article's text. A row written before the store
 * left the text layers out holds the whole analysis JSON, and is read as it is.
 */
export function fromStoredAnalysis(stored: string, text: string): AnalysisJson {
  const json = JSON.parse(stored) as StoredAnalysis | AnalysisJson;
  if ('tokens' in json) return json;
  reader ??= createTextReader(loadLexicon());
  const { article, ...facts } = json;
  return { article: { ...article, text }, ...textLayersJson(reader(text)), ...facts };
}

/** The layers of a Doc that a store keeps as rows of their own (src/store/rows.ts). */
export type DocFacts = Pick<Doc, 'article' | 'mentions' | 'entities' | 'events' | 'quotes'>;

/**
 * The Doc whose stored analysis is `analysis` (toStoredAnalysis), given its fact
 * layers as plain data: the other layers are read only if something reads them. An ingest's writing
 * thread gets the string to store and the facts to write as rows from a worker, and never reads the
 * rest: rebuilding it there would cost more than the worker's transfer.
 */
export function docFromFacts(facts: DocFacts, analysis: string): Doc {
  let whole: Doc | undefined;
  const parsed = () => (whole ??= fromAnalysisJson(fromStoredAnalysis(analysis, facts.article.text)));
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
