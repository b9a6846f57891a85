// Finds the knowledge base's Arabic names in a text, token by token: the longest name that starts at
// each token wins (رابطة الدول المستقلة before الدول). The first word may carry proclitics
// (لروسيا، والأمم، للأمم المتحدة), which are left outside the span. The tagger misses names it
// never saw and cuts long ones short; a curated name list does neither, so these spans are the
// first evidence the linker weighs.

import { BoundedMap } from '../core/bounded-map.ts';
import type { Token } from '../core/doc.ts';
import type { Entity } from '../kb/entity.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import { tokenize } from '../text/tokens.ts';
import { readingFilter, readingsWithoutProclitics } from './proclitics.ts';
import { offsetAfterLetters } from './surface.ts';

export interface Spot {
  /** First token and one past the last. */
  readonly first: number;
  readonly end: number;
  /** Character span of the name, proclitics of the first word left out. */
  readonly start: number;
  readonly stop: number;
  /** The name as written, proclitics left out. */
  readonly text: string;
  /** Entities one of whose names is written so, best first (see rank). */
  readonly entities: readonly Entity[];
}

/** Kinds a bare, unqualified name most often means when several entities share it. */
const KIND_ORDER: readonly Entity['kind'][] = [
  'country',
  'organisation',
  'body',
  'person',
  'former_country',
  'government',
  'group',
  'city',
  'region',
  'water',
  'currency',
];

/** Several entities written alike: countries before their namesake capitals, big cities before small. */
export function rank(entities: readonly Entity[]): Entity[] {
  return [...entities].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (b.population ?? 0) - (a.population ?? 0) ||
      (a.id < b.id ? -1 : 1),
  );
}

interface NameEntry {
  readonly keys: readonly string[];
  readonly entities: Entity[];
}

/** The Arabic names and aliases of an entity: what the spotter looks for by default. */
export const arabicNames = (entity: Entity): readonly string[] => [entity.name.ar, ...entity.aliases.ar];

/** The names `namesOf` gives for every entity of the knowledge base, by the key of their first word. */
function indexNames(
  kb: KnowledgeBase,
  namesOf: (entity: Entity) => readonly string[],
): Map<string, NameEntry[]> {
  const byFirst = new Map<string, Map<string, NameEntry>>();
  for (const entity of kb.all()) {
    for (const name of namesOf(entity)) {
      const keys = tokenize(name)
        .filter((t) => t.kind !== 'punct')
        .map((t) => t.norm);
      if (keys.length === 0) continue;
      const entries = byFirst.get(keys[0]!) ?? new Map<string, NameEntry>();
      byFirst.set(keys[0]!, entries);
      const joined = keys.join(' ');
      const entry = entries.get(joined) ?? { keys, entities: [] };
      if (!entry.entities.includes(entity)) entry.entities.push(entity);
      entries.set(joined, entry);
    }
  }
  // Longest names first, so the first match at a token is the longest.
  return new Map(
    [...byFirst].map(([first, entries]) => [
      first,
      [...entries.values()].sort((a, b) => b.keys.length - a.keys.length),
    ]),
  );
}

export type Spotter = (text: string, tokens: readonly Token[]) => Spot[];

/** The names a word may begin, by reading: each reading's proclitic letters and the names under its key. */
type Candidates = readonly { readonly letters: number; readonly entries: readonly NameEntry[] }[];

const NO_CANDIDATES: Candidates = Object.freeze([]);
/** Above this many distinct words the candidates cache starts afresh. */
const CACHE_LIMIT = 50_000;

/** A spotter for the names `namesOf` gives (the Arabic names and aliases unless told otherwise). */
export function createSpotter(kb: KnowledgeBase, namesOf = arabicNames): Spotter {
  const index = indexNames(kb, namesOf);
  // Every word token asks, with each of its readings: remembered per word, most words begin no name.
  const known = new BoundedMap<string, Candidates>(CACHE_LIMIT);
  // Most words begin no name: the filter turns them away before the cache.
  const filter = readingFilter(index.keys());
  const candidatesOf = (norm: string): Candidates => {
    if (!filter.mayMatch(norm)) return NO_CANDIDATES;
    let candidates = known.get(norm);
    if (!candidates) {
      const found = readingsWithoutProclitics(norm).flatMap(({ key, letters }) => {
        const entries = index.get(key);
        return entries ? [{ letters, entries }] : [];
      });
      candidates = known.set(norm, found.length > 0 ? found : NO_CANDIDATES);
    }
    return candidates;
  };
  return (text, tokens) => {
    const spots: Spot[] = [];
    for (let i = 0; i < tokens.length; ) {
      const spot = longestAt(text, tokens, i, candidatesOf);
      if (spot) {
        spots.push(spot);
        i = spot.end;
      } else i++;
    }
    return spots;
  };
}

function longestAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  candidatesOf: (norm: string) => Candidates,
): Spot | undefined {
  const token = tokens[i]!;
  if (token.kind !== 'word') return undefined;
  const candidates = candidatesOf(token.norm);
  // Most words begin no name: for-of over the shared (frozen) empty list made an iterator result a
  // word, which the heap profiler counted at 35 KB an article.
  if (candidates.length === 0) return undefined;
  let best: { entry: NameEntry; letters: number } | undefined;
  for (const { letters, entries } of candidates) {
    for (const entry of entries) {
      if (best && best.entry.keys.length >= entry.keys.length) break;
      if (entry.keys.every((key, k) => k === 0 || tokens[i + k]?.norm === key)) {
        best = { entry, letters };
        break;
      }
    }
  }
  if (!best) return undefined;
  const end = i + best.entry.keys.length;
  const start = offsetAfterLetters(text, token.start, token.end, best.letters);
  const stop = tokens[end - 1]!.end;
  return {
    first: i,
    end,
    start,
    stop,
    text: text.slice(start, stop),
    entities: rank(best.entry.entities),
  };
}
