// How far apart in SimHash bits (a) an article and a lightly edited copy of it and (b) two
// different articles are, over SaudiNewsNet; and the precision and recall a threshold gives.
// Run: npx tsx src/ingest/dedupe/measure.ts [ARTICLES=3000] [SEED=1]
//
// Edits (each on every article of at least two sentences): a sentence dropped ("drop"), a date
// line at the top replaced by another date ("date"), an advertisement paragraph appended ("ad"),
// and the three at once ("all"). Negatives are all pairs of different articles among the sample
// (texts with the same content hash count as one), so precision is measured at the base rate a
// store sees when each new article is compared with everything it holds.
//
// RESULTS (`npx tsx src/ingest/dedupe/measure.ts 3000 1`: the first 3,000 articles, 2,826 with
// distinct non-empty text, 2,761 of them with two sentences or more; 3,991,725 different pairs):
//
// | ≤ bits | recall: drop | date | ad | all | all edits | all edits, 4×16 bands | corpus same-story pairs | false pairs | precision |
// |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
// | 0 | 1.4 | 6.0 | 1.8 | 0.2 | 2.4 | 2.4 | 3 | 0 | 100.0 |
// | 1 | 5.0 | 18.7 | 7.6 | 1.1 | 8.1 | 8.1 | 7 | 0 | 100.0 |
// | 2 | 9.9 | 34.9 | 18.8 | 3.3 | 16.8 | 16.8 | 12 | 0 | 100.0 |
// | 3 | 16.3 | 51.6 | 31.5 | 7.8 | 26.8 | 26.8 | 20 | 0 | 100.0 |
// | 4 | 25.0 | 65.1 | 45.4 | 13.0 | 37.1 | 36.0 | 32 | 0 | 100.0 |
// | 5 | 34.6 | 77.5 | 59.0 | 19.2 | 47.6 | 43.8 | 43 | 0 | 100.0 |
// | 6 | 43.0 | 85.7 | 70.4 | 25.0 | 56.0 | 48.8 | 53 | 0 | 100.0 |
// | 7 | 50.3 | 91.6 | 80.0 | 31.9 | 63.5 | 51.9 | 69 | 0 | 100.0 |
// | 8 | 58.3 | 95.0 | 86.2 | 39.3 | 69.7 | 54.0 | 84 | 0 | 100.0 |
// | 9 | 65.5 | 97.0 | 91.2 | 47.1 | 75.2 | 55.3 | 104 | 0 | 100.0 |
// | 10 | 72.1 | 98.2 | 94.2 | 54.1 | 79.6 | 56.1 | 124 | 0 | 100.0 |
// | 11 | 77.3 | 98.8 | 95.9 | 60.1 | 83.0 | 56.5 | 139 | 2 | 100.0 |
// | 12 | 81.9 | 99.3 | 97.6 | 66.1 | 86.2 | 56.7 | 162 | 5 | 99.9 |
//
// Distances: edited copies, median 7 (drop), 3 (date), 5 (ad), 10 (all); different articles p1 23,
// median 32. Every pair of "different" articles within 10 bits shares ≥ 50 % of its shingles: the
// same story carried twice (SPA wire copy), so those count as true. Over the whole corpus
// (29,879 distinct texts, 446 M pairs, 1 min) the pairs of different stories within t bits are
// 0 (t ≤ 5), 3 (6; they share 46–49 %: rewrites), 4 (7), 17 (8), 88 (10), 447 (12): from 7 bits a
// newspaper's daily market reports (one template, other figures) match. For articles of 300 words
// or more, recall at 6 bits is 80.8 % (drop 73.7, date 98.3, ad 94.4, all 56.7).
// Hence NEAR_DUPLICATE_BITS = 6 (index.ts). Jaccard and SimHash are tied: a sentence dropped from a
// 200-word article moves ~7 bits, so no 64-bit threshold reaches high recall on such edits.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../core/random.ts';
import { readSaudiNewsNet } from '../../corpus/saudinewsnet.ts';
import {
  contentHash,
  dedupeWords,
  hammingDistanceParts,
  popcount32,
  type SimHashParts,
  simhashWords,
} from './simhash.ts';

