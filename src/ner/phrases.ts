// Whole listed names found in a sentence: the longest run of tokens that spells a name of a list
// (ANERGazet, country names, the knowledge base's names and aliases, ANETAC), the first word allowed
// its proclitics (وب+الامم المتحدة). Each token of a match is told its place in it (B, I, L, or U for
// a one-word name) and the types the lists give the name, as the `phrase` field the tagger's
// features read (features.ts). The gazetteer flags (gazetteer.ts) say that a word occurs in some
// name; this says that the tokens around it complete one.
//
// Built by scripts/build-gazetteer.ts into models/gazetteer/phrases.tsv.gz.

import { fileURLToPath } from 'node:url';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import type { NerToken } from './features.ts';
import { tokenWith } from './token-variants.ts';

/** Type flags of a listed name. DEM: a demonym of a knowledge-base entity (روسي، الروسية). */
export const PHRASE_TYPES = { PER: 1, LOC: 2, ORG: 4, MISC: 8, DEM: 16 } as const;
export type PhraseType = keyof typeof PHRASE_TYPES;

export const PHRASES_FILE = 'phrases.tsv.gz';
const DEFAULT_DIR = fileURLToPath(new URL('../../models/gazetteer/', import.meta.url));
const REBUILD = 'rebuild it with `npm run build:gazetteer`';
const DETERMINER = 'ال';

export interface PhraseGazetteer {
  /** Type flags of the name whose words' keys are `keys`, 0 when no list has it. */
  flags(keys: readonly string[]): number;
  /** The sentence with each token of a found name replaced by its variant with `phrase` set. */
  mark(sentence: readonly NerToken[]): NerToken[];
  readonly size: number;
}

/** A gazetteer from `[keys joined by spaces, flags]` entries. */
export function phraseGazetteerFrom(entries: Iterable<readonly [string, number]>): PhraseGazetteer {
  const byPhrase = new Map<string, number>();
  /** The most words of a name beginning with this key. */
  const longest = new Map<string, number>();
  for (const [phrase, flags] of entries) {
    if (phrase.length === 0) continue;
    byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) | flags);
    const words = phrase.split(' ');
    longest.set(words[0]!, Math.max(longest.get(words[0]!) ?? 0, words.length));
  }
  const lookup = (keys: readonly string[]) => byPhrase.get(keys.join(' ')) ?? 0;
  return {
    size: byPhrase.size,
    flags: lookup,
    mark(sentence) {
      let out: NerToken[] | undefined;
      const n = sentence.length;
      for (let i = 0; i < n; ) {
        const found = matchAt(sentence, i, byPhrase, longest);
        if (!found) {
          i++;
          continue;
        }
        out ??= sentence.slice();
        const { length, flags } = found;
        for (let k = 0; k < length; k++) {
          const place = length === 1 ? 'U' : k === 0 ? 'B' : k === length - 1 ? 'L' : 'I';
          out[i + k] = tokenWith(out[i + k]!, 'phrase', `${place}${flags}`);
        }
        i += length;
      }
      return out ?? (sentence as NerToken[]);
    },
  };
}

/** The keys a token may stand for as the first word of a name: with its clitics, without, with ال kept. */
function firstKeys(t: NerToken): string[] {
  const keys = [t.key];
  if (t.form !== t.key) keys.push(t.form);
  const p = t.proclitics;
  if (p.endsWith(DETERMINER) || p.endsWith('لل')) keys.push(DETERMINER + t.form);
  return keys;
}

function matchAt(
  sentence: readonly NerToken[],
  i: number,
  byPhrase: ReadonlyMap<string, number>,
  longest: ReadonlyMap<string, number>,
): { length: number; flags: number } | undefined {
  const t = sentence[i]!;
  if (t.kind !== 'word') return undefined;
  let best: { length: number; flags: number } | undefined;
  for (const first of firstKeys(t)) {
    const most = Math.min(longest.get(first) ?? 0, sentence.length - i);
    let phrase = first;
    const candidates: string[] = [phrase];
    for (let k = 1; k < most; k++) {
      phrase += ` ${sentence[i + k]!.key}`;
      candidates.push(phrase);
    }
    for (let k = candidates.length - 1; k >= 0 && (!best || k + 1 > best.length); k--) {
      const flags = byPhrase.get(candidates[k]!);
      if (flags) {
        best = { length: k + 1, flags };
        break;
      }
    }
  }
  return best;
}

/** The text of the model file: `keys<TAB>flags` per line, sorted. */
export function serializePhrases(entries: ReadonlyMap<string, number>): string[] {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phrase, flags]) => `${phrase}\t${flags}\n`);
}

function parsePhrases(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) out.push([line.slice(0, tab), Number(line.slice(tab + 1))]);
  }
  return out;
}

export const loadPhraseGazetteer = loadOncePerFolder(DEFAULT_DIR, (dir) =>
  phraseGazetteerFrom(parsePhrases(readModelFile(dir, PHRASES_FILE, REBUILD))),
);
