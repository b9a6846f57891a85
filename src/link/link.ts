// Entity linking: every name in an article to one canonical entity. The evidence, strongest first:
//   1. knowledge-base names spotted in the text (spot.ts) — they also mend the tagger's spans;
//   2. the tagger's mentions, by alias key and then by transliteration-variant key (variant-key.ts);
//   3. office phrases (roles.ts) resolved to the holder on the article's date, or to the name
//      standing right after them; demonyms (الروسي → Russia); a capital with الرسمية for its state;
//   4. coreference inside the article (coref.ts): surnames to full names, الوزير to the salient
//      minister; what is still unknown becomes a provisional entity whose id comes from its variant
//      key, so the same name written another way in another article gets the same id.

import { createHash } from 'node:crypto';
import {
  type Doc,
  type EntityRef,
  type EntityType,
  type LinkVia,
  type Mention,
  type Token,
  wordSegments,
} from '../core/doc.ts';
import { RangeCover } from '../core/span-index.ts';
import { type Entity, toEntityRef } from '../kb/entity.ts';
import { aliasKeys } from '../kb/keys.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import { matchKey } from '../text/normalize.ts';
import { resolveCoreference } from './coref.ts';
import { placedCandidate } from './placement.ts';
import { readingsWithoutProclitics } from './proclitics.ts';
import { findOfficePhrases, type OfficePhrase } from './roles.ts';
import { createSpotter, rank, type Spot } from './spot.ts';
import { variantKey } from './variant-key.ts';
import { sameNameVariant } from './variant-match.ts';

/** A mention on its way through the linker: token range, span, and what it is tied to so far. */
export interface Draft {
  readonly first: number;
  readonly end: number;
  readonly start: number;
  readonly stop: number;
  type: EntityType;
  entity: Entity | null;
  /** Set for mentions tied to a provisional entity or by coreference. */
  provisional?: string | undefined;
  via: LinkVia | null;
  /** Set on office phrases: the office and state they name. */
  office?: OfficePhrase;
}

export interface Linked {
  readonly mentions: Mention[];
  readonly entities: EntityRef[];
}

type LinkInput = Pick<Doc, 'article' | 'tokens' | 'words' | 'mentions'>;

/** Single-word names of these kinds are taken even where the tagger saw no name: few words spell them. */
const DISTINCT_KINDS = new Set<Entity['kind']>(['country', 'former_country']);
/** A capital followed by this word stands for its state's government (يريفان الرسمية). */
const OFFICIAL = 'الرسميه';
const CONJUNCTION_OR_PREPOSITION = new Set(['conj', 'prep']);

export interface LinkerOptions {
  /** Whether the name lists know a word key as part of a name (the lexicon's isName). */
  readonly isName?: (key: string) => boolean;
}

/** Kinds whose single-word names are taken when the name lists know the word as a name (البريكس، الناتو). */
const ORGANISATION_KINDS = new Set<Entity['kind']>(['organisation', 'body', 'group', 'government']);

