// A model's feature ids looked up by template and value (features.ts) instead of by name: a new
// token asks for some fifty features, and building each name (`f+1=` + a form) only to hash it and,
// most of the time, find no such feature cost more than the rest of summing its weights. Here a
// one-part feature is one lookup of the value in its template's own map, keyed by the value string
// itself, whose hash V8 keeps with the string. Features of several parts are rare per token and
// looked up by name.

import { type FeaturePart, featureName } from './features.ts';

export class FeatureIndex {
  /** Per template: feature id by the value after the first `=` of its name. */
  private readonly byTemplate = new Map<string, Map<string, number>>();

  constructor(private readonly features: ReadonlyMap<string, number>) {
    for (const [name, id] of features) {
      const eq = name.indexOf('=');
      if (eq < 0) continue;
      const template = name.slice(0, eq);
      let values = this.byTemplate.get(template);
      if (!values) {
        values = new Map();
        this.byTemplate.set(template, values);
      }
      values.set(name.slice(eq + 1), id);
    }
  }

  /** The id of the feature `featureName(template, a, b, c)`, or -1 when the model has none. */
  id(template: string, a?: FeaturePart, b?: FeaturePart, c?: FeaturePart): number {
    if (a === undefined || b !== undefined) return this.features.get(featureName(template, a, b, c)) ?? -1;
    return this.byTemplate.get(template)?.get(String(a)) ?? -1;
  }

  /** The values of `template` in the model, with their feature ids. */
  values(template: string): ReadonlyMap<string, number> {
    return this.byTemplate.get(template) ?? new Map();
  }
}
