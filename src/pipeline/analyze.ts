// The pipeline: an article in, a Doc with every layer the stages know how to add out.
// Each stage is a pure function of what earlier stages produced; later stages append here.

import type { Doc } from '../core/doc.ts';
import { createEventCoder } from '../events/coder.ts';
import { loadTriggers } from '../events/lexicon/triggers.ts';
import { findQuotes } from '../events/quotes/quotes.ts';
import { type ArticleInput, makeArticle } from '../ingest/article.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createLinker } from '../link/link.ts';
import { findDates } from '../ner/dates.ts';
import { findFigures } from '../ner/figures.ts';
import { loadNerTagger } from '../ner/model.ts';
import { defaultNerResources, findMentions } from '../ner/tagger.ts';
import type { WordCounts } from '../text/clitics.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextReader } from './text-reader.ts';

export interface AnalyzerOptions {
  /** Word counts for clitic decisions; the shipped lexicon by default. */
  readonly lexicon?: WordCounts;
  /** The analysts' curation log applied to the knowledge base (default: MARSAD_CURATION or ./marsad-curation.jsonl). */
  readonly curation?: string;
}

export type Analyze = (input: ArticleInput) => Doc;

export function createAnalyzer(options: AnalyzerOptions = {}): Analyze {
  const readText = createTextReader(options.lexicon ?? loadLexicon());
  const tagger = loadNerTagger();
  const resources = defaultNerResources();
  const lexicon = loadLexicon();
  const kb = loadCuratedKnowledgeBase(options.curation === undefined ? {} : { curation: options.curation });
  const link = createLinker(kb, { isName: (key) => lexicon.isName(key) });
  const codeEvents = createEventCoder(loadTriggers(), { isWord: (key) => lexicon.count(key) > 0 });
  return (input) => {
    const article = makeArticle(input);
    const read = { article, ...readText(article.text) };
    const dates = findDates(article.text, read.tokens, read.numbers, article.publishedAt);
    const { mentions, entities } = link({ ...read, mentions: findMentions(read, tagger, resources) });
    const named = { ...read, mentions, entities };
    const facts = { ...named, dates, figures: findFigures(article.text, read.tokens, read.numbers, dates) };
    const quotes = findQuotes(named);
    return { ...facts, quotes, events: codeEvents(facts, quotes) };
  };
}
