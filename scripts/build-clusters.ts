// Builds the shipped word clusters in models/clusters/ from SaudiNewsNet in ../shared/data, without labels:
//   clusters.tsv.gz  `form\tc64\tc256\tc1024` per line, sorted by form (UTF-16 code-unit order);
//   MANIFEST.json    sha256, size, entry count, method, parameters and this command.
//
// Method (distributional clusters for NER in the manner of Lin & Wu 2009, on count vectors as Levy,
// Goldberg & Dagan 2015 recommend):
//   1. Every word token of all 31,030 articles (titles and bodies) becomes its stripped form
//      (src/ner/clusters.ts: the key without و/ف, ب/ل/ك, س, ال and pronoun suffixes), so و|بال|هجوم and
//      الهجوم are one word; numbers become <num>, punctuation keeps its key, texts are framed by <s>.
//   2. Vocabulary: Arabic-letter forms seen ≥ MIN_COUNT times, the MAX_VOCABULARY most frequent.
//   3. Features of a form: the forms at −2, −1, +1 and +2 (four separate blocks, so left and right
//      stay apart) among the CONTEXT_WORDS most frequent tokens; plus one block for the clitics the
//      form itself carried (و+ال, ب, +ها…), the information stripping took out of the stream, which
//      separates nouns that take the article from names that never do.
//   4. PPMI weighting with context-distribution smoothing (α = 0.75).
//   5. Randomized truncated SVD (Halko, Martinsson & Tropp 2011) to DIMENSIONS dimensions, rows of
//      U·Σ^0.5, L2-normalised.
//   6. Spherical k-means (cosine), k-means++ seeding with a fixed seed, at k = 64, 256 and 1024, each
//      run on its own; cluster ids renumbered by descending size so the file reads the same each build.
// Output is byte-for-byte reproducible: fixed seed, fixed sort orders, gzip level 9 with no mtime.
//
// Run: node --import tsx scripts/build-clusters.ts

import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { seededRandom } from '../src/core/random.ts';
import { readSaudiNewsNetFile, saudiNewsNetFiles } from '../src/corpus/saudinewsnet.ts';
import { CLUSTERS_FILE, cliticParts } from '../src/ner/clusters.ts';
import { loadLexicon } from '../src/text/lexicon.ts';
import { isArabicKey } from '../src/text/normalize.ts';
import { createTextAnalyzer } from '../src/text/text-layer.ts';

const COMMAND = 'npm run build:clusters';
const OUT_DIR = fileURLToPath(new URL('../models/clusters/', import.meta.url));
const SAUDINEWSNET = 'saudinewsnet/dataset';

const MIN_COUNT = 5;
const MAX_VOCABULARY = 60_000;
const MIN_FORM_LENGTH = 2;
const CONTEXT_WORDS = 2000;
const WINDOW = [-2, -1, 1, 2] as const;
/** The most frequent clitic patterns a form carries (none, ال, و+ال, ب+ال, +ها …) kept as features. */
const CLITIC_PATTERNS = 64;
const CONTEXT_SMOOTHING = 0.75;
const DIMENSIONS = 100;
const OVERSAMPLING = 20;
const POWER_ITERATIONS = 2;
const SINGULAR_VALUE_WEIGHT = 0.5;
const GRANULARITIES = [64, 256, 1024] as const;
const MAX_ITERATIONS = 40;
/** Lloyd iterations stop once fewer than this share of forms change cluster. */
const CONVERGED = 0.002;
const SEED = 20150701;

/** Forms whose clusters the build prints: a country, a given name, a reporting verb. */
const EYEBALL = ['روسيا', 'محمد', 'قالت'];

const BOUNDARY = '<s>';
const NUMBER = '<num>';

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function gaussian(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

class IntList {
  data = new Int32Array(1 << 20);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }
}

