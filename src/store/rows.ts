// An article to save as the rows of every table, and stored rows back as the interface's types.
// Pure and shared by the adapters: keys are the column names, values what both databases bind
// (text, numbers, null; no undefined, no booleans), so each adapter only supplies its SQL.

import type { Auxiliary, Doc, EntityRef, EntityType, EventRecord, PloverType } from '../core/doc.ts';
import { fromStoredAnalysis, toStoredAnalysis } from '../pipeline/stored-analysis.ts';
import { buildSearchDocument, type SearchDocument } from '../search/index-document.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import type { PreparedArticle, SaveArticleInput, StoredArticle } from './repository.ts';
import { simhashBands, simhashFromHex, simhashToHex } from './simhash.ts';

export interface ArticleRow {
  readonly id: string;
  readonly content_hash: string;
  readonly language: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly text: string;
  readonly simhash: string | null;
  readonly duplicate_of: string | null;
  readonly analysis: string;
  readonly added_at: string;
}

export interface EntityRow {
  readonly id: string;
  readonly type: EntityType;
  readonly name_ar: string;
  readonly name_en: string | null;
  readonly kind: string | null;
  readonly country: string | null;
  readonly wikidata: string | null;
  readonly geonames: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly provisional: 0 | 1;
}

/** An events row; its actors and recipients are event_participants rows. */
export interface EventRow {
  readonly id: string;
  readonly article_id: string;
  readonly type: PloverType;
  readonly mode: string | null;
  /** The context list as JSON. */
  readonly context: string;
  readonly auxiliary: Auxiliary | null;
  readonly location_id: string | null;
  readonly event_date: string | null;
  /** The day the event is counted on and listed by: event_date, else its article's published_at. */
  readonly day: string | null;
  readonly fatalities: number | null;
  readonly injured: number | null;
  readonly evidence_start: number;
  readonly evidence_end: number;
  readonly trigger_start: number;
  readonly trigger_end: number;
  readonly confidence: number;
}

export interface ArticleRecords {
  readonly article: ArticleRow;
  readonly bands: readonly { band: number; value: number; article_id: string }[];
  readonly entities: readonly EntityRow[];
  /** With the article's published_at, so that an entity's articles are read newest first from one index. */
  readonly articleEntities: readonly {
    article_id: string;
    entity_id: string;
    mentions: number;
    published_at: string | null;
  }[];
  readonly mentions: readonly Record<string, string | number | null>[];
  readonly events: readonly EventRow[];
  readonly participants: readonly {
    event_id: string;
    role: 'actor' | 'recipient';
    seq: number;
    entity_id: string;
  }[];
  readonly quotes: readonly Record<string, string | number | null>[];
  readonly search: SearchDocument & { readonly article_id: string };
}

/**
 * The stored analysis and search document of an analysed article, as `articleRecords` and the
 * adapters would build them: an ingest worker builds them beside the analysis, so that the one
 * thread that writes does not (they were most of its work per article besides SQLite's own).
 */
export function prepareArticle(doc: Doc, textLayer: TextAnalyzer): PreparedArticle {
  return { analysis: toStoredAnalysis(doc), search: buildSearchDocument(doc, textLayer) };
}

