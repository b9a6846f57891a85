// Features of one token in its sentence, as strings (the model maps them to ids). Groups, each of
// which can be switched off for the ablation in the README: the word and its neighbours, clitics and
// affixes, word shape, gazetteers, distributional clusters, and what the document says elsewhere.
// (How often news writes a word was a group too; it cost 0.9 F1 on dev and went.)

import type { TokenKind } from '../core/doc.ts';

/** What the tagger knows of a token before it looks at its neighbours. */
export interface NerToken {
  /** Matching key of the whole token (with its clitics). */
  readonly key: string;
  /** Matching key with proclitics and pronoun suffixes taken off (و|بال|هجوم → هجوم); the key for non-words. */
  readonly form: string;
  /** The proclitic letters taken off, in key spelling (وبال), '' when none. */
  readonly proclitics: string;
  readonly kind: TokenKind;
  /** Gazetteer flags of the form (see gazetteer.ts), 0 when in none. */
  readonly gazetteer: number;
  /** Cluster ids of the form at three granularities, when it has them. */
  readonly clusters: readonly [number, number, number] | undefined;
  /** The type the first pass gave most often to this form elsewhere in the document (document.ts). */
  readonly document?: string;
}

export const FEATURE_GROUPS = ['words', 'affixes', 'shape', 'gazetteer', 'clusters', 'document'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

const BOUNDARY = '<s>';

export function tokenFeatures(
  sentence: readonly NerToken[],
  i: number,
  groups: ReadonlySet<FeatureGroup>,
): string[] {
  const t = sentence[i]!;
  const at = (d: number) => sentence[i + d];
  const form = (d: number) => at(d)?.form ?? BOUNDARY;
  const out = ['b'];
  if (groups.has('words')) {
    out.push(
      `w=${t.key}`,
      `f=${t.form}`,
      `f-1=${form(-1)}`,
      `f+1=${form(1)}`,
      `f-2=${form(-2)}`,
      `f+2=${form(2)}`,
    );
    out.push(`f-1f=${form(-1)}|${t.form}`, `ff+1=${t.form}|${form(1)}`);
  }
  if (groups.has('affixes')) {
    const f = t.form;
    out.push(`p=${t.proclitics}`, `p-1=${at(-1)?.proclitics ?? BOUNDARY}`);
    if (f.length > 3) out.push(`pre2=${f.slice(0, 2)}`, `suf2=${f.slice(-2)}`);
    if (f.length > 4) out.push(`pre3=${f.slice(0, 3)}`, `suf3=${f.slice(-3)}`);
  }
  if (groups.has('shape')) {
    out.push(`k=${t.kind}`, `k-1=${at(-1)?.kind ?? BOUNDARY}`, `k+1=${at(1)?.kind ?? BOUNDARY}`);
    out.push(`len=${Math.min(t.form.length, 8)}`, `latin=${/[a-z]/.test(t.key)}`);
  }
  if (groups.has('gazetteer')) {
    out.push(`g=${t.gazetteer}`, `g-1=${at(-1)?.gazetteer ?? -1}`, `g+1=${at(1)?.gazetteer ?? -1}`);
    out.push(`gg=${at(-1)?.gazetteer ?? -1}|${t.gazetteer}|${at(1)?.gazetteer ?? -1}`);
  }
  if (groups.has('clusters')) {
    const c = t.clusters;
    if (c) out.push(`c64=${c[0]}`, `c256=${c[1]}`, `c1k=${c[2]}`);
    out.push(`c-1=${at(-1)?.clusters?.[1] ?? -1}`, `c+1=${at(1)?.clusters?.[1] ?? -1}`);
  }
  if (groups.has('document')) {
    const d = t.document ?? '-';
    out.push(
      `d=${d}`,
      `d-1=${at(-1)?.document ?? '-'}`,
      `d+1=${at(1)?.document ?? '-'}`,
      `dg=${d}|${t.gazetteer}`,
    );
  }
  return out;
}
