// Distributional word clusters (models/clusters/, built by scripts/build-clusters.ts): every form
// SaudiNewsNet writes at least a few times, with its cluster at three granularities (64, 256 and
// 1024 clusters), learned without labels from the words around it. Names of one kind share contexts
// (في روسيا، رئيس روسيا) and so share clusters, which lets a tagger generalise to names it never saw
// in its training data. The file is checked against MANIFEST.json's sha256 before use.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SegmentRole, WordShape } from '../core/doc.ts';
import { fail } from '../core/errors.ts';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import { matchKey } from '../text/normalize.ts';

/** Cluster ids of a form at the three granularities: [of 64, of 256, of 1024]. */
export type ClusterIds = readonly [number, number, number];

export interface WordClusters {
  /** The clusters of a stripped form (see `strippedForm`), or undefined when it is not in the vocabulary. */
  of(form: string): ClusterIds | undefined;
  /** Number of forms with clusters. */
  readonly size: number;
}

/** A word split into what the clusters key on and the clitics around it, all in key spelling. */
export interface CliticParts {
  /** Proclitic letters taken off, e.g. وبال of وبالهجوم; '' when none. */
  readonly proclitics: string;
  /** The word without its clitics: هجوم. */
  readonly form: string;
  /** Pronoun suffix taken off, e.g. ها of نشرتها; '' when none. */
  readonly pronoun: string;
}

// This module sits two levels below the repository root both as src/ner/*.ts and as dist/ner/*.js.
const DEFAULT_DIR = fileURLToPath(new URL('../../models/clusters/', import.meta.url));
export const CLUSTERS_FILE = 'clusters.tsv.gz';
const REBUILD = 'rebuild it with `npm run build:clusters`';

const PROCLITIC_ROLES: ReadonlySet<SegmentRole> = new Set(['conj', 'prep', 'future', 'det']);

/**
 * The matching key of a word without its leading conjunction, preposition, future and article
 * segments and its trailing pronoun (و|بال|هجوم and الهجوم both give هجوم). A word that is all
 * clitics (ب|ها) keeps its whole key. The build and the tagger both call this, so they agree.
 */
export function strippedForm(surface: string, shape: WordShape | null): string {
  if (shape === null || shape.segments.length <= 1) return matchKey(surface);
  const [start, end] = stemRange(surface, shape);
  return start === 0 && end === surface.length ? matchKey(surface) : matchKey(surface.slice(start, end));
}

/** `strippedForm` with the clitics it took off. */
export function cliticParts(surface: string, shape: WordShape | null): CliticParts {
  if (shape === null || shape.segments.length <= 1)
    return { proclitics: '', form: matchKey(surface), pronoun: '' };
  const [start, end] = stemRange(surface, shape);
  if (start === 0 && end === surface.length) return { proclitics: '', form: matchKey(surface), pronoun: '' };
  return {
    proclitics: matchKey(surface.slice(0, start)),
    form: matchKey(surface.slice(start, end)),
    pronoun: matchKey(surface.slice(end)),
  };
}

/** Offsets into the surface of what remains without clitics; the whole word when nothing would remain. */
function stemRange(surface: string, shape: WordShape): [number, number] {
  const segments = shape.segments;
  let first = 0;
  let start = 0;
  while (first < segments.length && PROCLITIC_ROLES.has(segments[first]!.role))
    start = segments[first++]!.end;
  let last = segments.length - 1;
  let end = surface.length;
  while (last >= first && segments[last]!.role === 'pron') end = segments[last--]!.start;
  return end > start ? [start, end] : [0, surface.length];
}

/** The clusters in `dir` (default `<repo>/models/clusters`), read and verified on the first call only. */
export const loadClusters = loadOncePerFolder(DEFAULT_DIR, readClusters);

/** Clusters from `[form, ids]` pairs, for tests and for tools that hold them in memory. */
export function clustersFromEntries(entries: Iterable<readonly [string, ClusterIds]>): WordClusters {
  const byForm = new Map<string, ClusterIds>();
  for (const [form, ids] of entries) byForm.set(form, Object.freeze([ids[0], ids[1], ids[2]] as const));
  return { of: (form) => byForm.get(form), size: byForm.size };
}

function readClusters(dir: string): WordClusters {
  const text = readModelFile(dir, CLUSTERS_FILE, REBUILD);
  const path = join(dir, CLUSTERS_FILE);
  // Forms share one Map; the three ids sit in one frozen tuple per form, handed out as is.
  const byForm = new Map<string, ClusterIds>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab1 = text.indexOf('\t', start);
    const tab2 = text.indexOf('\t', tab1 + 1);
    const tab3 = text.indexOf('\t', tab2 + 1);
    if (tab1 > start && tab3 > tab2 && tab3 < end) {
      const ids = Object.freeze([
        parseId(text, tab1 + 1, tab2),
        parseId(text, tab2 + 1, tab3),
        parseId(text, tab3 + 1, end),
      ] as const);
      byForm.set(text.slice(start, tab1), ids);
    } else if (end > start) {
      throw fail('DATA_CORRUPT', path, `line without four tab-separated fields at offset ${start}`, REBUILD);
    }
    start = end + 1;
  }
  return { of: (form) => byForm.get(form), size: byForm.size };
}

/** A small non-negative integer written in ASCII digits, read without slicing. */
function parseId(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}
