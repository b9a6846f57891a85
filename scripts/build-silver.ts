// Builds models/silver/silver.tsv.gz: clitic-free forms that a local tagger, trained on ANERcorp's
// train lines without silver or document features, tags as names in SaudiNewsNet at least MIN_TAGGED
// times and in at least MIN_SHARE of the places the form occurs. Flags as in src/ner/silver.ts.
// The tagger never sees dev or test; its epochs are chosen on dev as in train:ner.
// Run: npm run build:silver   (after build:lexicon, build:gazetteer and build:clusters)

import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { readAnercorpSplits } from '../src/corpus/anercorp.ts';
import { readSaudiNewsNet } from '../src/corpus/saudinewsnet.ts';
import { toIob2 } from '../src/eval/conll.ts';
import { makeArticle } from '../src/ingest/article.ts';
import { cliticParts, loadClusters } from '../src/ner/clusters.ts';
import { FEATURE_GROUPS, type FeatureGroup } from '../src/ner/features.ts';
import { loadGazetteer } from '../src/ner/gazetteer.ts';
import { loadNameLikeness } from '../src/ner/namelike.ts';
import { SILVER_FILE, SILVER_FLAGS } from '../src/ner/silver.ts';
import { findMentions, nerTokensOfStrings } from '../src/ner/tagger.ts';
import { fitTagger } from '../src/ner/training.ts';
import { loadLexicon } from '../src/text/lexicon.ts';
import { createTextAnalyzer } from '../src/text/text-layer.ts';

const OUT_DIR = fileURLToPath(new URL('../models/silver/', import.meta.url));
const MIN_TAGGED = 5;
const MIN_SHARE = 0.5;
const MAX_EPOCHS = 15;
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

const groups = new Set<FeatureGroup>(FEATURE_GROUPS.filter((g) => g !== 'silver' && g !== 'document'));
const resources = {
  lexicon: loadLexicon(),
  gazetteer: loadGazetteer(),
  clusters: loadClusters(),
  namelike: loadNameLikeness(),
};
const toNer = nerTokensOfStrings(resources);
const { train, dev } = readAnercorpSplits();
const tagger = fitTagger(
  train.map((s) => toNer(s.tokens)),
  train.map((s) => toIob2(s.tags)),
  {
    groups,
    epochs: MAX_EPOCHS,
    dev: { sentences: dev.map((s) => toNer(s.tokens)), tags: dev.map((s) => toIob2(s.tags)), label: 'local' },
  },
).model;
log(`local tagger trained (${((performance.now() - started) / 1000).toFixed(0)} s); tagging SaudiNewsNet`);

const analyze = createTextAnalyzer(resources.lexicon);
const tagged = new Map<string, Map<keyof typeof SILVER_FLAGS, number>>();
const seen = new Map<string, number>();
let articles = 0;
for (const { text } of readSaudiNewsNet()) {
  const layers = analyze(text);
  const formOf = (i: number) => {
    const token = layers.tokens[i]!;
    return cliticParts(text.slice(token.start, token.end), layers.words[i] ?? null).form;
  };
  layers.tokens.forEach((token, i) => {
    if (token.kind === 'word') seen.set(formOf(i), (seen.get(formOf(i)) ?? 0) + 1);
  });
  const mentions = findMentions(
    { article: makeArticle({ text }), ...layers },
    { local: tagger, global: tagger },
    resources,
  );
  let t = 0;
  for (const mention of mentions) {
    while (layers.tokens[t]!.end <= mention.start) t++;
    for (let i = t; i < layers.tokens.length && layers.tokens[i]!.end <= mention.end; i++) {
      if (layers.tokens[i]!.kind !== 'word') continue;
      const byType = tagged.get(formOf(i)) ?? new Map();
      byType.set(mention.type, (byType.get(mention.type) ?? 0) + 1);
      tagged.set(formOf(i), byType);
    }
  }
  if (++articles % 5000 === 0) log(`  ${articles} articles`);
}

const lines: string[] = [];
for (const [form, byType] of tagged) {
  let flags = 0;
  for (const [type, n] of byType)
    if (n >= MIN_TAGGED && n >= MIN_SHARE * (seen.get(form) ?? n)) flags |= SILVER_FLAGS[type];
  if (flags) lines.push(`${form}\t${flags}\n`);
}
lines.sort();
const manifest = writeModelFiles(OUT_DIR, 'npm run build:silver', [
  {
    name: SILVER_FILE,
    text: lines.join(''),
    entries: lines.length,
    about: {
      format: 'clitic-free form<TAB>type flags (PER 1, LOC 2, ORG 4, MISC 8), sorted',
      method: `a local tagger (ANERcorp train lines; no silver or document features) over SaudiNewsNet; a form is a silver name of a type when tagged so at least ${MIN_TAGGED} times and in at least ${MIN_SHARE * 100} % of its occurrences`,
      sources: ['anercorp/ANERCorp (lines 1–125,277)', 'saudinewsnet/dataset'],
      licence: 'flags derived from SaudiNewsNet (CC BY-NC-SA 4.0, research use) and ANERcorp; no text',
    },
  },
]);
log(
  `${SILVER_FILE}: ${lines.length} forms, ${manifest.files[SILVER_FILE]?.bytes} bytes (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
