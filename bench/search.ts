// bench:search — latency and recall of Marsad's search over SaudiNewsNet as ingested into SQLite,
// beside a plain FTS5 baseline (src/search/baseline.ts: the raw title and text under FTS5's default
// tokenizer, no stems, no entities) measured in the same run on the same database, at the corpus's
// size (the 29,879 articles an ingest of the 31,030 stores: blank texts and exact duplicates are not
// stored) and at ten times it (298,790).
//
// Queries: the 50 of bench/data/search-queries.json, each with the rule that says, from the stored
// articles themselves at run time, which articles are relevant:
//   word    the word with any proclitics (و ف, ب ك ل, ال, لل) and pronoun suffixes (ه ها هم هما هن ك
//           كم كما كن نا; not ي, see PRONOUNS; a final ة is written ت before them) in the title or
//           text, on matching keys (no diacritics, one alef, ى→ي, ة→ه). A regular expression of the written
//           forms, independent of the light stemmer the index uses; it leaves out plurals and other
//           inflections, so a stemmer that folds more finds more than is "relevant" (precision falls).
//   entity  (person, demonym, country, organisation, city) the pipeline linked the entity in the
//           article (article_entities). This is the linker's judgement, and Marsad indexes the same
//           links, so for Marsad it measures whether the query reaches the entity (Lavrov, لافروف and
//           سيرجي لافروف alike), not whether the linker was right. A second column checks against
//           the text instead: any Arabic name, alias or demonym the knowledge base gives the entity,
//           with proclitics, in the title or text; it over-counts ambiguous names (الأسد is also
//           "the lion", هادي "calm") and misses what the linker adds through roles and coreference.
//   phrase  the words in a row, the first with proclitics (لوقف إطلاق النار).
//   and     every part's rule holds.
// Each query also lists spellings it should find (`finds`); the report counts, per spelling, the
// articles that contain it as written and how many of them each search returned.
//
// Measures, per query: the full result set of each method (recall and precision against the rule);
// Marsad's is every article its FTS5 MATCH expression selects, which is the set repo.search counts
// in `total` (checked), since search pages hold at most 100 hits; the baseline's is its search with a
// limit of the whole store. Where the facets were estimated, each estimate beside the exact count
// (a facetSample larger than any store), untimed. Latency (after a warm-up pass, `--rounds` passes,
// the three methods taken in turn for each query, so load hits them alike): (a) repo.search as
// `marsad search` calls it: parseQuery, then a page of 20 hits with snippets, the total and the
// facets (counted over every match up to DEFAULT_FACET_SAMPLE of them, estimated from a sample
// above); (a′) the same FTS5 MATCH expression alone, top 20 ids by bm25, no join, total or facets:
// the like of (b); (b) the baseline's top 20 ids by bm25.
//
// The database: <tmpdir>/marsad-bench/saudinewsnet-31030.db as bench:ingest leaves it (run first
// when missing), copied to a temporary file that this bench changes and deletes. The ×10 store is
// made in that copy with INSERT … SELECT, not by analysing again (it would take an hour and give the
// same rows): nine copies of every row search reads (articles, search_fts, search_docs,
// search_facets, article_entities, events, mentions) under ids with a suffix (snn-…-x1 … -x9) and
// search rows numbered after the originals', the baseline table likewise. The copies'
// analysis JSON is left out ('{}'): search never reads it, it sits after every column search reads,
// and copying it would add 14 GB (55 KiB an article); simhash bands, quotes and event participants
// (not read by search) are not copied. Relevant sets grow with the copies, so recall at ×10 should
// equal recall at ×1. The FTS5 tables are left as the inserts leave them (automerge, no 'optimize'),
// as an ingest leaves them.
// It measures the compiled library in dist/ (the npm script builds first).
// Usage: npm run bench:search [-- --db FILE --rounds R --copies C]
//   (default: the bench:ingest database, 5 rounds, 10 copies; about 10 minutes on 2 shared cores,
//   with 10 GB of free space in the temporary folder)

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { positiveInt } from '../dist/cli/number-options.js';
import { loadCuratedKnowledgeBase } from '../dist/kb/knowledge-base.js';
import { createBaselineIndex } from '../dist/search/baseline.js';
import { toFts5Match } from '../dist/search/fts5.js';
import { parseQuery } from '../dist/search/query.js';
import { DEFAULT_FACET_SAMPLE, type ParsedQuery } from '../dist/search/types.js';
import { MAX_FACET_SAMPLE } from '../dist/store/facets.js';
import { openSqliteRepository } from '../dist/store/sqlite.js';
import { loadLexicon } from '../dist/text/lexicon.js';
import { matchKey } from '../dist/text/normalize.js';
import { createTextAnalyzer } from '../dist/text/text-layer.js';

