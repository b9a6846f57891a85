// Features of one token in its sentence, named by strings (the model maps names to ids) and handed
// out as template and parts, so that the tagger need not build the names (emissions.ts). Groups, each of
// which can be switched off for the ablation in the README: the word and its neighbours, clitics and
// affixes, word shape, gazetteers, distributional clusters, how often news writes the word, how much
// its letters read like a name, whole listed names around it (opt-in: OPT_IN_GROUPS), and what the
// document says elsewhere.

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
  /** Place and type flags of the token in a whole listed name found in its sentence (phrases.ts): `B6`, `U2` …; none when in none. */
  readonly phrase?: string;
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
  'phrases',
  'document',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];
/**
 * Groups that training leaves out unless asked (`npm run train:ner -- --with phrases`): measured, and
 * not better by more than noise (README). A model file names its groups, so the tagger follows it.
 */
export const OPT_IN_GROUPS: readonly FeatureGroup[] = ['phrases'];

const BOUNDARY = '<s>';

/** The neighbours a token's features look at, by distance. */
export const OFFSETS = [-2, -1, 1, 2] as const;
export type Offset = 0 | (typeof OFFSETS)[number];

/** One part of a feature's value. */
export type FeaturePart = string | number | boolean;

/**
 * Where features go, one call each: the feature named `template=a|b|c` with as many parts as are
 * given (`template` alone when none is). Training wants the names (`featureName`); the tagger looks
 * the parts up without building them (feature-index.ts, emissions.ts): building and hashing the
 * names was most of what tagging cost.
 */
export type FeatureSink = (template: string, a?: FeaturePart, b?: FeaturePart, c?: FeaturePart) => void;

/** The name a sink call stands for. */
export function featureName(template: string, a?: FeaturePart, b?: FeaturePart, c?: FeaturePart): string {
  if (a === undefined) return template;
  if (b === undefined) return `${template}=${a}`;
  return c === undefined ? `${template}=${a}|${b}` : `${template}=${a}|${b}|${c}`;
}

/**
 * Sends `out` the features a token contributes to the token `offset` places after it (0: to
 * itself), or, for `undefined`, what a sentence boundary contributes there. A token's
 * contributions depend on it alone, which is what lets the tagger compute them once per distinct
 * token (emissions.ts).
 */
export function featuresSeenFrom(
  t: NerToken | undefined,
  offset: Offset,
  groups: ReadonlySet<FeatureGroup>,
  out: FeatureSink,
): void {
  const on = switchedOn(groups);
  const form = t?.form ?? BOUNDARY;
  if (offset === 0) {
    if (!t) return;
    out('b');
    if (on.words) {
      out('w', t.key);
      out('f', t.form);
    }
    if (on.affixes) {
      out('p', t.proclitics);
      if (form.length > 3) {
        out('pre2', form.slice(0, 2));
        out('suf2', form.slice(-2));
      }
      if (form.length > 4) {
        out('pre3', form.slice(0, 3));
        out('suf3', form.slice(-3));
      }
    }
    if (on.shape) {
      out('k', t.kind);
      out('len', Math.min(form.length, 8));
      out('latin', /[a-z]/.test(t.key));
    }
    if (on.gazetteer) out('g', t.gazetteer);
    if (on.clusters && t.clusters) {
      out('c64', t.clusters[0]);
      out('c256', t.clusters[1]);
      out('c1k', t.clusters[2]);
    }
    if (on.silver) {
      out('s', t.silver ?? 0);
      out('sg', t.silver ?? 0, t.gazetteer);
    }
    if (on.frequency) out('n', t.frequency);
    if (on.namelike) {
      out('lm', t.nameScore);
      out('lmt', t.nameType, t.nameScore > 0);
      out('lmn', t.nameScore, t.frequency);
    }
    if (on.phrases) out('ph', t.phrase ?? '-');
    if (on.document) {
      out('d', t.document ?? '-');
      out('dg', t.document ?? '-', t.gazetteer);
    }
    return;
  }
  // Seen from a neighbour: -1 means "the token before me", so its features are named `…-1`.
  const seen = SEEN_FROM[offset];
  if (on.words) out(seen.f, form);
  if (offset !== -1 && offset !== 1) return;
  if (on.affixes && offset === -1) out('p-1', t?.proclitics ?? BOUNDARY);
  if (on.shape) out(seen.k, t?.kind ?? BOUNDARY);
  if (on.gazetteer) out(seen.g, t?.gazetteer ?? -1);
  if (on.clusters) out(seen.c, t?.clusters?.[1] ?? -1);
  if (on.silver) out(seen.s, t?.silver ?? -1);
  if (on.frequency) out(seen.n, t?.frequency ?? -1);
  if (on.phrases) out(seen.ph, t ? (t.phrase ?? '-') : BOUNDARY);
  if (on.document) out(seen.d, t?.document ?? '-');
}

