// What the trigger rules miss, learned: a sentence-level classifier of PLOVER types (one averaged
// perceptron per type over the sentence's stems and stem bigrams), trained on the rule coder's own
// output over news the gold set does not contain (weak labels), then asked about the sentences where
// the rules found no event of a type. An event it adds takes the sentence's word that weighs most for
// the type as its trigger, and no arguments. `marsad eval events --classifier N` measures the rules
// with and without it (README: the rules alone win on strict matches; it is not in the pipeline).

import { type Doc, type EventRecord, PLOVER_TYPES } from '../core/doc.ts';

type Sentence = { readonly start: number; readonly end: number };
const EPOCHS = 5;
const T = PLOVER_TYPES.length;

function featuresOf(doc: Doc, { start, end }: Sentence): string[] {
  const out = new Set<string>();
  let previous = '<s>';
  doc.tokens.forEach((token, i) => {
    if (token.start < start || token.end > end || token.kind !== 'word') return;
    const stem = doc.words[i]?.stem ?? token.norm;
    out.add(`s=${stem}`);
    out.add(`b=${previous}|${stem}`);
    previous = stem;
  });
  return [...out];
}

export interface WeakClassifier {
  /** The rule events of `doc` plus the events the classifier finds in sentences the rules left without one of that type. */
  withLearned(doc: Doc): EventRecord[];
}

/** Trains on analysed articles: each sentence is labelled with the types of the rule events triggered in it. */
export function trainWeakClassifier(docs: Iterable<Doc>): WeakClassifier {
  const examples: { features: string[]; types: Set<string> }[] = [];
  for (const doc of docs)
    for (const s of doc.sentences)
      examples.push({
        features: featuresOf(doc, s),
        types: new Set(
          doc.events.filter((e) => e.trigger.start >= s.start && e.trigger.end <= s.end).map((e) => e.type),
        ),
      });
  const weights = new Map<string, Float64Array>();
  const sums = new Map<string, Float64Array>();
  const row = (m: Map<string, Float64Array>, f: string) => {
    const known = m.get(f);
    if (known) return known;
    const fresh = new Float64Array(T);
    m.set(f, fresh);
    return fresh;
  };
  let step = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++)
    for (const { features, types } of examples) {
      for (let k = 0; k < T; k++) {
        let score = 0;
        for (const f of features) score += weights.get(f)?.[k] ?? 0;
        const y = types.has(PLOVER_TYPES[k]!) ? 1 : -1;
        if (y * score > 0) continue;
        for (const f of features) {
          row(weights, f)[k]! += y;
          row(sums, f)[k]! += y * step;
        }
      }
      step++;
    }
  const averaged = (f: string, k: number) => {
    const w = weights.get(f);
    return w ? w[k]! - sums.get(f)![k]! / step : 0;
  };
  return {
    withLearned(doc) {
      const learned: EventRecord[] = [];
      for (const s of doc.sentences) {
        const features = featuresOf(doc, s);
        PLOVER_TYPES.forEach((type, k) => {
          if (doc.events.some((e) => e.type === type && e.evidence.start < s.end && s.start < e.evidence.end))
            return;
          if (features.reduce((sum, f) => sum + averaged(f, k), 0) <= 0) return;
          let trigger: { start: number; end: number } | undefined;
          let best = Number.NEGATIVE_INFINITY;
          doc.tokens.forEach((token, i) => {
            if (token.start < s.start || token.end > s.end || token.kind !== 'word') return;
            const w = averaged(`s=${doc.words[i]?.stem ?? token.norm}`, k);
            if (w > best) [best, trigger] = [w, { start: token.start, end: token.end }];
          });
          if (trigger)
            learned.push({
              id: `${doc.article.id}:learned${learned.length + 1}`,
              type,
              context: [],
              actors: [],
              recipients: [],
              evidence: { start: s.start, end: s.end },
              trigger,
              confidence: 0.3,
            });
        });
      }
      return [...doc.events, ...learned];
    },
  };
}