const P95_TARGET_MS = 50;
const PAGE = 20;
const CORPUS_ARTICLES = 31030;

type Rule =
  | { readonly word: string }
  | { readonly entity: string }
  | { readonly phrase: readonly string[] }
  | { readonly all: readonly Rule[] };

interface QuerySpec {
  readonly kind: string;
  readonly q: string;
  readonly rule: Rule;
  readonly finds: readonly string[];
}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    copies: { type: 'string', default: '10' },
  },
});
const rounds = positiveInt('--rounds', values.rounds);
const copies = positiveInt('--copies', values.copies);

const started = performance.now();
const load0 = loadavg()[0]!;
const seconds = (since: number) => (performance.now() - since) / 1000;

// ---------------------------------------------------------------------------------------------
// The database and the queries.

const source = values.db ?? join(tmpdir(), 'marsad-bench', `saudinewsnet-${CORPUS_ARTICLES}.db`);
if (!existsSync(source)) {
  if (values.db !== undefined) throw new Error(`no database at ${source}`);
  console.error(`no ingested corpus at ${source}: running bench:ingest first (about 10 minutes)`);
  const ingest = fileURLToPath(new URL('./ingest.ts', import.meta.url));
  const run = spawnSync(process.execPath, [...process.execArgv, ingest], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(source)) throw new Error('bench:ingest did not leave its database');
}
const specs = (
  JSON.parse(readFileSync(new URL('./data/search-queries.json', import.meta.url), 'utf8')) as {
    queries: QuerySpec[];
  }
).queries;

const workDir = mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
const work = join(workDir, 'search.db');
let t0 = performance.now();
copyFileSync(source, work);
const copySeconds = seconds(t0);

const db = new Database(work);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const articleCount = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
console.log(
  `bench:search — ${specs.length} queries over ${articleCount.toLocaleString('en')} stored SaudiNewsNet articles and ${copies}× that; ${rounds} timed passes after a warm-up`,
);
console.log(
  `  database: ${source} (${(statSync(source).size / 2 ** 30).toFixed(1)} GiB), worked on in a copy`,
);

// The baseline: title and text under FTS5's default tokenizer.
// Every stored article's title and text, read once: the baseline indexes them, the rules read them.
const stored = db
  .prepare<[], { id: string; title: string | null; text: string }>(
    'SELECT id, title, text FROM articles ORDER BY rowid',
  )
  .all()
  .map((row) => ({ id: row.id, text: row.title ? `${row.title}\n${row.text}` : row.text }));

t0 = performance.now();
const baseline = createBaselineIndex(db);
db.transaction(() => {
  for (const { id, text } of stored) baseline.add(id, text);
})();
const baselineSeconds = seconds(t0);

// ---------------------------------------------------------------------------------------------
// Relevance, from the stored articles.

const kb = loadCuratedKnowledgeBase();
const textLayer = createTextAnalyzer(loadLexicon());
for (const spec of specs)
  for (const id of entityIds(spec.rule)) if (!kb.get(id)) throw new Error(`${spec.q}: no entity ${id}`);

t0 = performance.now();
const ids = stored.map((a) => a.id);
const keys = stored.map((a) => matchKey(a.text));
stored.length = 0;
const linkedTo = db.prepare<[string], { article_id: string }>(
  'SELECT article_id FROM article_entities WHERE entity_id = ?',
);

