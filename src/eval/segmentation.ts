// Word segmentation against UD Arabic-PUD: the gold splits off the clitics و ف ب ل ك س and pronoun
// suffixes but keeps the article ال on its noun, so our det segment is merged into the stem before
// comparing. A segment counts when its span in the sentence text matches the gold span exactly.

import { readFileSync } from 'node:fs';
import { type TextLayers, wordSegments } from '../core/doc.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import { type Counts, prf, type Scores } from './scores.ts';

export interface PudSentence {
  readonly id: string;
  readonly text: string;
  /** Gold syntactic words as spans of `text`. */
  readonly gold: readonly [number, number][];
}

/** Reads CoNLL-U, rebuilding each sentence's text from its word forms and SpaceAfter=No. */
export function readConllu(path: string): PudSentence[] {
  const sentences: PudSentence[] = [];
  let id = '';
  let text = '';
  let gold: [number, number][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
    else if (line.trim() === '') {
      if (gold.length > 0) sentences.push({ id, text: text.trimEnd(), gold });
      text = '';
      gold = [];
    } else if (!line.startsWith('#')) {
      const cols = line.split('\t');
      if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue; // ranges and empty nodes
      const form = cols[1]!;
      gold.push([text.length, text.length + form.length]);
      text += form + (cols[9]!.includes('SpaceAfter=No') ? '' : ' ');
    }
  }
  if (gold.length > 0) sentences.push({ id, text: text.trimEnd(), gold });
  return sentences;
}

/** Our segments in PUD's convention: clitics apart, ال joined to its noun, other tokens whole. */
function pudSegments(layers: TextLayers): [number, number][] {
  const out: [number, number][] = [];
  layers.tokens.forEach((token, i) => {
    if (!layers.words[i]) {
      out.push([token.start, token.end]);
      return;
    }
    let pendingStart = -1;
    for (const s of wordSegments(layers, i)) {
      if (s.role === 'det') {
        pendingStart = s.start;
        continue;
      }
      out.push([pendingStart >= 0 ? pendingStart : s.start, s.end]);
      pendingStart = -1;
    }
    if (pendingStart >= 0) out.push([pendingStart, token.end]);
  });
  return out;
}

/** Tokens alone, clitics attached: what a tokenizer without a clitic layer scores. */
function tokenSegments(layers: TextLayers): [number, number][] {
  return layers.tokens.map((t) => [t.start, t.end]);
}

export interface SegmentationReport {
  readonly sentences: number;
  readonly goldSegments: number;
  readonly clitics: Scores;
  readonly tokensOnly: Scores;
}

export function evaluateSegmentation(
  sentences: readonly PudSentence[],
  analyze: TextAnalyzer,
): SegmentationReport {
  const clitics: Counts = { tp: 0, predicted: 0, gold: 0 };
  const tokensOnly: Counts = { tp: 0, predicted: 0, gold: 0 };
  for (const sentence of sentences) {
    const layers = analyze(sentence.text);
    const gold = new Set(sentence.gold.map(([s, e]) => `${s}:${e}`));
    for (const [counts, spans] of [
      [clitics, pudSegments(layers)],
      [tokensOnly, tokenSegments(layers)],
    ] as const) {
      counts.gold += gold.size;
      counts.predicted += spans.length;
      for (const [s, e] of spans) if (gold.has(`${s}:${e}`)) counts.tp++;
    }
  }
  return {
    sentences: sentences.length,
    goldSegments: clitics.gold,
    clitics: prf(clitics),
    tokensOnly: prf(tokensOnly),
  };
}