export type EditKind = 'drop' | 'date' | 'ad' | 'all';
export const EDIT_KINDS: readonly EditKind[] = ['drop', 'date', 'ad', 'all'];

export interface MeasureOptions {
  /** Articles to sample (the first ones in corpus order); 3,000 by default. */
  readonly limit?: number;
  readonly seed?: number;
  /** Largest threshold in the table; 12 by default. */
  readonly maxThreshold?: number;
  /** Articles with fewer words are left out (near-duplicate detection does not apply to them). */
  readonly minWords?: number;
  /** The articles to use instead of SaudiNewsNet (tests). */
  readonly articles?: Iterable<{ readonly id: string; readonly text: string }>;
}

export interface ThresholdRow {
  readonly threshold: number;
  /** Share of edited copies within the threshold, per edit. */
  readonly recall: Readonly<Record<EditKind, number>>;
  /** Over all edits together. */
  readonly recallAll: number;
  /** Over all edits, counting only pairs that also share one of the 4 LSH bands (found by lookup). */
  readonly recallBanded: number;
  /** Pairs of different articles within the threshold that share ≥ 50 % of their shingles. */
  readonly corpusDuplicates: number;
  /** Pairs of different articles within the threshold that do not: the false positives. */
  readonly falsePairs: number;
  /** (edited + corpus duplicates) / all pairs within the threshold. */
  readonly precision: number;
}

export interface MeasureReport {
  readonly articles: number;
  readonly differentPairs: number;
  /** Edited pairs per edit kind. */
  readonly editedPairs: Readonly<Record<EditKind, number>>;
  /** histogram[d]: pairs at distance d (0 … 64). */
  readonly editedHistogram: Readonly<Record<EditKind, readonly number[]>>;
  readonly differentHistogram: readonly number[];
  /** Edited pairs (all kinds) at distance d that share an LSH band. */
  readonly bandedHistogram: readonly number[];
  /** Different pairs at distance d ≤ maxThreshold sharing ≥ 50 % of their word 3-shingles. */
  readonly duplicateHistogram: readonly number[];
  readonly rows: readonly ThresholdRow[];
  /** The closest pairs of different articles, to read: are they really different? */
  readonly closestDifferent: readonly { a: string; b: string; distance: number; jaccard: number }[];
}

/** Shingle overlap at or above which two corpus articles count as the same story. */
export const SAME_STORY_JACCARD = 0.5;