interface TokenStream {
  /** Token ids into `forms`, texts framed by the <s> id. */
  readonly tokens: Int32Array;
  /** Parallel to `tokens`: the id into `patterns` of the clitics a word carried, −1 for other tokens. */
  readonly clitics: Int32Array;
  readonly forms: Interner;
  readonly patterns: Interner;
  readonly articles: number;
}

/** Step 1: the corpus as one stream of stripped forms. */
function readCorpus(): TokenStream {
  const started = performance.now();
  const analyze = createTextAnalyzer(loadLexicon());
  const forms = new Interner();
  const patterns = new Interner();
  const tokens = new IntList();
  const clitics = new IntList();
  const boundary = forms.id(BOUNDARY);
  const number = forms.id(NUMBER);
  // Shapes are shared per surface form, so their parts are too: cache them by shape object.
  const partsOf = new WeakMap<object, { form: number; pattern: number }>();
  const files = saudiNewsNetFiles();
  let articles = 0;
  for (const [f, file] of files.entries()) {
    for (const article of readSaudiNewsNetFile(file)) {
      articles++;
      for (const text of [article.title, article.text]) {
        if (text === '') continue;
        tokens.push(boundary);
        clitics.push(-1);
        const layers = analyze(text);
        for (let i = 0; i < layers.tokens.length; i++) {
          const token = layers.tokens[i]!;
          const shape = layers.words[i];
          if (token.kind === 'number') {
            tokens.push(number);
            clitics.push(-1);
          } else if (!shape) {
            tokens.push(forms.id(token.norm));
            clitics.push(-1);
          } else {
            let parts = partsOf.get(shape);
            if (parts === undefined) {
              const p = cliticParts(text.slice(token.start, token.end), shape);
              parts = { form: forms.id(p.form), pattern: patterns.id(`${p.proclitics}+${p.pronoun}`) };
              partsOf.set(shape, parts);
            }
            tokens.push(parts.form);
            clitics.push(parts.pattern);
          }
        }
      }
    }
    tokens.push(boundary);
    clitics.push(-1);
    if ((f + 1) % 10 === 0 || f + 1 === files.length) {
      progress(
        `corpus: ${f + 1}/${files.length} files, ${articles} articles, ${tokens.length} tokens, ${forms.strings.length} distinct forms (${seconds(started)})`,
      );
    }
  }
  return { tokens: tokens.view(), clitics: clitics.view(), forms, patterns, articles };
}

/** Ids of the `limit` most frequent entries satisfying `keep`, by descending count then string. */
function mostFrequent(
  counts: Int32Array,
  strings: readonly string[],
  limit: number,
  keep: (id: number) => boolean,
): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (keep(id)) ids.push(id);
  ids.sort((a, b) => counts[b]! - counts[a]! || (strings[a]! < strings[b]! ? -1 : 1));
  return ids.slice(0, limit);
}

function countsOf(ids: Int32Array, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const id of ids) if (id >= 0) counts[id]!++;
  return counts;
}

/** Rows × columns sparse matrix in compressed-row form. */
interface SparseMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float32Array;
}