const NEIGHBOUR_TEMPLATES = ['f', 'k', 'g', 'c', 's', 'n', 'ph', 'd'] as const;

const switches = new WeakMap<ReadonlySet<FeatureGroup>, Readonly<Record<FeatureGroup, boolean>>>();
/**
 * The groups as a record: a new token asks some eighty times which are on. Remembered per set, which
 * nothing changes once a model holds it.
 */
function switchedOn(groups: ReadonlySet<FeatureGroup>): Readonly<Record<FeatureGroup, boolean>> {
  let on = switches.get(groups);
  if (!on) {
    on = Object.fromEntries(FEATURE_GROUPS.map((g) => [g, groups.has(g)])) as Record<FeatureGroup, boolean>;
    switches.set(groups, on);
  }
  return on;
}

/** The templates a token shows its neighbours, by distance (`f-1`, `k+1` …): named once, not per token. */
const SEEN_FROM = Object.fromEntries(
  OFFSETS.map((offset) => {
    const at = offset < 0 ? `${offset}` : `+${offset}`;
    return [offset, Object.fromEntries(NEIGHBOUR_TEMPLATES.map((t) => [t, `${t}${at}`]))];
  }),
) as Record<Exclude<Offset, 0>, Record<(typeof NEIGHBOUR_TEMPLATES)[number], string>>;

/** A token's value in one part of a feature that joins it with its neighbours. */
export type PartOf = (t: NerToken | undefined) => FeaturePart;

/** A feature that joins neighbours: each part is read from the token `at` places from the one it is of. */
export interface PairTemplate {
  readonly template: string;
  readonly group: FeatureGroup;
  readonly parts: readonly { readonly at: -1 | 0 | 1; readonly of: PartOf }[];
}

const formOf: PartOf = (t) => t?.form ?? BOUNDARY;
const gazetteerOf: PartOf = (t) => t?.gazetteer ?? -1;

/**
 * The features that join a token with its neighbours, in the order they are summed. Declared as
 * data so that the tagger can look each token's parts up once and join them per sentence
 * (emissions.ts), where a token's own features are summed once per distinct token.
 */
export const PAIR_TEMPLATES: readonly PairTemplate[] = [
  {
    template: 'f-1f',
    group: 'words',
    parts: [
      { at: -1, of: formOf },
      { at: 0, of: formOf },
    ],
  },
  {
    template: 'ff+1',
    group: 'words',
    parts: [
      { at: 0, of: formOf },
      { at: 1, of: formOf },
    ],
  },
  {
    template: 'gg',
    group: 'gazetteer',
    parts: [
      { at: -1, of: gazetteerOf },
      { at: 0, of: gazetteerOf },
      { at: 1, of: gazetteerOf },
    ],
  },
];

/** Sends `out` the features that join token `i` with its neighbours. */
export function pairFeatures(
  sentence: readonly NerToken[],
  i: number,
  groups: ReadonlySet<FeatureGroup>,
  out: FeatureSink,
): void {
  const part = ({ at, of }: PairTemplate['parts'][number]) => {
    const j = i + at;
    return of(j >= 0 && j < sentence.length ? sentence[j] : undefined);
  };
  for (const { template, group, parts } of PAIR_TEMPLATES) {
    if (!groups.has(group)) continue;
    const [a, b, c] = parts;
    out(template, part(a!), part(b!), c && part(c));
  }
}

/** The names of every feature of token `i`, as training counts and numbers them. */
export function tokenFeatures(
  sentence: readonly NerToken[],
  i: number,
  groups: ReadonlySet<FeatureGroup>,
): string[] {
  const names: string[] = [];
  const out: FeatureSink = (template, a, b, c) => names.push(featureName(template, a, b, c));
  featuresSeenFrom(sentence[i], 0, groups, out);
  // A neighbour at distance d sees this token at -d: the token before us is seen from offset -1.
  for (const d of OFFSETS) {
    const j = i + d;
    featuresSeenFrom(j >= 0 && j < sentence.length ? sentence[j] : undefined, d, groups, out);
  }
  pairFeatures(sentence, i, groups, out);
  return names;
}