const NOT_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_AFTER = '(?![\\p{L}\\p{N}_])';
// Not ي: "my" is rare in news outside quotes, and a word + ي is most often another word, the
// nisba adjective (اجتماع meeting, اجتماعي social).
const PRONOUNS = '(?:هما|هم|هن|ها|ه|كما|كم|كن|ك|نا)';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A written form (already a key) as a pattern: its words in a row, any space between. */
const words = (key: string) => key.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
/** Proclitics before a key: و/ف, then ب/ك/ل, then ال; ل + ال is written لل. */
function withProclitics(key: string): string {
  if (key.startsWith('ال')) return `(?:[وف]?[بك]?${words(key)}|[وف]?لل${words(key.slice(2))})`;
  return `(?:[وف]?(?:[بكل]?ال|لل|[بكل])?${words(key)})`;
}

function wordPattern(word: string): string {
  const key = matchKey(word);
  // ة (key ه) is written ت before a pronoun: حكومة → حكومته.
  const host = key.endsWith('ه') ? `${key.slice(0, -1)}ت` : key;
  return `${NOT_BEFORE}(?:${withProclitics(key)}|${withProclitics(host)}${PRONOUNS})${NOT_AFTER}`;
}

function phrasePattern(phrase: readonly string[]): string {
  const [first, ...rest] = phrase.map((w) => matchKey(w));
  return `${NOT_BEFORE}${withProclitics(first!)}${rest.map((w) => `\\s+${escapeRegExp(w)}`).join('')}${NOT_AFTER}`;
}

function matching(pattern: string): Set<string> {
  const re = new RegExp(pattern, 'u');
  const out = new Set<string>();
  keys.forEach((key, i) => {
    if (re.test(key)) out.add(ids[i]!);
  });
  return out;
}

function relevant(rule: Rule): Set<string> {
  if ('word' in rule) return matching(wordPattern(rule.word));
  if ('phrase' in rule) return matching(phrasePattern(rule.phrase));
  if ('entity' in rule) return new Set(linkedTo.all(rule.entity).map((r) => r.article_id));
  const [first, ...rest] = rule.all.map(relevant);
  return new Set([...first!].filter((id) => rest.every((set) => set.has(id))));
}

/** Articles naming the entity in Arabic by any of its knowledge-base names, aliases or demonyms. */
function namedInText(id: string): Set<string> {
  const e = kb.get(id)!;
  const names = [e.name.ar, ...e.aliases.ar, ...(e.demonyms ?? [])]
    .map((n) => matchKey(n))
    .filter((n) => n !== '');
  return matching(`${NOT_BEFORE}(?:${[...new Set(names)].map(withProclitics).join('|')})${NOT_AFTER}`);
}

function entityIds(rule: Rule): string[] {
  if ('entity' in rule) return [rule.entity];
  if ('all' in rule) return rule.all.flatMap(entityIds);
  return [];
}

interface Query {
  readonly spec: QuerySpec;
  readonly parsed: ParsedQuery;
  readonly match: string | null;
  readonly relevant: Set<string>;
  readonly named?: Set<string>;
  readonly finds: readonly { readonly written: string; readonly articles: Set<string> }[];
}

const queries: Query[] = specs.map((spec) => {
  const parsed = parseQuery(spec.q, kb, textLayer);
  const rule = spec.rule;
  return {
    spec,
    parsed,
    match: toFts5Match(parsed),
    relevant: relevant(rule),
    ...('entity' in rule && { named: namedInText(rule.entity) }),
    finds: spec.finds.map((written) => ({
      written,
      articles: matching(`${NOT_BEFORE}${words(matchKey(written))}${NOT_AFTER}`),
    })),
  };
});
const relevanceSeconds = seconds(t0);

// ---------------------------------------------------------------------------------------------
// The measurements.

const repo = openSqliteRepository(work);
await repo.migrate();
const marsadAll = db.prepare<[string], { article_id: string }>(
  'SELECT article_id FROM search_fts WHERE search_fts MATCH ?',
);
const marsadTop = db.prepare<[string, number], { article_id: string }>(
  'SELECT article_id FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 0.0, 0.0, 3.0, 1.0, 2.0) LIMIT ?',
);

