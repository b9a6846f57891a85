// bench:text — MB/s of the text layer (normalise, sentences, tokens, clitics, stems, numbers) over
// SaudiNewsNet, beside two references on the same text in the same run: Intl.Segmenter word
// segmentation (what a platform gives for free) and a bare whitespace split (the near-limit).
// Usage: npm run bench:text [-- --articles N --rounds R]

import { parseArgs } from 'node:util';
import { readSaudiNewsNet } from '../src/corpus/saudinewsnet.ts';
import { loadLexicon } from '../src/text/lexicon.ts';
import { createTextAnalyzer } from '../src/text/text-layer.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } },
});
const articles = Number(values.articles);
const rounds = Number(values.rounds);

const texts = [...readSaudiNewsNet({ limit: articles })].map((a) => a.text);
const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;

type Run = () => number;

const methods: Record<string, () => Run> = {
  'whitespace split': () => () => texts.reduce((n, t) => n + t.split(/\s+/).length, 0),
  'Intl.Segmenter (words)': () => {
    const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
    return () => {
      let n = 0;
      for (const t of texts) {
        const spans: { start: number; end: number }[] = [];
        for (const s of segmenter.segment(t))
          if (s.isWordLike) spans.push({ start: s.index, end: s.index + s.segment.length });
        n += spans.length;
      }
      return n;
    };
  },
  // A fresh analyzer each round: its word-shape cache starts cold, as in a new process.
  'Marsad text layer': () => () => {
    const analyze = createTextAnalyzer(loadLexicon());
    return texts.reduce((n, t) => n + analyze(t).tokens.length, 0);
  },
};

function measure(makeRun: () => Run): { mbps: number; units: number } {
  const times: number[] = [];
  let units = 0;
  for (let r = 0; r < rounds; r++) {
    const run = makeRun();
    const t0 = process.hrtime.bigint();
    units = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return { mbps: megabytes / times[Math.floor(times.length / 2)]!, units };
}

loadLexicon(); // load once outside the timings; `marsad` pays it once per process
console.log(
  `bench:text — ${texts.length} SaudiNewsNet articles, ${megabytes.toFixed(1)} MB UTF-8, median of ${rounds} rounds`,
);
const results = Object.fromEntries(Object.entries(methods).map(([name, make]) => [name, measure(make)]));
const segmenter = results['Intl.Segmenter (words)']!.mbps;
for (const [name, { mbps, units }] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(24)} ${mbps.toFixed(2).padStart(8)} MB/s   ${(mbps / segmenter).toFixed(1).padStart(6)}× Intl.Segmenter   (${units} units)`,
  );
}