/** Steps 3–4: the PPMI-weighted form × feature matrix. */
function contextMatrix(stream: TokenStream, vocabulary: readonly number[]): SparseMatrix {
  const started = performance.now();
  const { tokens, clitics } = stream;
  const rowOf = new Int32Array(stream.forms.strings.length).fill(-1);
  vocabulary.forEach((id, row) => {
    rowOf[id] = row;
  });
  const formCounts = countsOf(tokens, stream.forms.strings.length);
  const contextIds = mostFrequent(formCounts, stream.forms.strings, CONTEXT_WORDS, () => true);
  const contextOf = new Int32Array(stream.forms.strings.length).fill(-1);
  contextIds.forEach((id, c) => {
    contextOf[id] = c;
  });
  const patternCounts = countsOf(clitics, stream.patterns.strings.length);
  const patternIds = mostFrequent(patternCounts, stream.patterns.strings, CLITIC_PATTERNS, () => true);
  const patternOf = new Int32Array(stream.patterns.strings.length).fill(-1);
  patternIds.forEach((id, p) => {
    patternOf[id] = p;
  });
  const C = contextIds.length;
  const columns = WINDOW.length * C + patternIds.length;
  if (vocabulary.length * columns >= 2 ** 32) throw new Error('vocabulary × features overflows a 32-bit key');

  // Each co-occurrence is one key row·columns + column; sorting the keys groups and counts them.
  const boundary = stream.forms.ids.get(BOUNDARY)!;
  let keys = new Uint32Array(1 << 24);
  let n = 0;
  const push = (key: number) => {
    if (n === keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[n++] = key;
  };
  for (let i = 0; i < tokens.length; i++) {
    const row = rowOf[tokens[i]!]!;
    if (row < 0) continue;
    const base = row * columns;
    for (let w = 0; w < WINDOW.length; w++) {
      const offset = WINDOW[w]!;
      const j = i + offset;
      if (j < 0 || j >= tokens.length) continue;
      // The window stops at a text's frame: −2 does not reach into the previous article.
      if ((offset === -2 || offset === 2) && tokens[i + offset / 2] === boundary) continue;
      const c = contextOf[tokens[j]!]!;
      if (c >= 0) push(base + w * C + c);
    }
    const p = patternOf[clitics[i]!]!;
    if (p >= 0) push(base + WINDOW.length * C + p);
  }
  const sorted = keys.subarray(0, n).sort();
  progress(`matrix: ${n} co-occurrences sorted (${seconds(started)})`);

  const rowStart = new Int32Array(vocabulary.length + 1);
  let nonZero = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) nonZero++;
  const column = new Int32Array(nonZero);
  const count = new Float64Array(nonZero);
  const rowSum = new Float64Array(vocabulary.length);
  const columnSum = new Float64Array(columns);
  let at = -1;
  for (let k = 0; k < n; k++) {
    const key = sorted[k]!;
    if (k === 0 || key !== sorted[k - 1]) {
      at++;
      const row = Math.floor(key / columns);
      column[at] = key - row * columns;
      rowStart[row + 1] = at + 1;
    }
    count[at]!++;
  }
  for (let r = 1; r <= vocabulary.length; r++) rowStart[r] = Math.max(rowStart[r]!, rowStart[r - 1]!);
  let total = 0;
  for (let r = 0; r < vocabulary.length; r++) {
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      rowSum[r]! += count[k]!;
      columnSum[column[k]!]! += count[k]!;
    }
    total += rowSum[r]!;
  }
  // PMI(w, c) = log P(w, c) / (P(w) · P_α(c)), with P_α(c) ∝ count(c)^α so that rare contexts do
  // not get inflated scores; negative values are clipped to 0.
  let smoothedTotal = 0;
  for (let c = 0; c < columns; c++) smoothedTotal += columnSum[c]! ** CONTEXT_SMOOTHING;
  const value = new Float32Array(nonZero);
  for (let r = 0; r < vocabulary.length; r++) {
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      const pc = columnSum[column[k]!]! ** CONTEXT_SMOOTHING / smoothedTotal;
      value[k] = Math.max(0, Math.log(count[k]! / total / ((rowSum[r]! / total) * pc)));
    }
  }
  progress(
    `matrix: ${vocabulary.length} forms × ${columns} features (${WINDOW.length} × ${C} context words + ${patternIds.length} clitic patterns), ${nonZero} non-zero (${seconds(started)})`,
  );
  return { rows: vocabulary.length, columns, rowStart, column, value };
}

/** Y = X·M, with M dense columns × r and Y dense rows × r, both row-major. */
function times(x: SparseMatrix, m: Float64Array, r: number): Float64Array {
  const y = new Float64Array(x.rows * r);
  for (let i = 0; i < x.rows; i++) {
    const yi = i * r;
    for (let k = x.rowStart[i]!; k < x.rowStart[i + 1]!; k++) {
      const v = x.value[k]!;
      const mk = x.column[k]! * r;
      for (let t = 0; t < r; t++) y[yi + t]! += v * m[mk + t]!;
    }
  }
  return y;
}