export function createLinker(kb: KnowledgeBase, options: LinkerOptions = {}) {
  const isName = options.isName ?? (() => false);
  /** A single word that needs no tagger to back it: a country, or an organisation the name lists know. */
  const standsAlone = (s: Spot) => {
    const entity = s.entities[0]!;
    if (DISTINCT_KINDS.has(entity.kind)) return true;
    const key = matchKey(s.text);
    return ORGANISATION_KINDS.has(entity.kind) && (isName(key) || isName(key.replace(/^ال/, '')));
  };
  const spotNames = createSpotter(kb);
  const spotDemonyms = createSpotter(kb, (e) => e.demonyms ?? []);
  const byVariant = variantIndex(kb);

  return (doc: LinkInput): Linked => {
    const { text } = doc.article;
    const ner = doc.mentions.map((m) => ({ m, first: tokenStart(doc, m.start), end: tokenEnd(doc, m.end) }));
    const nerCover = new RangeCover(doc.tokens.length, ner);
    const overlapsNer = (s: Spot) => nerCover.overlaps(s.first, s.end);
    const found = spotNames(text, doc.tokens);
    const nested: Spot[] = [];
    const spots = found.filter((s) => s.end - s.first > 1 || standsAlone(s) || overlapsNer(s));
    // One sense per article: a single word the tagger passed over is still the name the article
    // spells out elsewhere (الكومنولث after رابطة الدول المستقلة, الكومنولث).
    const confirmed = new Set(spots.flatMap((s) => s.entities));
    const taken = new Set(spots);
    for (const s of found)
      if (!taken.has(s) && s.entities.some((e) => confirmed.has(e)))
        spots.push({ ...s, entities: s.entities.filter((e) => confirmed.has(e)) });
    // Names inside names: the CIS inside the CIS Council of Foreign Ministers.
    for (const outer of spots.filter((s) => s.end - s.first > 1))
      for (const inner of spotNames(text, doc.tokens.slice(outer.first + 1, outer.end)))
        nested.push({ ...inner, first: inner.first + outer.first + 1, end: inner.end + outer.first + 1 });
    const unambiguous = new Set(spots.filter((s) => s.entities.length === 1).map((s) => s.entities[0]!.id));
    const demonyms = spotDemonyms(text, doc.tokens);
    const demonymAt = new Map(demonyms.map((s) => [s.first, s]));
    /** Countries a demonym right before or after the name points to (العاصمة الأردنية عمان, حلب السورية). */
    const countriesBeside = (s: Spot) =>
      [demonymAt.get(s.first - 1), demonymAt.get(s.end)].flatMap((d) => (d ? [d.entities[0]!.id] : []));

    const drafts: Draft[] = [...spots, ...nested].map((s) => {
      const entity =
        placedCandidate(s.entities, text.slice(s.start, s.stop), countriesBeside(s)) ??
        s.entities.find((e) => unambiguous.has(e.id)) ??
        s.entities[0]!;
      const via = viaName(entity, text.slice(s.start, s.stop));
      return { first: s.first, end: s.end, start: s.start, stop: s.stop, type: entity.type, entity, via };
    });
    const spotCover = new RangeCover(doc.tokens.length, spots);
    for (const { m, first, end } of ner) {
      if (spotCover.overlaps(first, end)) continue;
      const start = trimProclitics(doc, first, m.start);
      const written = text.slice(start, m.end);
      const entity = lookUp(kb, byVariant, written, m.type);
      drafts.push({
        first,
        end,
        start,
        stop: m.end,
        type: entity?.type ?? m.type,
        entity,
        via: entity && 'alias',
      });
    }

    const countryAt = new Map(
      drafts.filter((d) => d.entity && DISTINCT_KINDS.has(d.entity.kind)).map((d) => [d.first, d]),
    );
    const named = new Uint8Array(doc.tokens.length);
    for (const d of drafts) named.fill(1, d.first, d.end);
    for (const s of demonyms) {
      if (named.subarray(s.first, s.end).includes(1)) continue;
      named.fill(1, s.first, s.end);
      const { first, end, start, stop } = s;
      drafts.push({ first, end, start, stop, type: 'LOC', entity: s.entities[0]!, via: 'demonym' });
    }
    const offices = findOfficePhrases(text, doc.tokens, {
      demonym: (i) => demonymAt.get(i)?.entities[0]?.id,
      country: (i) => {
        const d = countryAt.get(i);
        return d?.entity ? { id: d.entity.id, end: d.end } : undefined;
      },
    });
    for (const office of offices) {
      const holders = doc.article.publishedAt
        ? kb.holders(office.role, office.of, doc.article.publishedAt)
        : [];
      const entity = holders.length === 1 ? holders[0]! : null;
      const { first, end, start, stop } = office;
      drafts.push({ first, end, start, stop, type: 'PER', entity, via: entity && 'role', office });
    }
    for (const d of drafts) {
      standForState(kb, doc, d);
      typeByHeadNoun(doc, d);
    }

    const ordered = drafts.sort((a, b) => a.start - b.start || b.stop - a.stop);
    resolveCoreference(ordered, text, doc.tokens, provisionalId);
    for (const d of ordered) adoptCuratedMerge(kb, d);
    return output(text, ordered);
  };
}

/** A mention's first token: the first that starts at `start` or after it. */
const tokenStart = (doc: LinkInput, start: number) => firstTokenWhere(doc, (t) => t.start >= start);

/** One past the token where a mention ending at `end` ends: the first token ending at or after it. */
const tokenEnd = (doc: LinkInput, end: number) =>
  Math.min(
    firstTokenWhere(doc, (t) => t.end >= end),
    doc.tokens.length - 1,
  ) + 1;

