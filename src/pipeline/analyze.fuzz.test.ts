// The analyzer on any string at all: it never throws, every span it reports lies inside the text
// (contract-check.ts), its JSON survives a trip through text and back, and no case takes longer
// than the per-case budget. Inputs: src/core/fuzz-arbitraries.ts.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  anyString,
  fuzzParameters,
  hostileText,
  hugeText,
  NEWS_WORDS,
  withinBudget,
} from '../core/fuzz-arbitraries.ts';
import { createAnalyzer } from './analyze.ts';
import { fromAnalysisJson, toAnalysisJson } from './contract.ts';
import { contractViolations } from './contract-check.ts';

const analyze = createAnalyzer();

/** Analyses `text` within the budget and checks everything that must hold of the result. */
function analyzeAndCheck(text: string, publishedAt?: string): void {
  const doc = withinBudget(`analysing ${text.length} characters`, () =>
    analyze({ text, ...(publishedAt ? { publishedAt } : {}) }),
  );
  const json = toAnalysisJson(doc);
  assert.deepEqual(contractViolations(json), []);
  const wire = JSON.stringify(json);
  const back = toAnalysisJson(fromAnalysisJson(JSON.parse(wire)));
  assert.equal(JSON.stringify(back), wire, 'the analysis JSON round-trips through fromAnalysisJson');
}

describe('fuzz: the analyzer', () => {
  test('fuzz: news-like text with marks, tatweel, bidi and zero-width characters, three digit sets', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.option(fc.constantFrom('2024-04-12', '2000-02-29', '1999-12-31')),
        (text, date) => analyzeAndCheck(text, date ?? undefined),
      ),
      fuzzParameters(),
    );
  });

  test('fuzz: any code points, lone surrogates and controls', () => {
    fc.assert(
      fc.property(anyString, (text) => analyzeAndCheck(text)),
      fuzzParameters(),
    );
  });

  test('fuzz: huge tokens, thousands of newlines or controls, numbers thousands of digits long', () => {
    fc.assert(
      fc.property(hugeText, (text) => analyzeAndCheck(text)),
      fuzzParameters(0.1),
    );
  });

  test('fuzz: news words in any order, joined by one hostile separator', () => {
    const separator = fc.constantFrom(' ', '\u200f', '\u0640', '\u200c', '\u2067', '،', '\n', '');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NEWS_WORDS), { maxLength: 80, size: 'large' }),
        separator,
        (words, sep) => analyzeAndCheck(words.join(sep)),
      ),
      fuzzParameters(),
    );
  });
});