/** Z = Xᵀ·Y, with Y dense rows × r and Z dense columns × r, both row-major. */
function transposeTimes(x: SparseMatrix, y: Float64Array, r: number): Float64Array {
  const z = new Float64Array(x.columns * r);
  for (let i = 0; i < x.rows; i++) {
    const yi = i * r;
    for (let k = x.rowStart[i]!; k < x.rowStart[i + 1]!; k++) {
      const v = x.value[k]!;
      const zk = x.column[k]! * r;
      for (let t = 0; t < r; t++) z[zk + t]! += v * y[yi + t]!;
    }
  }
  return z;
}

/** An orthonormal basis of the columns of a row-major n × r matrix (modified Gram–Schmidt, twice). */
function orthonormalize(a: Float64Array, n: number, r: number): Float64Array {
  const columns: Float64Array[] = [];
  for (let t = 0; t < r; t++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = a[i * r + t]!;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of columns) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i]! * col[i]!;
        for (let i = 0; i < n; i++) col[i]! -= dot * q[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) col[i] = norm > 1e-12 ? col[i]! / norm : 0;
    columns.push(col);
  }
  const q = new Float64Array(n * r);
  for (let t = 0; t < r; t++) for (let i = 0; i < n; i++) q[i * r + t] = columns[t]![i]!;
  return q;
}

