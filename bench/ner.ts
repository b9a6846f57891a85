// bench:ner — tokens per second of NER tagging on one core over SaudiNewsNet, with the text layer
// alone measured in the same run as the baseline, and the time to load the model.
// It measures the compiled library in dist/ (the npm script builds first).
// Usage: npm run bench:ner [-- --articles N]   (default 5,000 articles)

import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '5000' } } });
const limit = Number(values.articles);
if (!Number.isSafeInteger(limit) || limit <= 0)
  throw new Error(`--articles needs a positive number, not ${values.articles}`);

// Load times first, in a process that has loaded nothing else of Marsad.
let t0 = performance.now();
const { loadNerTagger } = await import('../dist/ner/model.js');
const { defaultNerResources, findMentions } = await import('../dist/ner/tagger.js');
loadNerTagger();
const modelMs = performance.now() - t0;
t0 = performance.now();
const resources = defaultNerResources();
const resourcesMs = performance.now() - t0;

const { readSaudiNewsNet } = await import('../dist/corpus/saudinewsnet.js');
const { loadLexicon } = await import('../dist/text/lexicon.js');
const { createTextAnalyzer } = await import('../dist/text/text-layer.js');
const { makeArticle } = await import('../dist/ingest/article.js');

const texts = [...readSaudiNewsNet({ limit })].map((a) => a.text);
const analyze = createTextAnalyzer(loadLexicon());
const tagger = loadNerTagger();
for (const text of texts.slice(0, 200))
  findMentions({ article: makeArticle({ text }), ...analyze(text) }, tagger, resources);

t0 = performance.now();
const layers = texts.map((text) => analyze(text));
const textSeconds = (performance.now() - t0) / 1000;
const tokens = layers.reduce((n, l) => n + l.tokens.length, 0);

t0 = performance.now();
let mentions = 0;
texts.forEach((text, i) => {
  mentions += findMentions({ article: makeArticle({ text }), ...layers[i]! }, tagger, resources).length;
});
const nerSeconds = (performance.now() - t0) / 1000;

const rate = (seconds: number) => `${Math.round(tokens / seconds).toLocaleString('en')} tokens/s`;
console.log(
  `bench:ner — ${texts.length} SaudiNewsNet articles, ${tokens.toLocaleString('en')} tokens, one core`,
);
console.log(`  text layer alone (baseline)   ${rate(textSeconds)}`);
console.log(
  `  NER tagging (two passes)      ${rate(nerSeconds)}   (${mentions.toLocaleString('en')} mentions)`,
);
console.log(`  text layer + NER              ${rate(textSeconds + nerSeconds)}`);
console.log(
  `  model load ${(modelMs / 1000).toFixed(2)} s; gazetteer, clusters and lexicon ${(resourcesMs / 1000).toFixed(2)} s`,
);