interface Scale {
  readonly label: string;
  readonly articles: number;
  readonly latency: { readonly marsad: number[]; readonly fts: number[]; readonly baseline: number[] };
  /** Per query: the full result sets, as article ids with any copy suffix taken off, counted. */
  readonly results: { readonly marsad: Map<string, number>; readonly baseline: Map<string, number> }[];
  readonly totalMismatches: string[];
  /** Queries whose facets were estimated from a sample, and each estimate beside the exact count. */
  readonly facets: { readonly sampled: number; readonly estimates: FacetEstimate[] };
}

/** One facet value of one query: its exact count, its estimate, the query's total. */
interface FacetEstimate {
  readonly exact: number;
  readonly estimate: number;
  readonly total: number;
}

const FACETS = ['entityType', 'eventType', 'source', 'country'] as const;

const base = (id: string) => id.replace(/-x\d+$/, '');
function counted(list: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of list) out.set(base(id), (out.get(base(id)) ?? 0) + 1);
  return out;
}

async function measure(label: string): Promise<Scale> {
  const articles = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  const totalMismatches: string[] = [];
  const results = [];
  const facets = { sampled: 0, estimates: [] as FacetEstimate[] };
  for (const q of queries) {
    const marsad = q.match === null ? [] : marsadAll.all(q.match).map((r) => r.article_id);
    const result = await repo.search({ query: q.parsed, limit: PAGE });
    const total = result.total;
    if (total !== marsad.length) totalMismatches.push(`${q.spec.q}: total ${total}, MATCH ${marsad.length}`);
    results.push({ marsad: counted(marsad), baseline: counted(baseline.search(q.spec.q, articles)) });
    if (result.facetsSampled === null) continue;
    // Estimated facets beside the exact ones, which a sample as large as the store gives.
    facets.sampled++;
    const exact = await repo.search({ query: q.parsed, limit: 1, facetSample: MAX_FACET_SAMPLE });
    for (const facet of FACETS)
      for (const [value, n] of Object.entries(exact.facets[facet]))
        facets.estimates.push({ exact: n, estimate: result.facets[facet][value] ?? 0, total });
  }
  const latency = { marsad: [] as number[], fts: [] as number[], baseline: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    for (const q of queries) {
      let t = performance.now();
      await repo.search({ query: parseQuery(q.spec.q, kb, textLayer), limit: PAGE });
      const a = performance.now() - t;
      t = performance.now();
      if (q.match !== null) marsadTop.all(q.match, PAGE);
      const b = performance.now() - t;
      t = performance.now();
      baseline.search(q.spec.q, PAGE);
      const c = performance.now() - t;
      if (round === 0) continue; // the warm-up pass
      latency.marsad.push(a);
      latency.fts.push(b);
      latency.baseline.push(c);
    }
  }
  console.error(`  measured ${label} (${articles.toLocaleString('en')} articles)`);
  return { label, articles, latency, results, totalMismatches, facets };
}

t0 = performance.now();
const one = await measure('×1');
const oneSeconds = seconds(t0);

