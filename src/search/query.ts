// Query text → clauses. Words are stemmed by the same text layer that stemmed the index, so a query
// word matches every clitic and inflected form the light stemmer folds to its stem; a word or run of
// words that names a knowledge-base entity also matches the entity's token, OR-ed with the stems,
// so Lavrov, لافروف and سيرغي لافروف find the articles linked to him however they spell him.
// Quoted text ("…", “…”, «…») is an exact phrase of stems. Every clause must match.

import type { TextLayers } from '../core/doc.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import { entitiesNamed } from './entity-names.ts';
import { indexTerm } from './terms.ts';
import type { Alternative, Clause, NonEmpty, ParsedQuery } from './types.ts';

/** The longest run of words tried as one name (إيمانويل ماكرون, مجلس الأمن الدولي …). */
const MAX_NAME_WORDS = 5;
const QUOTED = /"([^"]*)"|“([^”]*)”|«([^»]*)»/g;

export function parseQuery(text: string, kb: KnowledgeBase, textLayer: TextAnalyzer): ParsedQuery {
  const clauses: Clause[] = [];
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    clauses.push(...looseClauses(text.slice(last, m.index), kb, textLayer));
    const phrase = m[1] ?? m[2] ?? m[3] ?? '';
    const clause = phraseClause(phrase, words(textLayer(phrase)), kb);
    if (clause) clauses.push(clause);
    last = m.index + m[0].length;
  }
  clauses.push(...looseClauses(text.slice(last), kb, textLayer));
  return { clauses };
}

interface Word {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** Index in the token list, to tell adjacent words from words with punctuation between. */
  readonly token: number;
}

/** The indexed words of the text; punctuation (a stray, unclosed quote mark too) is not one. */
function words(layers: TextLayers): Word[] {
  const out: Word[] = [];
  layers.words.forEach((shape, token) => {
    const term = shape ? indexTerm(shape.stem) : '';
    if (term !== '')
      out.push({ term, start: layers.tokens[token]!.start, end: layers.tokens[token]!.end, token });
  });
  return out;
}

/** Unquoted text: the longest runs of adjacent words that name an entity, else word by word. */
function looseClauses(text: string, kb: KnowledgeBase, textLayer: TextAnalyzer): Clause[] {
  const ws = words(textLayer(text));
  const clauses: Clause[] = [];
  for (let i = 0; i < ws.length; ) {
    let taken = 1;
    for (let n = Math.min(MAX_NAME_WORDS, ws.length - i); n >= 2; n--) {
      const run = ws.slice(i, i + n);
      if (!isNonEmpty(run) || !run.every((w, k) => k === 0 || w.token === run[k - 1]!.token + 1)) continue;
      const written = text.slice(run[0]!.start, run.at(-1)!.end);
      const ids = entitiesNamed(kb, written);
      if (ids.length === 0) continue;
      clauses.push(clauseOf(written, run, ids));
      taken = n;
      break;
    }
    if (taken === 1) {
      const w = ws[i]!;
      const written = text.slice(w.start, w.end);
      clauses.push(clauseOf(written, [w], entitiesNamed(kb, written)));
    }
    i += taken;
  }
  return clauses;
}

function phraseClause(phrase: string, ws: readonly Word[], kb: KnowledgeBase): Clause | null {
  if (!isNonEmpty(ws)) return null;
  return clauseOf(phrase.trim(), ws, entitiesNamed(kb, phrase));
}

function clauseOf(written: string, ws: NonEmpty<Word>, entityIds: readonly string[]): Clause {
  const [first, ...rest] = ws;
  const stems: NonEmpty<string> = [first.term, ...rest.map((w) => w.term)];
  const alternatives: NonEmpty<Alternative> = [
    { kind: 'stems', stems },
    ...entityIds.map((id): Alternative => ({ kind: 'entity', id })),
  ];
  return { written, alternatives };
}

function isNonEmpty<T>(list: readonly T[]): list is NonEmpty<T> {
  return list.length > 0;
}
