// bench:save — CPU of the thread that writes an ingest's articles to SQLite, per article: SaudiNewsNet
// articles analysed once in process (as an ingest worker prepares them: the analysis, its JSON, the
// search document, the duplicate fingerprint), then saved in batches into a fresh store opened as
// `marsad ingest` opens it (SqliteOptions.bulkWrite) and, as the baseline in the same run, into one
// opened as the other commands open theirs. Rounds alternate the two, and the best round of each
// counts (a shared machine only ever slows a round down). CPU is process.cpuUsage(): the saving is
// SQLite's own work on this one thread, so other work on the machine barely moves it; system time,
// the writes SQLite makes, is printed apart.
// It measures the compiled library in dist/ (the npm script builds first). About a minute.
// Usage: npm run bench:save [-- --articles N --batch N --rounds R]   (default 4,000 articles, 128, 3)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { positiveInt } from '../dist/cli/number-options.js';
import { readSaudiNewsNet } from '../dist/corpus/saudinewsnet.js';
import { fingerprint } from '../dist/ingest/dedupe/index.js';
import { createAnalyzer } from '../dist/pipeline/analyze.js';
import type { SaveArticleInput } from '../dist/store/repository.js';
import { prepareArticle } from '../dist/store/rows.js';
import { openSqliteRepository } from '../dist/store/sqlite.js';
import { loadLexicon } from '../dist/text/lexicon.js';
import { createTextAnalyzer } from '../dist/text/text-layer.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    batch: { type: 'string', default: '128' },
    rounds: { type: 'string', default: '3' },
  },
});
const limit = positiveInt('--articles', values.articles);
const batch = positiveInt('--batch', values.batch);
const rounds = positiveInt('--rounds', values.rounds);

const analyze = createAnalyzer();
const titles = createTextAnalyzer(loadLexicon());
const inputs: SaveArticleInput[] = [];
const started = performance.now();
for (const a of readSaudiNewsNet({ limit })) {
  if (a.text.trim() === '') continue;
  const doc = analyze({ id: a.id, title: a.title, text: a.text, publishedAt: a.date });
  const { contentHash, simhash } = fingerprint(a.text);
  const prepared = prepareArticle(doc, titles);
  inputs.push({ doc, prepared, source: a.source, url: a.url, language: 'ar', contentHash, simhash });
}
const analysedSeconds = (performance.now() - started) / 1000;

interface Round {
  readonly cpuMs: number;
  readonly systemMs: number;
  readonly wallMs: number;
}

/** Saves every input into a fresh store, in batches; the store's CPU from the first save to its close. */
async function saveAll(bulkWrite: boolean): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-save-'));
  try {
    const store = openSqliteRepository(join(dir, 'save.db'), { bulkWrite });
    await store.migrate();
    const wall = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < inputs.length; i += batch) await store.saveArticles(inputs.slice(i, i + batch));
    // Closing checkpoints what the write-ahead log still holds: part of the writing.
    await store.close();
    const used = process.cpuUsage(cpu);
    return {
      cpuMs: (used.user + used.system) / 1000,
      systemMs: used.system / 1000,
      wallMs: performance.now() - wall,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BASELINE = 'opened as other commands (baseline)';
const modes = { 'opened for bulk writing (marsad ingest)': true, [BASELINE]: false };
const best = new Map<string, Round>();
for (let round = 0; round < rounds; round++)
  for (const [name, bulkWrite] of round % 2 === 0 ? Object.entries(modes) : Object.entries(modes).reverse()) {
    const r = await saveAll(bulkWrite);
    if (!best.has(name) || r.cpuMs < best.get(name)!.cpuMs) best.set(name, r);
  }

const perArticle = (ms: number) => `${(ms / inputs.length).toFixed(3)} ms`;
const baseline = best.get(BASELINE)!;
console.log(
  `bench:save — ${inputs.length} analysed SaudiNewsNet articles (analysed in ${analysedSeconds.toFixed(0)} s), saved to SQLite in batches of ${batch}; best of ${rounds} rounds`,
);
console.log(
  '  store                                      CPU an article   of it system   wall an article   vs baseline',
);
for (const [name, r] of best)
  console.log(
    `  ${name.padEnd(42)} ${perArticle(r.cpuMs).padStart(14)} ${perArticle(r.systemMs).padStart(14)} ${perArticle(r.wallMs).padStart(17)}   ${(baseline.cpuMs / r.cpuMs).toFixed(2)}×`,
  );
