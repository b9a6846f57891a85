// Which knowledge-base entities a piece of query text names. A reader searches for Lavrov, لافروف
// or سيرغي لافروف and means the person, so the parser adds the person's entity token to those words;
// this module decides when words are such a name. In order, first hit wins:
//   1. the matching key of any name, alias or demonym, as written (روسيا, الروسي, Russia, لافروف);
//   2. an Arabic transliteration variant (variantKey, confirmed letter by letter with
//      sameNameVariant as the linker does, so سيرگي لافروف is Lavrov but the skeleton alone decides nothing);
//   3. for one Latin word, a person's English surname (Lavrov, Guterres): English aliases in the
//      knowledge base are full names, and Latin queries are mostly surnames. Not done for Arabic,
//      whose last name word (بن سلمان، عبد العزيز) is no surname, and whose short forms the
//      knowledge base lists as aliases already.

import type { Entity } from '../kb/entity.ts';
import { aliasKeys } from '../kb/keys.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import { variantKey } from '../link/variant-key.ts';
import { sameNameVariant } from '../link/variant-match.ts';
import { isArabicKey, matchKey } from '../text/normalize.ts';

/** Shorter keys are particles and initials more often than names. */
const MIN_KEY_LENGTH = 3;
const LATIN_WORD = /^[a-z][a-z'-]*$/;

interface NameIndex {
  readonly byVariant: ReadonlyMap<string, readonly { readonly id: string; readonly name: string }[]>;
  readonly bySurname: ReadonlyMap<string, readonly string[]>;
}

// One index per knowledge base, built on first use: a search service parses many queries.
const indexes = new WeakMap<KnowledgeBase, NameIndex>();

function indexOf(kb: KnowledgeBase): NameIndex {
  let index = indexes.get(kb);
  if (index === undefined) {
    index = buildIndex(kb);
    indexes.set(kb, index);
  }
  return index;
}

function buildIndex(kb: KnowledgeBase): NameIndex {
  const byVariant = new Map<string, { id: string; name: string }[]>();
  const bySurname = new Map<string, string[]>();
  for (const entity of kb.all()) {
    for (const name of [entity.name.ar, ...entity.aliases.ar])
      push(byVariant, variantKey(name), { id: entity.id, name });
    if (entity.type !== 'PER') continue;
    for (const name of [entity.name.en, ...entity.aliases.en]) {
      const surname = matchKey(name).split(/\s+/).at(-1) ?? '';
      if (surname.length >= MIN_KEY_LENGTH && LATIN_WORD.test(surname)) push(bySurname, surname, entity.id);
    }
  }
  return { byVariant, bySurname };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The ids of the entities `written` names, best rule first; empty when it names none. */
export function entitiesNamed(kb: KnowledgeBase, written: string): string[] {
  const key = matchKey(written.trim()).replace(/\s+/g, ' ');
  if (key.replace(/ /g, '').length < MIN_KEY_LENGTH) return [];
  // byAliasKey also answers a name's key without its ال (خبر for الخبر, Khobar); a query word is
  // taken as the name only when written as the name is, so خبر (news) stays a word.
  const exact = kb.byAliasKey(key).filter((e) => ownNames(e).some((name) => aliasKeys(name)[0] === key));
  if (exact.length > 0) return unique(exact.map((e) => e.id));
  const index = indexOf(kb);
  if (isArabicKey(key.replace(/ /g, ''), MIN_KEY_LENGTH)) {
    const variants = (index.byVariant.get(variantKey(written)) ?? []).filter((v) =>
      sameNameVariant(v.name, written),
    );
    return unique(variants.map((v) => v.id));
  }
  return LATIN_WORD.test(key) ? [...(index.bySurname.get(key) ?? [])] : [];
}

function ownNames(e: Entity): string[] {
  return [e.name.ar, e.name.en, ...e.aliases.ar, ...e.aliases.en, ...(e.demonyms ?? [])];
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
