// A GDELT-like table, one row per story (so one real event is one row, however many outlets carried
// it), as TSV or CSV. Columns, in order:
//
//   id                   story id (an event's own id for plain events)
//   date                 YYYY-MM-DD, or YYYY-MM / YYYY when the text says no more; empty when undated
//   date_precision       day | month | year
//   type, mode           PLOVER type and mode
//   auxiliary            future | negated | historical | hypothetical; empty for an event that happened
//   context              PLOVER contexts
//   quad_class           1–4 and its name in quad_name (scales.ts)
//   intensity            −10…+10, PLOVER's Goldstein-like score for the type and mode (scales.ts)
//   actor_ids            entity ids (country:ru, per:sergey-lavrov, new:per:…)
//   actor_names          English name, else Arabic
//   actor_countries      the country id of each actor (its own for a country), empty when unknown
//   recipient_ids, recipient_names, recipient_countries: the same for recipients
//   location_id, location_name, location_lat, location_lon
//   fatalities, injured  the highest toll any report gives
//   num_reports          how many articles report the story
//   sources              each report's URL, or its article id when it has none
//   publications         the sources (agencies, papers) named for the reports
//   confidence           0–1 (stories.ts)
//   evidence             the evidence sentence of the lead report (the first with its text)
//
// Lists hold their items separated by `|` (the knowledge-base tables' convention; a URL cannot contain
// an unencoded `|`), and the three actor lists, like the recipient ones, are parallel: the n-th name
// and country belong to the n-th id. Numbers are written as JavaScript writes them (−9.5, 53.9).
//
// CSV follows RFC 4180: a field holding a comma, a double quote, CR or LF is put in double quotes
// with its quotes doubled; records end with CRLF. TSV cannot quote, so a field escapes its backslashes,
// tabs, line feeds and carriage returns as \\ \t \n \r (as PostgreSQL COPY and most TSV readers
// expect); records end with LF. Both start with the header row.

import type { EntityRef } from '../../core/doc.ts';
import type { Story } from '../stories.ts';
import { intensity, QUAD_CLASS, QUAD_NAMES } from './scales.ts';
import {
  asStories,
  countryOf,
  datePrecision,
  displayName,
  type Entities,
  type Exportable,
  entityIndex,
  leadReport,
} from './shared.ts';

export const COLUMNS = [
  'id',
  'date',
  'date_precision',
  'type',
  'mode',
  'auxiliary',
  'context',
  'quad_class',
  'quad_name',
  'intensity',
  'actor_ids',
  'actor_names',
  'actor_countries',
  'recipient_ids',
  'recipient_names',
  'recipient_countries',
  'location_id',
  'location_name',
  'location_lat',
  'location_lon',
  'fatalities',
  'injured',
  'num_reports',
  'sources',
  'publications',
  'confidence',
  'evidence',
] as const;

export type Column = (typeof COLUMNS)[number];

const LIST = '|';

/** The table as cells: one row per story, in COLUMNS order. */
export function storyRows(items: readonly Exportable[], entities: Entities): string[][] {
  const byId = entityIndex(entities);
  return asStories(items).map((story) => {
    const cells = row(story, byId);
    return COLUMNS.map((c) => cells[c]);
  });
}

function row(story: Story, byId: ReadonlyMap<string, EntityRef>): Record<Column, string> {
  const names = (ids: readonly string[]) => ids.map((id) => displayName(id, byId)).join(LIST);
  const countries = (ids: readonly string[]) => ids.map((id) => countryOf(id, byId) ?? '').join(LIST);
  const place = story.location === undefined ? undefined : byId.get(story.location);
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  const distinct = (values: readonly (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].join(LIST);
  return {
    id: story.id,
    date: story.date ?? '',
    date_precision: story.date === undefined ? '' : datePrecision(story.date),
    type: story.type,
    mode: story.mode ?? '',
    auxiliary: story.auxiliary ?? '',
    context: story.context.join(LIST),
    quad_class: String(QUAD_CLASS[story.type]),
    quad_name: QUAD_NAMES[QUAD_CLASS[story.type]],
    intensity: String(intensity(story.type, story.mode)),
    actor_ids: story.actors.join(LIST),
    actor_names: names(story.actors),
    actor_countries: countries(story.actors),
    recipient_ids: story.recipients.join(LIST),
    recipient_names: names(story.recipients),
    recipient_countries: countries(story.recipients),
    location_id: story.location ?? '',
    location_name: story.location === undefined ? '' : displayName(story.location, byId),
    location_lat: num(place?.lat),
    location_lon: num(place?.lon),
    fatalities: num(story.fatalities),
    injured: num(story.injured),
    num_reports: String(new Set(story.reports.map((r) => r.articleId)).size),
    sources: distinct(story.reports.map((r) => r.url ?? r.articleId)),
    publications: distinct(story.reports.map((r) => r.source)),
    confidence: String(story.confidence),
    evidence: leadReport(story)?.quote ?? '',
  };
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Backslash, tab, LF and CR as \\ \t \n \r, so that a field never breaks its row. */
export function tsvField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function toCsv(items: readonly Exportable[], entities: Entities): string {
  return [COLUMNS, ...storyRows(items, entities)]
    .map((cells) => `${cells.map(csvField).join(',')}\r\n`)
    .join('');
}

export function toTsv(items: readonly Exportable[], entities: Entities): string {
  return [COLUMNS, ...storyRows(items, entities)]
    .map((cells) => `${cells.map(tsvField).join('\t')}\n`)
    .join('');
}
