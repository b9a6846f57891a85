// The whole names of the phrase gazetteer (src/ner/phrases.ts), as `keys joined by spaces → type
// flags`: ANETAC, ANERGazet and country names (../shared/data), and the knowledge base's Arabic names,
// aliases and demonyms (models/kb/, curated, not built from ANERcorp). Shared by
// scripts/build-gazetteer.ts and the cross-validation harness (scripts/cv-ner.ts).

import { type ListedName, readNameLists } from '../src/corpus/name-lists.ts';
import type { EntityType } from '../src/kb/entity.ts';
import { loadKnowledgeBase } from '../src/kb/knowledge-base.ts';
import { PHRASE_TYPES } from '../src/ner/phrases.ts';
import { tokenize } from '../src/text/tokens.ts';

export type PhraseSource = ListedName['source'] | 'kb' | 'demonyms';
/** Every source the harness can try. */
export const PHRASE_SOURCES: readonly PhraseSource[] = ['anetac', 'anergazet', 'countries', 'kb', 'demonyms'];
/**
 * The sources shipped: ANETAC's 67,000 one-word names (which the word flags of gazetteer.ts hold
 * already) cost 0.7 F1 in cross-validation as whole names.
 */
export const SHIPPED_PHRASE_SOURCES: readonly PhraseSource[] = ['anergazet', 'countries', 'kb'];

/** The keys of a name's tokens joined by spaces; '' when it has no word. */
export function phraseKey(name: string): string {
  const tokens = tokenize(name).filter((t) => t.norm.length > 0);
  if (!tokens.some((t) => t.kind === 'word')) return '';
  return tokens.map((t) => t.norm).join(' ');
}

export function listedPhrases(
  sources: ReadonlySet<PhraseSource> = new Set(SHIPPED_PHRASE_SOURCES),
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, flag: number) => {
    const key = phraseKey(name);
    if (key.length >= 2) out.set(key, (out.get(key) ?? 0) | flag);
  };
  const lists = new Set([...sources].filter((s) => s === 'anetac' || s === 'anergazet' || s === 'countries'));
  for (const { type, name } of readNameLists(lists as Set<ListedName['source']>))
    add(name, PHRASE_TYPES[type]);
  if (sources.has('kb') || sources.has('demonyms')) {
    for (const e of loadKnowledgeBase().all()) {
      const flag = PHRASE_TYPES[e.type as EntityType];
      if (sources.has('kb')) for (const name of [e.name.ar, ...e.aliases.ar]) if (name) add(name, flag);
      if (sources.has('demonyms')) for (const d of e.demonyms ?? []) add(d, PHRASE_TYPES.DEM);
    }
  }
  return out;
}