/** The first token for which `reached` holds, where it holds for every token after it too (binary search). */
function firstTokenWhere(doc: LinkInput, reached: (t: Token) => boolean): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(doc.tokens[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The mention's start past a leading conjunction or preposition (ومناتساكان → مناتساكان). */
function trimProclitics(doc: LinkInput, first: number, start: number): number {
  const segments = wordSegments(doc, first);
  const name = segments.find((s) => !CONJUNCTION_OR_PREPOSITION.has(s.role));
  return name && name.start > start && doc.tokens[first]!.end - name.start >= 2 ? name.start : start;
}

function viaName(entity: Entity, written: string): LinkVia {
  const key = matchKey(written);
  return aliasKeys(entity.name.ar).includes(key) ? 'name' : 'alias';
}

/** Entities of the knowledge base by the variant key of each Arabic name and alias. */
function variantIndex(kb: KnowledgeBase): Map<string, Entity[]> {
  const index = new Map<string, Entity[]>();
  for (const entity of kb.all())
    for (const name of [entity.name.ar, ...entity.aliases.ar]) {
      const key = variantKey(name);
      const list = index.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      index.set(key, list);
    }
  return index;
}

/** A tagger mention's entity: an exact alias of any type, else a variant spelling of the tagger's type. */
function lookUp(
  kb: KnowledgeBase,
  byVariant: ReadonlyMap<string, readonly Entity[]>,
  written: string,
  type: EntityType,
): Entity | null {
  const exact = rank(kb.byAliasKey(matchKey(written)).filter((e) => !(e.demonyms ?? []).includes(written)));
  if (exact.length > 0) return exact[0]!;
  const variants = (byVariant.get(variantKey(written)) ?? []).filter(
    (e) => e.type === type && [e.name.ar, ...e.aliases.ar].some((name) => sameNameVariant(name, written)),
  );
  return rank(variants)[0] ?? null;
}

/** A capital followed by الرسمية is its state acting (يريفان الرسمية → Armenia). */
function standForState(kb: KnowledgeBase, doc: LinkInput, d: Draft): void {
  const city = d.entity;
  if (city?.kind !== 'city' || doc.tokens[d.end]?.norm !== OFFICIAL || !city.country) return;
  const state = kb.get(city.country);
  if (state?.capital !== city.id) return;
  d.entity = state;
  d.type = state.type;
  d.via = 'metonym';
}

/** Nouns that head an organisation's name when the name follows in quotes: شركة «أرامكو», نظام الدفع “مير”. */
const ORGANISATION_HEADS = new Set([
  'نظام',
  'شركه',
  'مجموعه',
  'وكاله',
  'صحيفه',
  'قناه',
  'حزب',
  'حركه',
  'منظمه',
  'بنك',
  'مصرف',
  'جمعيه',
  'موسسه',
  'اتحاد',
  'نادي',
  'فريق',
  'مجله',
  'موقع',
  'تطبيق',
  'منصه',
  'برنامج',
]);
const OPENING_QUOTES = new Set(['"', '“', '«', "'", '‘']);
/** How many words before the opening quote the head noun may stand (نظام الدفع الروسي “مير”). */
const HEAD_WINDOW = 3;

/** A name the knowledge base lacks, quoted after an organisation noun, is an organisation whatever the tagger said. */
function typeByHeadNoun(doc: LinkInput, d: Draft): void {
  if (d.entity || d.office) return;
  const quote = doc.tokens[d.first - 1];
  if (!quote || !OPENING_QUOTES.has(doc.article.text.slice(quote.start, quote.end))) return;
  for (let i = d.first - 2, words = 0; i >= 0 && words < HEAD_WINDOW; i--) {
    const token = doc.tokens[i]!;
    if (token.kind !== 'word') return;
    words++;
    const readings = readingsWithoutProclitics(token.norm).map((r) => r.key.replace(/^ال/, ''));
    if (readings.some((key) => ORGANISATION_HEADS.has(key))) {
      d.type = 'ORG';
      return;
    }
  }
}

/** A provisional entity an analyst merged into a known one (marsad kb merge) is that one. */
function adoptCuratedMerge(kb: KnowledgeBase, d: Draft): void {
  if (d.provisional === undefined) return;
  const merged = kb.get(kb.resolve(d.provisional));
  if (!merged) return;
  d.entity = merged;
  d.provisional = undefined;
}

/** A provisional entity's id: the same for every spelling the variant key folds together. */
function provisionalId(type: EntityType, name: string): string {
  const hash = createHash('sha256')
    .update(`${type}\t${variantKey(name)}`)
    .digest('hex');
  return `new:${type.toLowerCase()}:${hash.slice(0, 12)}`;
}

function output(text: string, drafts: readonly Draft[]): Linked {
  const entities = new Map<string, EntityRef>();
  const mentions = drafts.map((d): Mention => {
    const written = text.slice(d.start, d.stop);
    const id = d.entity?.id ?? d.provisional ?? null;
    if (d.entity && !entities.has(d.entity.id)) entities.set(d.entity.id, toEntityRef(d.entity));
    if (!d.entity && d.provisional) {
      const known = entities.get(d.provisional);
      // A provisional entity is named by its longest mention.
      if (!known || known.name.ar.length < written.length)
        entities.set(d.provisional, {
          id: d.provisional,
          type: d.type,
          name: { ar: written, en: null },
          provisional: true,
        });
    }
    return {
      start: d.start,
      end: d.stop,
      text: written,
      type: d.type,
      entity: id,
      ...(id !== null && d.via ? { via: d.via } : {}),
    };
  });
  return { mentions, entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}