/** Eigenvalues (descending) and eigenvectors (columns of a row-major r × r matrix) of a symmetric matrix, by cyclic Jacobi. */
function symmetricEigen(matrix: Float64Array, r: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(r * r);
  for (let i = 0; i < r; i++) v[i * r + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) off += a[p * r + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < r; p++) {
      for (let q = p + 1; q < r; q++) {
        const apq = a[p * r + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * r + q]! - a[p * r + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < r; k++) {
          const akp = a[k * r + p]!;
          const akq = a[k * r + q]!;
          a[k * r + p] = c * akp - s * akq;
          a[k * r + q] = s * akp + c * akq;
        }
        for (let k = 0; k < r; k++) {
          const apk = a[p * r + k]!;
          const aqk = a[q * r + k]!;
          a[p * r + k] = c * apk - s * aqk;
          a[q * r + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < r; k++) {
          const vkp = v[k * r + p]!;
          const vkq = v[k * r + q]!;
          v[k * r + p] = c * vkp - s * vkq;
          v[k * r + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: r }, (_, i) => i).sort((i, j) => a[j * r + j]! - a[i * r + i]!);
  const values = new Float64Array(r);
  const vectors = new Float64Array(r * r);
  order.forEach((from, to) => {
    values[to] = a[from * r + from]!;
    for (let k = 0; k < r; k++) vectors[k * r + to] = v[k * r + from]!;
  });
  return { values, vectors };
}

/** Step 5: rows of U·Σ^w of the rank-`dims` randomized SVD of X, L2-normalised, as a rows × dims Float32Array. */
function embed(
  x: SparseMatrix,
  dims: number,
  random: () => number,
): { vectors: Float32Array; spectrum: number[] } {
  const started = performance.now();
  const r = dims + OVERSAMPLING;
  const normal = gaussian(random);
  const omega = new Float64Array(x.columns * r);
  for (let i = 0; i < omega.length; i++) omega[i] = normal();
  let q = orthonormalize(times(x, omega, r), x.rows, r);
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    const z = orthonormalize(transposeTimes(x, q, r), x.columns, r);
    q = orthonormalize(times(x, z, r), x.rows, r);
    progress(`svd: power iteration ${it + 1}/${POWER_ITERATIONS} (${seconds(started)})`);
  }
  // B = QᵀX is small (r × columns): its singular vectors come from the eigenvectors of B·Bᵀ.
  const bt = transposeTimes(x, q, r);
  const gram = new Float64Array(r * r);
  for (let c = 0; c < x.columns; c++) {
    const row = c * r;
    for (let i = 0; i < r; i++) {
      const bi = bt[row + i]!;
      if (bi === 0) continue;
      for (let j = i; j < r; j++) gram[i * r + j]! += bi * bt[row + j]!;
    }
  }
  for (let i = 0; i < r; i++) for (let j = 0; j < i; j++) gram[i * r + j] = gram[j * r + i]!;
  const { values, vectors: w } = symmetricEigen(gram, r);
  const scale = Array.from(
    { length: dims },
    (_, t) => Math.max(values[t]!, 0) ** (SINGULAR_VALUE_WEIGHT / 2),
  );
  const out = new Float32Array(x.rows * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < x.rows; i++) {
    row.fill(0);
    for (let k = 0; k < r; k++) {
      const qik = q[i * r + k]!;
      for (let t = 0; t < dims; t++) row[t]! += qik * w[k * r + t]!;
    }
    let norm = 0;
    for (let t = 0; t < dims; t++) {
      row[t]! *= scale[t]!;
      norm += row[t]! * row[t]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let t = 0; t < dims; t++) out[i * dims + t] = row[t]! / norm;
  }
  const spectrum = Array.from({ length: dims }, (_, t) => Math.sqrt(Math.max(values[t]!, 0)));
  progress(
    `svd: ${dims} dimensions, singular values ${spectrum[0]!.toFixed(1)} … ${spectrum[dims - 1]!.toFixed(1)} (${seconds(started)})`,
  );
  return { vectors: out, spectrum };
}

/** Step 6: spherical k-means over unit rows; returns each row's cluster, renumbered by descending size. */
function kMeans(points: Float32Array, n: number, d: number, k: number, random: () => number): Int32Array {
  const started = performance.now();
  const centroids = new Float32Array(k * d);
  // k-means++: each next centre is drawn with probability ∝ squared distance to the nearest one so far.
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let t = 0; t < d; t++) dot += points[i * d + t]! * centroids[c * d + t]!;
      const dist = Math.max(0, 2 - 2 * dot);
      if (dist < nearest[i]!) nearest[i] = dist;
      total += nearest[i]!;
    }
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  progress(`k-means k=${k}: seeded (${seconds(started)})`);

  const assignment = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    let changed = 0;
    let objective = 0;
    for (let i = 0; i < n; i++) {
      const pi = i * d;
      let best = -1;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const cc = c * d;
        let dot = 0;
        for (let t = 0; t < d; t++) dot += points[pi + t]! * centroids[cc + t]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
      similarity[i] = bestDot;
      objective += bestDot;
    }
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      sizes[c]!++;
      for (let t = 0; t < d; t++) sums[c * d + t]! += points[i * d + t]!;
    }
    // An empty cluster takes the form that fits its own cluster worst.
    for (let c = 0; c < k; c++) {
      if (sizes[c] !== 0) continue;
      let worst = 0;
      for (let i = 1; i < n; i++) if (similarity[i]! < similarity[worst]!) worst = i;
      const from = assignment[worst]!;
      for (let t = 0; t < d; t++) {
        sums[from * d + t]! -= points[worst * d + t]!;
        sums[c * d + t] = points[worst * d + t]!;
      }
      sizes[from]!--;
      sizes[c] = 1;
      assignment[worst] = c;
      similarity[worst] = 1;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let t = 0; t < d; t++) norm += sums[c * d + t]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let t = 0; t < d; t++) centroids[c * d + t] = sums[c * d + t]! / norm;
    }
    progress(
      `k-means k=${k}: iteration ${iteration}, ${changed} changed, mean cosine ${(objective / n).toFixed(4)} (${seconds(started)})`,
    );
    if (changed < CONVERGED * n) break;
  }
  // Ids by descending size, ties by first member, so ids do not depend on the order centres were drawn.
  const sizes2 = new Int32Array(k);
  const first = new Int32Array(k).fill(n);
  for (let i = 0; i < n; i++) {
    const c = assignment[i]!;
    sizes2[c]!++;
    if (i < first[c]!) first[c] = i;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sizes2[b]! - sizes2[a]! || first[a]! - first[b]!,
  );
  const renumber = new Int32Array(k);
  order.forEach((c, id) => {
    renumber[c] = id;
  });
  return assignment.map((c) => renumber[c]!);
}

