// Features of one token in its sentence, as strings (the model maps them to ids). Groups, each of
// which can be switched off for the ablation in the README: the word and its neighbours, clitics and
// affixes, word shape, gazetteers, distributional clusters, how often news writes the word, how much
// its letters read like a name, and what the document says elsewhere.

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
  /** How often news writes the form, as a small bucket: 0 unseen … 5 very frequent. */
  readonly frequency: number;
  /** Gazetteer flags of the form (see gazetteer.ts), 0 when in none. */
  readonly gazetteer: number;
  /** Cluster ids of the form at three granularities, when it has them. */
  readonly clusters: readonly [number, number, number] | undefined;
  /** Silver-name flags of the form (silver.ts), 0 when none. */
  readonly silver: number;
  /** How much the form's letters read like a name (namelike.ts): −4 … 4, and the name type they read like. */
  readonly nameScore: number;
  readonly nameType: string;
  /** The type the first pass gave most often to this form elsewhere in the document (document.ts). */
  readonly document?: string;
}

export const FEATURE_GROUPS = [
  'words',
  'affixes',
  'shape',
  'gazetteer',
  'silver',
  'clusters',
  'frequency',
  'namelike',
  'document',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

const BOUNDARY = '<s>';

/** The neighbours a token's features look at, by distance. */
export const OFFSETS = [-2, -1, 1, 2] as const;
export type Offset = 0 | (typeof OFFSETS)[number];

/**
 * The features a token contributes to the token `offset` places after it (0: to itself), or, for
 * `undefined`, what a sentence boundary contributes there. A token's contributions depend on it
 * alone, which is what lets the tagger compute them once per distinct token (model.ts).
 */
export function featuresSeenFrom(
  t: NerToken | undefined,
  offset: Offset,
  groups: ReadonlySet<FeatureGroup>,
): string[] {
  const out: string[] = [];
  const form = t?.form ?? BOUNDARY;
  if (offset === 0) {
    if (!t) return out;
    out.push('b');
    if (groups.has('words')) out.push(`w=${t.key}`, `f=${t.form}`);
    if (groups.has('affixes')) {
      out.push(`p=${t.proclitics}`);
      if (form.length > 3) out.push(`pre2=${form.slice(0, 2)}`, `suf2=${form.slice(-2)}`);
      if (form.length > 4) out.push(`pre3=${form.slice(0, 3)}`, `suf3=${form.slice(-3)}`);
    }
    if (groups.has('shape'))
      out.push(`k=${t.kind}`, `len=${Math.min(form.length, 8)}`, `latin=${/[a-z]/.test(t.key)}`);
    if (groups.has('gazetteer')) out.push(`g=${t.gazetteer}`);
    if (groups.has('clusters') && t.clusters)
      out.push(`c64=${t.clusters[0]}`, `c256=${t.clusters[1]}`, `c1k=${t.clusters[2]}`);
    if (groups.has('silver')) out.push(`s=${t.silver ?? 0}`, `sg=${t.silver ?? 0}|${t.gazetteer}`);
    if (groups.has('frequency')) out.push(`n=${t.frequency}`);
    if (groups.has('namelike'))
      out.push(
        `lm=${t.nameScore}`,
        `lmt=${t.nameType}|${t.nameScore > 0}`,
        `lmn=${t.nameScore}|${t.frequency}`,
      );
    if (groups.has('document')) out.push(`d=${t.document ?? '-'}`, `dg=${t.document ?? '-'}|${t.gazetteer}`);
    return out;
  }
  // Seen from a neighbour: -1 means "the token before me", so its features are named `…-1`.
  const at = offset < 0 ? `${offset}` : `+${offset}`;
  if (groups.has('words')) out.push(`f${at}=${form}`);
  if (offset !== -1 && offset !== 1) return out;
  if (groups.has('affixes') && offset === -1) out.push(`p-1=${t?.proclitics ?? BOUNDARY}`);
  if (groups.has('shape')) out.push(`k${at}=${t?.kind ?? BOUNDARY}`);
  if (groups.has('gazetteer')) out.push(`g${at}=${t?.gazetteer ?? -1}`);
  if (groups.has('clusters')) out.push(`c${at}=${t?.clusters?.[1] ?? -1}`);
  if (groups.has('silver')) out.push(`s${at}=${t?.silver ?? -1}`);
  if (groups.has('frequency')) out.push(`n${at}=${t?.frequency ?? -1}`);
  if (groups.has('document')) out.push(`d${at}=${t?.document ?? '-'}`);
  return out;
}

/** Features that join a token with its neighbours. */
export function pairFeatures(
  sentence: readonly NerToken[],
  i: number,
  groups: ReadonlySet<FeatureGroup>,
): string[] {
  const t = sentence[i]!;
  const before = sentence[i - 1];
  const after = sentence[i + 1];
  const out: string[] = [];
  if (groups.has('words'))
    out.push(`f-1f=${before?.form ?? BOUNDARY}|${t.form}`, `ff+1=${t.form}|${after?.form ?? BOUNDARY}`);
  if (groups.has('gazetteer'))
    out.push(`gg=${before?.gazetteer ?? -1}|${t.gazetteer}|${after?.gazetteer ?? -1}`);
  return out;
}

export function tokenFeatures(
  sentence: readonly NerToken[],
  i: number,
  groups: ReadonlySet<FeatureGroup>,
): string[] {
  const out = featuresSeenFrom(sentence[i], 0, groups);
  // A neighbour at distance d sees this token at -d: the token before us is seen from offset -1.
  for (const d of OFFSETS) out.push(...featuresSeenFrom(sentence[i + d], d, groups));
  out.push(...pairFeatures(sentence, i, groups));
  return out;
}
