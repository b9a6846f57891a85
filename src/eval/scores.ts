// Precision, recall and F1 from counts, as every evaluation reports them.

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function prf({ tp, predicted, gold }: Counts): Scores {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const percent = (x: number) => `${(100 * x).toFixed(1)}`;
