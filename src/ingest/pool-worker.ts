// One analysis worker of the pool (pool.ts): an analyzer of its own, articles in, out what the store
// writes: the fact layers as plain data (a Doc's word shapes hold lazy stems, which cannot cross the
// thread boundary) with the analysis JSON string and the search document (rows.ts prepareArticle),
// built here so that the one thread that writes does not build them.

import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../pipeline/analyze.ts';
import type { DocFacts } from '../pipeline/stored-analysis.ts';
import { prepareArticle } from '../store/rows.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import type { ArticleInput } from './article.ts';
import { analysisFailure } from './pool.ts';

const analyze = createAnalyzer();
/** Stems the titles for the search document, as a store does with its own (src/store/sqlite.ts). */
const titles = createTextAnalyzer(loadLexicon());

parentPort?.on('message', ({ id, article }: { id: number; article: ArticleInput }) => {
  try {
    const doc = analyze(article);
    const facts: DocFacts = {
      article: doc.article,
      mentions: doc.mentions,
      entities: doc.entities,
      events: doc.events,
      quotes: doc.quotes,
    };
    parentPort!.postMessage({ id, facts, prepared: prepareArticle(doc, titles) });
  } catch (error) {
    parentPort!.postMessage({ id, error: analysisFailure(error) });
  }
});
