// bench:text — MB/s of the text layer (normalise, tokens, clitic segmentation, sentences) over
// SaudiNewsNet, beside two references on the same text in the same run: Intl.Segmenter word
// segmentation (what the platform gives for free) and a bare whitespace split (the near-limit); and
// the same with the numbers reading (digits, number words, ordinals, percent) on top.
// Each method makes several passes over the same articles after a warm-up on other articles, and
// the fastest pass counts (a shared machine only ever slows a pass down). Every Marsad pass starts
// with a new analyzer and empty caches, as a new process does.
// It measures the compiled library in dist/, as `marsad` runs it (the npm script builds first).
// The default is the whole corpus, as an ingest sees it: the analyzer's caches warm up within the
// pass, and new words keep arriving to the end (about 3 minutes, most of it Intl.Segmenter's).
// Usage: npm run bench:text [-- --articles N --rounds R]   (default: all 31,030 articles, 2 rounds)

import { parseArgs } from 'node:util';
import { positiveInt } from '../dist/cli/number-options.js';
import { readSaudiNewsNet } from '../dist/corpus/saudinewsnet.js';
import { loadLexicon } from '../dist/text/lexicon.js';
import { findNumbers } from '../dist/text/numbers.js';
import { createTextAnalyzer } from '../dist/text/text-layer.js';

const WARM_UP_ARTICLES = 300;
const { values } = parseArgs({
  options: { articles: { type: 'string', default: '31030' }, rounds: { type: 'string', default: '2' } },
});
const limit = positiveInt('--articles', values.articles);
const rounds = positiveInt('--rounds', values.rounds);

const corpus = [...readSaudiNewsNet()].map((a) => a.text);
const texts = corpus.slice(0, Math.min(limit, corpus.length - WARM_UP_ARTICLES));
const warmUp = corpus.slice(-WARM_UP_ARTICLES);
const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;

/** Makes a fresh function that processes one text and returns how many units it produced. */
type Method = () => (text: string) => number;

const methods: Record<string, Method> = {
  'whitespace split': () => (t) => t.split(/\s+/).length,
  'Intl.Segmenter (words)': () => {
    const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
    return (t) => {
      const spans: { start: number; end: number }[] = [];
      for (const s of segmenter.segment(t))
        if (s.isWordLike) spans.push({ start: s.index, end: s.index + s.segment.length });
      return spans.length;
    };
  },
  'Marsad text layer': () => {
    const analyze = createTextAnalyzer(loadLexicon());
    return (t) => analyze(t).tokens.length;
  },
  '  + numbers': () => {
    const analyze = createTextAnalyzer(loadLexicon());
    return (t) => {
      const { tokens } = analyze(t);
      return tokens.length + findNumbers(t, tokens).length;
    };
  },
};

function measure(method: Method): { mbps: number; units: number } {
  const warm = method();
  for (const t of warmUp) warm(t);
  let best = Number.POSITIVE_INFINITY;
  let units = 0;
  for (let round = 0; round < rounds; round++) {
    const run = method();
    units = 0;
    const t0 = process.hrtime.bigint();
    for (const t of texts) units += run(t);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { mbps: megabytes / best, units };
}

loadLexicon(); // loaded once outside the timings, as `marsad` loads it once per process
console.log(
  `bench:text — ${texts.length} SaudiNewsNet articles, ${megabytes.toFixed(1)} MB UTF-8, fastest of ${rounds} passes`,
);
const results = Object.entries(methods).map(([name, method]) => ({ name, ...measure(method) }));
const reference = results.find((r) => r.name.startsWith('Intl'))!.mbps;
for (const { name, mbps, units } of results) {
  const ratio = (mbps / reference).toFixed(1);
  console.log(
    `  ${name.padEnd(24)} ${mbps.toFixed(2).padStart(8)} MB/s  ${ratio.padStart(6)}× Intl.Segmenter  (${units} units)`,
  );
}
