// One analysis worker of the pool (pool.ts): an analyzer of its own, articles in, analysis JSON out
// (plain data, which crosses the thread boundary; a Doc's word shapes hold lazy stems that cannot).

import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toAnalysisJson } from '../pipeline/contract.ts';
import type { ArticleInput } from './article.ts';
import { analysisFailure } from './pool.ts';

const analyze = createAnalyzer();

parentPort?.on('message', ({ id, article }: { id: number; article: ArticleInput }) => {
  try {
    parentPort!.postMessage({ id, analysis: toAnalysisJson(analyze(article)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: analysisFailure(error) });
  }
});