function main(): void {
  const started = performance.now();
  const random = seededRandom(SEED);

  const stream = readCorpus();
  const counts = countsOf(stream.tokens, stream.forms.strings.length);
  const candidates = mostFrequent(
    counts,
    stream.forms.strings,
    Number.POSITIVE_INFINITY,
    (id) => counts[id]! >= MIN_COUNT && isArabicKey(stream.forms.strings[id]!, MIN_FORM_LENGTH),
  );
  const vocabulary = candidates.slice(0, MAX_VOCABULARY);
  const covered = vocabulary.reduce((sum, id) => sum + counts[id]!, 0);
  progress(
    `vocabulary: ${vocabulary.length} forms (of ${candidates.length} seen ≥ ${MIN_COUNT} times), last seen ${counts[vocabulary.at(-1)!]} times; ${covered} of ${stream.tokens.length} tokens`,
  );

  const matrix = contextMatrix(stream, vocabulary);
  const { vectors } = embed(matrix, DIMENSIONS, random);
  const assignments = GRANULARITIES.map((k) => kMeans(vectors, vocabulary.length, DIMENSIONS, k, random));

  const rows = vocabulary
    .map((id, row) => [stream.forms.strings[id]!, row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = rows.map(([form, row]) => `${form}\t${assignments.map((a) => a[row]).join('\t')}\n`).join('');

  // The middle-granularity clusters of a few probe words, most frequent members first, to eyeball.
  const middle = assignments[1]!;
  for (const probe of EYEBALL) {
    const row = vocabulary.indexOf(stream.forms.ids.get(probe) ?? -1);
    if (row < 0) continue;
    const members = vocabulary.filter((_, r) => middle[r] === middle[row]).slice(0, 10);
    progress(`  c256=${middle[row]} (${probe}): ${members.map((id) => stream.forms.strings[id]).join(' ')}`);
  }

  const manifest = writeModelFiles(OUT_DIR, COMMAND, [
    {
      name: CLUSTERS_FILE,
      text,
      entries: rows.length,
      about: {
        format:
          'form<TAB>c64<TAB>c256<TAB>c1024 per line, sorted by form; forms are matching keys without clitics (strippedForm in src/ner/clusters.ts); ids numbered by descending cluster size',
        method: {
          summary:
            'stripped forms (clitics off) → ±1/±2 context counts, left and right apart, plus own-clitic patterns → PPMI (α=0.75) → randomized SVD, U·Σ^0.5, L2-normalised → spherical k-means (k-means++, fixed seed) at each k',
          parameters: {
            minCount: MIN_COUNT,
            maxVocabulary: MAX_VOCABULARY,
            contextWords: CONTEXT_WORDS,
            window: [...WINDOW],
            cliticPatterns: CLITIC_PATTERNS,
            contextSmoothing: CONTEXT_SMOOTHING,
            dimensions: DIMENSIONS,
            oversampling: OVERSAMPLING,
            powerIterations: POWER_ITERATIONS,
            singularValueWeight: SINGULAR_VALUE_WEIGHT,
            granularities: [...GRANULARITIES],
            maxIterations: MAX_ITERATIONS,
            converged: CONVERGED,
            seed: SEED,
          },
          corpus: { articles: stream.articles, tokens: stream.tokens.length, vocabularyTokens: covered },
        },
        sources: [SAUDINEWSNET],
        licence: 'cluster ids derived from SaudiNewsNet (CC BY-NC-SA 4.0, research use); no article text',
      },
    },
  ]);
  progress(`${CLUSTERS_FILE}: ${rows.length} forms, ${manifest.files[CLUSTERS_FILE]?.bytes} bytes`);
  progress(`done in ${seconds(started)} → ${OUT_DIR}`);
}

main();