// The ×10 store: copies of the rows search reads, under suffixed ids.
t0 = performance.now();
const maxRowid = (table: string) =>
  (db.prepare(`SELECT COALESCE(MAX(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
const last = {
  articles: maxRowid('articles'),
  articleEntities: maxRowid('article_entities'),
  mentions: maxRowid('mentions'),
  events: maxRowid('events'),
  docs: maxRowid('search_docs'),
};
db.exec(`CREATE TEMP TABLE original_search AS
  SELECT rowid AS doc, article_id, positions, title, body, entities FROM search_fts;
CREATE TEMP TABLE original_baseline AS SELECT article_id, text FROM baseline_fts;`);
const copyStatements = [
  `INSERT INTO articles (id, content_hash, language, source, url, title, published_at, text, simhash,
     duplicate_of, analysis, added_at)
   SELECT id || @s, content_hash || @s, language, source, url, title, published_at, text, simhash,
     duplicate_of || @s, '{}', added_at FROM articles WHERE rowid <= ${last.articles}`,
  `INSERT INTO article_entities (article_id, entity_id, mentions)
   SELECT article_id || @s, entity_id, mentions FROM article_entities WHERE rowid <= ${last.articleEntities}`,
  `INSERT INTO mentions (article_id, seq, start_pos, end_pos, text, type, entity_id, via)
   SELECT article_id || @s, seq, start_pos, end_pos, text, type, entity_id, via FROM mentions
   WHERE rowid <= ${last.mentions}`,
  `INSERT INTO events (id, article_id, type, mode, context, auxiliary, location_id, event_date, fatalities,
     injured, evidence_start, evidence_end, trigger_start, trigger_end, confidence)
   SELECT id || @s, article_id || @s, type, mode, context, auxiliary, location_id, event_date, fatalities,
     injured, evidence_start, evidence_end, trigger_start, trigger_end, confidence FROM events
   WHERE rowid <= ${last.events}`,
  // A copy's search row (doc) is the original's plus k times the last doc, its facets likewise.
  `INSERT INTO search_fts (rowid, article_id, positions, title, body, entities)
   SELECT doc + CAST(@k AS INTEGER) * ${last.docs}, article_id || @s, positions, title, body, entities FROM original_search`,
  `INSERT INTO search_docs (doc, article_id)
   SELECT doc + CAST(@k AS INTEGER) * ${last.docs}, article_id || @s FROM search_docs WHERE doc <= ${last.docs}`,
  `INSERT INTO search_facets (doc, value_id)
   SELECT doc + CAST(@k AS INTEGER) * ${last.docs}, value_id FROM search_facets WHERE doc <= ${last.docs}`,
  'INSERT INTO baseline_fts (article_id, text) SELECT article_id || @s, text FROM original_baseline',
].map((sql) => db.prepare(sql));
for (let k = 1; k < copies; k++) {
  db.transaction(() => {
    for (const statement of copyStatements) statement.run({ s: `-x${k}`, k });
  })();
  console.error(`  copy ${k + 1} of ${copies} written (${seconds(t0).toFixed(0)} s)`);
}
db.pragma('wal_checkpoint(TRUNCATE)');
const tenfoldBuildSeconds = seconds(t0);
t0 = performance.now();
const ten = await measure(`×${copies}`);
const tenSeconds = seconds(t0);
const workBytes = statSync(work).size;
await repo.close();
db.close();
rmSync(workDir, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// The report.

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Recall and precision of one result set (ids without suffix, counted) at `scale` copies. */
function score(found: Map<string, number>, want: Set<string>, scale: number) {
  let hits = 0;
  let size = 0;
  for (const [id, n] of found) {
    size += n;
    if (want.has(id)) hits += n;
  }
  return {
    recall: want.size === 0 ? Number.NaN : hits / (want.size * scale),
    precision: size === 0 ? Number.NaN : hits / size,
    size,
  };
}

const mean = (xs: readonly number[]) => {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length === 0 ? Number.NaN : ok.reduce((a, b) => a + b, 0) / ok.length;
};
const pct = (x: number) => (Number.isNaN(x) ? '   –' : `${(100 * x).toFixed(0).padStart(3)}%`);
const withRelevant = queries.filter((q) => q.relevant.size > 0);

console.log('');
console.log(
  'Per query at ×1 (recall and precision of the full result set against the rule; R: relevant articles):',
);
console.log(
  `  ${'#'.padStart(2)} ${'kind'.padEnd(12)} ${'query'.padEnd(22)} ${'R'.padStart(6)}  ${'Marsad'.padStart(16)}  ${'baseline'.padStart(16)}  ${'vs names in text'.padStart(18)}`,
);
console.log(
  `  ${''.padStart(2)} ${''.padEnd(12)} ${''.padEnd(22)} ${''.padStart(6)}  ${'found  rec  prec'.padStart(16)}  ${'found  rec  prec'.padStart(16)}  ${'N   Marsad  base'.padStart(18)}`,
);
queries.forEach((q, i) => {
  const r = one.results[i]!;
  const m = score(r.marsad, q.relevant, 1);
  const b = score(r.baseline, q.relevant, 1);
  let named = '';
  if (q.named) {
    const mn = score(r.marsad, q.named, 1);
    const bn = score(r.baseline, q.named, 1);
    named = `${String(q.named.size).padStart(6)} ${pct(mn.recall)}  ${pct(bn.recall)}`;
  }
  console.log(
    `  ${String(i + 1).padStart(2)} ${q.spec.kind.padEnd(12)} ${q.spec.q.padEnd(22)} ${String(q.relevant.size).padStart(6)}  ${String(m.size).padStart(6)} ${pct(m.recall)} ${pct(m.precision)}  ${String(b.size).padStart(6)} ${pct(b.recall)} ${pct(b.precision)}  ${named}`,
  );
});

console.log('');
console.log(
  'Spellings each query should find: articles containing the spelling as written, and the share returned:',
);
const missed: string[] = [];
queries.forEach((q, i) => {
  const r = one.results[i]!;
  for (const f of q.finds) {
    if (f.articles.size === 0) continue;
    const m = score(r.marsad, f.articles, 1).recall;
    const b = score(r.baseline, f.articles, 1).recall;
    const line = `  ${q.spec.q.padEnd(22)} ${f.written.padEnd(34)} ${String(f.articles.size).padStart(6)}  Marsad ${pct(m)}  baseline ${pct(b)}`;
    if (m < 0.95) missed.push(line);
  }
});
const spellings = queries.reduce((n, q) => n + q.finds.filter((f) => f.articles.size > 0).length, 0);
console.log(
  `  ${spellings - missed.length} of ${spellings} spellings found in ≥ 95 % of their articles by Marsad; the others:`,
);
for (const line of missed) console.log(line);

console.log('');
console.log('Mean recall by kind (queries with relevant articles; full result sets, ×1):');
const kinds = [...new Set(queries.map((q) => q.spec.kind))];
for (const kind of kinds) {
  const qs = queries
    .map((q, i) => ({ q, r: one.results[i]! }))
    .filter(({ q }) => q.spec.kind === kind && q.relevant.size > 0);
  const m = mean(qs.map(({ q, r }) => score(r.marsad, q.relevant, 1).recall));
  const b = mean(qs.map(({ q, r }) => score(r.baseline, q.relevant, 1).recall));
  console.log(
    `  ${kind.padEnd(13)} ${String(qs.length).padStart(2)} queries   Marsad ${pct(m)}   baseline ${pct(b)}`,
  );
}

interface Summary {
  readonly p50: number;
  readonly p95: number;
  readonly recall: number;
  readonly precision: number;
}
function summary(scale: Scale, factor: number, method: 'marsad' | 'fts' | 'baseline'): Summary {
  const lat = scale.latency[method];
  const set = method === 'baseline' ? 'baseline' : 'marsad';
  const scored = queries.map((q, i) => score(scale.results[i]![set], q.relevant, factor));
  return {
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    recall: mean(scored.filter((_, i) => queries[i]!.relevant.size > 0).map((s) => s.recall)),
    precision: mean(scored.map((s) => s.precision)),
  };
}

console.log('');
console.log(
  `Summary (${withRelevant.length} of ${queries.length} queries have relevant articles; latency over ${rounds} passes × ${queries.length} queries):`,
);
console.log(
  `  ${'store'.padEnd(18)} ${'method'.padEnd(52)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}  ${'recall'.padStart(6)}  ${'prec.'.padStart(6)}`,
);
const rows: [Scale, number][] = [
  [one, 1],
  [ten, copies],
];
const figures: Record<string, Summary> = {};
for (const [scale, factor] of rows) {
  const store = `${scale.label} ${scale.articles.toLocaleString('en')}`;
  for (const [method, name] of [
    ['marsad', '(a) Marsad repo.search: parse + page of 20 + facets'],
    ['fts', "(a') Marsad's MATCH alone, top 20 ids"],
    ['baseline', '(b) plain FTS5 baseline, top 20 ids'],
  ] as const) {
    const s = summary(scale, factor, method);
    figures[`${scale.label}:${method}`] = s;
    console.log(
      `  ${store.padEnd(18)} ${name.padEnd(52)} ${s.p50.toFixed(2).padStart(7)} ${s.p95.toFixed(2).padStart(7)}  ${pct(s.recall).padStart(6)}  ${pct(s.precision).padStart(6)}`,
    );
  }
}
for (const scale of [one, ten])
  for (const m of scale.totalMismatches)
    console.log(`  ! ${scale.label} repo.search total differs from the MATCH set: ${m}`);

console.log('');
console.log(
  `Facets estimated from a sample (queries with more than ${DEFAULT_FACET_SAMPLE.toLocaleString('en')} matches): relative error of each estimate against the exact count, by the value's share of the matches:`,
);
for (const scale of [one, ten]) {
  const line = [10, 1]
    .map((share) => {
      const errors = scale.facets.estimates
        .filter((e) => e.exact >= (share / 100) * e.total)
        .map((e) => Math.abs(e.estimate - e.exact) / e.exact);
      if (errors.length === 0) return `≥ ${share} %: none`;
      const fmt = (x: number) => `${(100 * x).toFixed(1)} %`;
      return `≥ ${share} %: ${errors.length} values, median ${fmt(percentile(errors, 50))}, p95 ${fmt(percentile(errors, 95))}, max ${fmt(Math.max(...errors))}`;
    })
    .join('; ');
  console.log(`  ${scale.label}: ${scale.facets.sampled} of ${queries.length} queries; ${line}`);
}

console.log('');
console.log(`Slowest queries for (a) at ×${copies} (median of the passes), with how many articles match:`);
const medians = queries.map((q, i) => ({
  q,
  ms: percentile(
    ten.latency.marsad.filter((_, k) => k % queries.length === i),
    50,
  ),
  total: [...ten.results[i]!.marsad.values()].reduce((a, b) => a + b, 0),
}));
for (const { q, ms, total } of medians.sort((a, b) => b.ms - a.ms).slice(0, 8))
  console.log(
    `  ${q.spec.q.padEnd(22)} ${ms.toFixed(1).padStart(8)} ms  ${total.toLocaleString('en').padStart(8)} matches`,
  );

const big = figures[`×${copies}:marsad`]!;
const bigBase = figures[`×${copies}:baseline`]!;
console.log('');
console.log(
  `  target p95 ≤ ${P95_TARGET_MS} ms at ×${copies}: ${big.p95.toFixed(1)} ms, ${big.p95 <= P95_TARGET_MS ? 'met' : `over by ${(big.p95 - P95_TARGET_MS).toFixed(1)} ms (${(big.p95 / P95_TARGET_MS).toFixed(1)}×)`}`,
);
console.log(
  `  target recall clearly above the baseline: Marsad ${pct(big.recall)} vs baseline ${pct(bigBase.recall)} (${(big.recall - bigBase.recall) * 100 > 0 ? '+' : ''}${((big.recall - bigBase.recall) * 100).toFixed(0)} points)`,
);
console.log(
  `  run: ${(seconds(started) / 60).toFixed(1)} min in all (copy ${copySeconds.toFixed(0)} s, baseline index ${baselineSeconds.toFixed(0)} s, relevance ${relevanceSeconds.toFixed(0)} s, ×1 ${oneSeconds.toFixed(0)} s, ×${copies} store built in ${tenfoldBuildSeconds.toFixed(0)} s (${(workBytes / 2 ** 30).toFixed(1)} GiB), ×${copies} ${tenSeconds.toFixed(0)} s); 1-minute load average ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
);

const f = (s: Summary) =>
  `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, recall ${pct(s.recall).trim()}`;
console.log('');
console.log('README figures:');
console.log(
  `| search, ${queries.length} queries, ${one.articles.toLocaleString('en')} articles | Marsad ${f(figures['×1:marsad']!)}; plain FTS5 ${f(figures['×1:baseline']!)} |`,
);
console.log(
  `| search, ${queries.length} queries, ${ten.articles.toLocaleString('en')} articles (×${copies}) | Marsad ${f(big)} (target p95 ≤ ${P95_TARGET_MS} ms); Marsad's MATCH alone ${f(figures[`×${copies}:fts`]!)}; plain FTS5 ${f(bigBase)} |`,
);
