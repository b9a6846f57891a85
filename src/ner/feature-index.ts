// The feature ids of one or more models looked up by template and value (features.ts) instead of by
// name: a new token asks for some fifty features, and building each name (`f+1=` + a form) only to
// hash it and, most of the time, find no such feature cost more than the rest of summing its
// weights. Here a one-part feature is one lookup of the value in its template's own map, keyed by the
// value string itself, whose hash V8 keeps with the string (by the number itself for a number, which
// spares making its string). Features of several parts are rare per token and looked up by name.
//
// The models are indexed together: the tagger's two share most of their features, and one lookup
// then serves both (emissions.ts). A lookup gives an entry; `ids[m][entry]` is model m's id, -1 when
// only other models have the feature.

import { type FeaturePart, featureName } from './features.ts';

export class FeatureIndex {
  /** Model m's feature id of each entry, or -1. */
  readonly ids: readonly Int32Array[];
  private readonly byName = new Map<string, number>();
  /** Per template: entry by the value after the first `=` of its name. */
  private readonly byTemplate = new Map<string, Map<string, number>>();
  /** Per template: entry by the value read as a number, for the values a number prints as. */
  private readonly byNumber = new Map<string, Map<number, number>>();

  constructor(models: readonly ReadonlyMap<string, number>[]) {
    for (const features of models)
      for (const name of features.keys()) {
        if (this.byName.has(name)) continue;
        const entry = this.byName.size;
        this.byName.set(name, entry);
        const eq = name.indexOf('=');
        if (eq < 0) continue;
        const template = name.slice(0, eq);
        const value = name.slice(eq + 1);
        let values = this.byTemplate.get(template);
        let numbers = this.byNumber.get(template);
        if (!values || !numbers) {
          values = new Map();
          numbers = new Map();
          this.byTemplate.set(template, values);
          this.byNumber.set(template, numbers);
        }
        values.set(value, entry);
        const number = Number(value);
        if (String(number) === value) numbers.set(number, entry);
      }
    this.ids = models.map((features) => {
      const ids = new Int32Array(this.byName.size).fill(-1);
      for (const [name, id] of features) ids[this.byName.get(name)!] = id;
      return ids;
    });
  }

  /** The entry of the feature `featureName(template, a, b, c)`, or -1 when no model has it. */
  entry(template: string, a?: FeaturePart, b?: FeaturePart, c?: FeaturePart): number {
    if (a === undefined || b !== undefined) return this.byName.get(featureName(template, a, b, c)) ?? -1;
    // String(a) of a number is the text the map holds it by only where `byNumber` has it.
    if (typeof a === 'number') return this.byNumber.get(template)?.get(a) ?? -1;
    return this.byTemplate.get(template)?.get(String(a)) ?? -1;
  }

  /** The values of `template` in any model, with their entries. */
  values(template: string): ReadonlyMap<string, number> {
    return this.byTemplate.get(template) ?? new Map();
  }
}