export function articleRecords(
  input: SaveArticleInput,
  search: SearchDocument,
  addedAt: string,
): ArticleRecords {
  const { doc } = input;
  const id = doc.article.id;
  const publishedAt = doc.article.publishedAt ?? null;
  return {
    article: {
      id,
      content_hash: input.contentHash,
      language: input.language,
      source: input.source ?? null,
      url: input.url ?? null,
      title: doc.article.title ?? null,
      published_at: publishedAt,
      text: doc.article.text,
      simhash: input.simhash === undefined ? null : simhashToHex(input.simhash),
      duplicate_of: input.duplicateOf ?? null,
      analysis: input.prepared?.analysis ?? toStoredAnalysis(doc),
      added_at: addedAt,
    },
    bands:
      input.simhash === undefined
        ? []
        : simhashBands(input.simhash).map((value, band) => ({ band, value, article_id: id })),
    entities: doc.entities.map(entityRow),
    articleEntities: mentionCounts(doc).map(([entity_id, mentions]) => ({
      article_id: id,
      entity_id,
      mentions,
      published_at: publishedAt,
    })),
    mentions: doc.mentions.map((m, seq) => ({
      article_id: id,
      seq,
      start_pos: m.start,
      end_pos: m.end,
      text: m.text,
      type: m.type,
      entity_id: m.entity,
      via: m.via ?? null,
    })),
    events: doc.events.map((e) => ({
      id: e.id,
      article_id: id,
      type: e.type,
      mode: e.mode ?? null,
      context: JSON.stringify(e.context),
      auxiliary: e.auxiliary ?? null,
      location_id: e.location ?? null,
      event_date: e.date ?? null,
      day: e.date ?? publishedAt,
      fatalities: e.fatalities ?? null,
      injured: e.injured ?? null,
      evidence_start: e.evidence.start,
      evidence_end: e.evidence.end,
      trigger_start: e.trigger.start,
      trigger_end: e.trigger.end,
      confidence: e.confidence,
    })),
    participants: doc.events.flatMap((e) => [
      ...e.actors.map((entity_id, seq) => ({ event_id: e.id, role: 'actor' as const, seq, entity_id })),
      ...e.recipients.map((entity_id, seq) => ({
        event_id: e.id,
        role: 'recipient' as const,
        seq,
        entity_id,
      })),
    ]),
    quotes: doc.quotes.map((q, seq) => ({
      article_id: id,
      seq,
      start_pos: q.start,
      end_pos: q.end,
      speaker_id: q.speaker,
      kind: q.kind,
      cue_start: q.cue.start,
      cue_end: q.cue.end,
    })),
    search: { article_id: id, ...search },
  };
}

/** Every linked entity of the article with its number of mentions (0 if the doc lists it unmentioned). */
function mentionCounts(doc: Doc): [string, number][] {
  const counts = new Map(doc.entities.map((e) => [e.id, 0]));
  for (const m of doc.mentions) if (m.entity !== null) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return [...counts];
}

function entityRow(e: EntityRef): EntityRow {
  return {
    id: e.id,
    type: e.type,
    name_ar: e.name.ar,
    name_en: e.name.en,
    kind: e.kind ?? null,
    country: e.country ?? null,
    wikidata: e.wikidata ?? null,
    geonames: e.geonames ?? null,
    lat: e.lat ?? null,
    lon: e.lon ?? null,
    provisional: e.provisional ? 1 : 0,
  };
}

/** A stored entity row as the pipeline's EntityRef: absent fields stay absent, not null. */
export function entityFromRow(row: EntityRow): EntityRef {
  return {
    id: row.id,
    type: row.type,
    name: { ar: row.name_ar, en: row.name_en },
    ...(row.kind !== null && { kind: row.kind }),
    ...(row.country !== null && { country: row.country }),
    ...(row.wikidata !== null && { wikidata: row.wikidata }),
    ...(row.geonames !== null && { geonames: row.geonames }),
    ...(row.lat !== null && { lat: row.lat }),
    ...(row.lon !== null && { lon: row.lon }),
    ...(row.provisional === 1 && { provisional: true as const }),
  };
}

/** A stored event as the pipeline's EventRecord, with its arguments in seq order: absent fields stay absent. */
export function eventFromRow(
  row: EventRow,
  actors: readonly string[],
  recipients: readonly string[],
): EventRecord {
  return {
    id: row.id,
    type: row.type,
    ...(row.mode !== null && { mode: row.mode }),
    context: JSON.parse(row.context) as string[],
    ...(row.auxiliary !== null && { auxiliary: row.auxiliary }),
    actors,
    recipients,
    ...(row.location_id !== null && { location: row.location_id }),
    ...(row.event_date !== null && { date: row.event_date }),
    ...(row.fatalities !== null && { fatalities: row.fatalities }),
    ...(row.injured !== null && { injured: row.injured }),
    evidence: { start: row.evidence_start, end: row.evidence_end },
    trigger: { start: row.trigger_start, end: row.trigger_end },
    confidence: row.confidence,
  };
}

export function storedArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    contentHash: row.content_hash,
    language: row.language,
    source: row.source,
    url: row.url,
    simhash: row.simhash === null ? null : simhashFromHex(row.simhash),
    duplicateOf: row.duplicate_of,
    addedAt: row.added_at,
    analysis: fromStoredAnalysis(row.analysis, row.text),
  };
}