const SENTENCE_END = /(?<=[.!؟?])\s+|\n+/;
const MONTHS = ['يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر'];
const DAYS = ['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'];
const CITIES = ['الرياض', 'جدة', 'الدمام', 'مكة المكرمة', 'المدينة المنورة', 'أبها'];
const ADS = [
  'لمتابعة آخر الأخبار العاجلة حمّل تطبيقنا المجاني على هاتفك الذكي، وتابعنا على تويتر وفيسبوك وإنستغرام.',
  'للاشتراك في خدمة الرسائل الإخبارية أرسل كلمة خبر إلى الرقم 88888، قيمة الرسالة ريال واحد، والخدمة متاحة لجميع المشتركين.',
  'إعلان: عروض الصيف الكبرى في جميع فروعنا، خصومات تصل إلى خمسين في المئة على الأجهزة الإلكترونية حتى نهاية الشهر.',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function dateLine(random: () => number): string {
  return `${pick(CITIES, random)} - ${pick(DAYS, random)} ${1 + Math.floor(random() * 28)} ${pick(MONTHS, random)} 2015`;
}

/** The original and the edited copy for one edit kind, or undefined when the article is too short. */
export function editPair(
  text: string,
  kind: EditKind,
  random: () => number,
): { original: string; copy: string } | undefined {
  const sentences = text
    .trim()
    .split(SENTENCE_END)
    .filter((s) => s.trim() !== '');
  if (sentences.length < 2) return undefined;
  const drop = (parts: string[]) => {
    const i = Math.floor(random() * parts.length);
    return parts.filter((_, k) => k !== i);
  };
  switch (kind) {
    case 'drop':
      return { original: text, copy: drop(sentences).join(' ') };
    case 'date': {
      const first = dateLine(random);
      let second = dateLine(random);
      while (second === first) second = dateLine(random);
      return { original: `${first}\n${text}`, copy: `${second}\n${text}` };
    }
    case 'ad':
      return { original: text, copy: `${text}\n${pick(ADS, random)}` };
    case 'all': {
      const first = dateLine(random);
      return {
        original: `${first}\n${text}`,
        copy: `${dateLine(random)}\n${drop(sentences).join(' ')}\n${pick(ADS, random)}`,
      };
    }
  }
}

export function measureSimhash(opts: MeasureOptions = {}): MeasureReport {
  const limit = opts.limit ?? 3000;
  const maxThreshold = opts.maxThreshold ?? 12;
  const minWords = opts.minWords ?? 1;
  const random = seededRandom(opts.seed ?? 1);
  const source = opts.articles ?? readSaudiNewsNet({ limit });

  const ids: string[] = [];
  const texts: string[][] = [];
  const hashes: SimHashParts[] = [];
  const bandedHistogram = new Array<number>(65).fill(0);
  const seenContent = new Set<string>();
  const editedHistogram = Object.fromEntries(
    EDIT_KINDS.map((k) => [k, new Array<number>(65).fill(0)]),
  ) as Record<EditKind, number[]>;
  const editedPairs = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
  for (const article of source) {
    if (ids.length >= limit) break;
    const words = dedupeWords(article.text);
    if (words.length < minWords) continue;
    const hash = contentHash(article.text);
    if (seenContent.has(hash)) continue;
    seenContent.add(hash);
    ids.push(article.id);
    texts.push(words);
    hashes.push(simhashWords(words));
    for (const kind of EDIT_KINDS) {
      const pair = editPair(article.text, kind, random);
      if (!pair) continue;
      const a = simhashWords(dedupeWords(pair.original));
      const b = simhashWords(dedupeWords(pair.copy));
      const d = hammingDistanceParts(a, b);
      editedHistogram[kind][d]!++;
      editedPairs[kind]++;
      if (shareBand(a, b)) bandedHistogram[d]!++;
    }
  }

  const differentHistogram = new Array<number>(65).fill(0);
  const duplicateHistogram = new Array<number>(65).fill(0);
  const closest: { a: string; b: string; distance: number; jaccard: number }[] = [];
  const n = hashes.length;
  const his = Uint32Array.from(hashes, (h) => h.hi);
  const los = Uint32Array.from(hashes, (h) => h.lo);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = popcount32((his[i]! ^ his[j]!) >>> 0) + popcount32((los[i]! ^ los[j]!) >>> 0);
      differentHistogram[d]!++;
      if (d > maxThreshold) continue;
      const jaccard = shingleJaccard(texts[i]!, texts[j]!);
      if (jaccard >= SAME_STORY_JACCARD) duplicateHistogram[d]!++;
      else closest.push({ a: ids[i]!, b: ids[j]!, distance: d, jaccard });
    }
  }
  closest.sort((x, y) => x.distance - y.distance);

  const rows: ThresholdRow[] = [];
  const totalEdited = EDIT_KINDS.reduce((sum, k) => sum + editedPairs[k], 0);
  for (let t = 0; t <= maxThreshold; t++) {
    const within = (h: readonly number[]) => h.slice(0, t + 1).reduce((a, b) => a + b, 0);
    const recall = Object.fromEntries(
      EDIT_KINDS.map((k) => [k, editedPairs[k] ? within(editedHistogram[k]) / editedPairs[k] : 0]),
    ) as Record<EditKind, number>;
    const edited = EDIT_KINDS.reduce((sum, k) => sum + within(editedHistogram[k]), 0);
    const corpusDuplicates = within(duplicateHistogram);
    const falsePairs = within(differentHistogram) - corpusDuplicates;
    const truePairs = edited + corpusDuplicates;
    rows.push({
      threshold: t,
      recall,
      recallAll: totalEdited ? edited / totalEdited : 0,
      recallBanded: totalEdited ? within(bandedHistogram) / totalEdited : 0,
      corpusDuplicates,
      falsePairs,
      precision: truePairs + falsePairs ? truePairs / (truePairs + falsePairs) : 1,
    });
  }
  return {
    articles: n,
    differentPairs: (n * (n - 1)) / 2,
    editedPairs,
    editedHistogram,
    differentHistogram,
    bandedHistogram,
    duplicateHistogram,
    rows,
    closestDifferent: closest.slice(0, 20),
  };
}

function shareBand(a: SimHashParts, b: SimHashParts): boolean {
  const lo = (a.lo ^ b.lo) >>> 0;
  const hi = (a.hi ^ b.hi) >>> 0;
  return (lo & 0xffff) === 0 || lo >>> 16 === 0 || (hi & 0xffff) === 0 || hi >>> 16 === 0;
}

/** Jaccard overlap of the word 3-shingle sets of two word lists. */
export function shingleJaccard(a: readonly string[], b: readonly string[]): number {
  const set = (words: readonly string[]) => {
    const out = new Set<string>();
    if (words.length < 3) out.add(words.join(' '));
    for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    return out;
  };
  const x = set(a);
  const y = set(b);
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** The report as Markdown: the threshold table, then the distance distributions. */
export function formatReport(report: MeasureReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}`;
  const lines = [
    `${report.articles} articles; edited pairs: ${EDIT_KINDS.map((k) => `${k} ${report.editedPairs[k]}`).join(', ')}; ${report.differentPairs} pairs of different articles`,
    '',
    '| ≤ bits | recall: drop | date | ad | all | all edits | all edits, 4×16 bands | corpus same-story pairs | false pairs | precision |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of report.rows)
    lines.push(
      `| ${row.threshold} | ${pct(row.recall.drop)} | ${pct(row.recall.date)} | ${pct(row.recall.ad)} | ${pct(row.recall.all)} | ${pct(row.recallAll)} | ${pct(row.recallBanded)} | ${row.corpusDuplicates} | ${row.falsePairs} | ${pct(row.precision)} |`,
    );
  lines.push('', 'Distance distribution (pairs at each distance; percentiles):');
  const describe = (name: string, h: readonly number[]) => {
    const total = h.reduce((a, b) => a + b, 0);
    const at = (q: number) => {
      let seen = 0;
      for (let d = 0; d < h.length; d++) {
        seen += h[d]!;
        if (seen >= q * total) return d;
      }
      return 64;
    };
    const first = h
      .slice(0, 13)
      .map((c, d) => `${d}:${c}`)
      .join(' ');
    lines.push(
      `- ${name}: p1 ${at(0.01)}, p5 ${at(0.05)}, p50 ${at(0.5)}, p95 ${at(0.95)}, p99 ${at(0.99)}, max ${at(1)}; ${first}`,
    );
  };
  for (const kind of EDIT_KINDS) describe(`edited (${kind})`, report.editedHistogram[kind]);
  describe('different', report.differentHistogram);
  lines.push(
    `- different pairs sharing ≥ ${100 * SAME_STORY_JACCARD} % of shingles (same story twice in the corpus), by distance: ${report.duplicateHistogram
      .slice(0, 13)
      .map((c, d) => `${d}:${c}`)
      .join(' ')}`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const limit = Number(process.argv[2] ?? 3000);
  const seed = Number(process.argv[3] ?? 1);
  const minWords = Number(process.argv[4] ?? 1);
  const started = Date.now();
  const report = measureSimhash({ limit, seed, minWords });
  console.log(formatReport(report));
  console.log('\nClosest pairs of different stories (false positives):');
  for (const pair of report.closestDifferent)
    console.log(`  ${pair.distance} bits, Jaccard ${pair.jaccard.toFixed(2)}: ${pair.a} ${pair.b}`);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
}
