// PLOVER JSON records, one per story, for JSON lines: the field names of the PLOVER manual (draft
// 2.0, 2024, chapter 6 "Data Fields", Tables 6.1–6.6) and of its gold-standard records
// (../shared/data/plover/gold_standard_records), filled as far as our data allows. Fields of ours,
// which the manual invites ("providers should feel free to include named fields beyond those provided
// here"), are marked [ext].
//
//   id              story id (s-…, a hash of its earliest report); an event's own id for plain events
//   date            YYYY-MM-DD. A story dated only to the month or year gets the first day of it and
//   enddate         … the last day here, so the record says what is known; absent for a day date
//   date_precision  [ext] day | month | year: how precise the text was
//                   (an undated story, from text with no date and no publication date, has date null)
//   event           [PLOVER type] — a list, as the manual has it
//   mode            [mode] or [] (CONSULT multilateral, ASSAULT aerial …)
//   context         our contexts, plus PLOVER's special context for the auxiliary mode:
//                   future, hypothetical, historical, and negation (our "negated")
//   actor           actor objects (Table 6.2): code = ISO 3166 alpha-3 of the actor's country (its own
//   recipient       for a country; null when the country is unknown or the iso3 lookup is not given),
//                   identifier_id = Wikidata id when the knowledge base has one, identifier_text =
//                   English name (Arabic for a name the knowledge base does not know), and [ext]
//                   marsad_id (our entity id), name_ar, entity_type (PER ORG LOC MISC), country (id)
//   event_loc       location object (Table 6.6): resolved_place (name), geonameid, lat, lon,
//                   country_code (alpha-3), resolution (4 city, 1 country), and [ext] marsad_id,
//                   name_ar; null without a place. extracted_place (the words of the text) is not kept
//                   per event, so it is left out.
//   event_text      the trigger words of every report, as written, each once ("انعقد", "اجتمع")
//   quad_code       1–4, event_scale −10…+10: see scales.ts
//   dead, injured   the highest toll any report gives (the gold-standard records' top-level names)
//   text            the evidence sentence of the lead report (the first with its text)
//   text_info       { start, end }: that sentence's offsets in its article's text
//   cite_info       citation object (Table 6.5) of the lead report: citation (article id), url,
//                   publication (the source), language "ar", coder, codebook
//   coder           "marsad"
//   confidence      [ext] 0–1, corroborated over sources (stories.ts)
//   report_count    [ext] how many articles report the story
//   reports         [ext] every report: article_id, event_id, publication, url, published_at, date,
//                   evidence { start, end }, text (the sentence), event_text (the trigger), confidence
//
// Not filled: time/endtime, sector, link, has_event, coded_date (left out so that an export of the
// same input is byte-identical), size/arrested.

import type { Auxiliary, EntityRef } from '../../core/doc.ts';
import type { Story, StoryReport } from '../stories.ts';
import { intensity, QUAD_CLASS, type QuadClass } from './scales.ts';
import {
  asStories,
  countryOf,
  datePrecision,
  type Entities,
  type Exportable,
  type ExportOptions,
  entityIndex,
  leadReport,
} from './shared.ts';

export const CODER = 'marsad';
export const CODEBOOK = 'PLOVER manual draft 2.0 (2024)';

/** PLOVER's special contexts for our auxiliary modes. */
const SPECIAL_CONTEXT: Readonly<Record<Auxiliary, string>> = {
  future: 'future',
  hypothetical: 'hypothetical',
  historical: 'historical',
  negated: 'negation',
};

export interface PloverActor {
  readonly code: string | null;
  readonly identifier_id: string | null;
  readonly identifier_text: string;
  readonly marsad_id: string;
  readonly name_ar: string | null;
  readonly entity_type: string | null;
  readonly country: string | null;
}

export interface PloverLocation {
  readonly resolved_place: string;
  readonly name_ar: string | null;
  readonly marsad_id: string;
  readonly geonameid?: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly country_code?: string;
  readonly resolution?: number;
}

export interface PloverReport {
  readonly article_id: string;
  readonly event_id: string;
  readonly publication?: string;
  readonly url?: string;
  readonly published_at?: string;
  readonly date?: string;
  readonly evidence: { readonly start: number; readonly end: number };
  readonly text?: string;
  readonly event_text?: string;
  readonly confidence: number;
}

export interface PloverRecord {
  readonly id: string;
  readonly date: string | null;
  readonly enddate?: string;
  readonly date_precision?: 'day' | 'month' | 'year';
  readonly event: readonly string[];
  readonly mode: readonly string[];
  readonly context: readonly string[];
  readonly actor: readonly PloverActor[];
  readonly recipient: readonly PloverActor[];
  readonly event_loc: PloverLocation | null;
  readonly event_text: readonly string[];
  readonly quad_code: QuadClass;
  readonly event_scale: number;
  readonly dead?: number;
  readonly injured?: number;
  readonly text?: string;
  readonly text_info?: { readonly start: number; readonly end: number };
  readonly cite_info: {
    readonly citation: string;
    readonly url?: string;
    readonly publication?: string;
    readonly language: 'ar';
    readonly coder: string;
    readonly codebook: string;
  };
  readonly coder: string;
  readonly confidence: number;
  readonly report_count: number;
  readonly reports: readonly PloverReport[];
}

/** One PLOVER record per story (or per event, for events never clustered). */
export function toPloverRecords(
  items: readonly Exportable[],
  entities: Entities,
  options: ExportOptions = {},
): PloverRecord[] {
  const byId = entityIndex(entities);
  return asStories(items).map((story) => toRecord(story, byId, options));
}

/** JSON lines: one record per line. */
export function toPloverJsonLines(
  items: readonly Exportable[],
  entities: Entities,
  options: ExportOptions = {},
): string {
  return toPloverRecords(items, entities, options)
    .map((r) => `${JSON.stringify(r)}\n`)
    .join('');
}

function toRecord(story: Story, byId: ReadonlyMap<string, EntityRef>, options: ExportOptions): PloverRecord {
  const lead = leadReport(story);
  const iso3 = (id: string | undefined) => (id === undefined ? undefined : options.iso3?.(id));
  const actor = (id: string): PloverActor => {
    const e = byId.get(id);
    const country = countryOf(id, byId);
    return {
      code: iso3(country) ?? null,
      identifier_id: e?.wikidata ?? null,
      identifier_text: e ? (e.name.en ?? e.name.ar) : id,
      marsad_id: id,
      name_ar: e?.name.ar ?? null,
      entity_type: e?.type ?? null,
      country: country ?? null,
    };
  };
  const { date, enddate } = dateFields(story.date);
  const triggers = [...new Set(story.reports.flatMap((r) => (r.triggerText ? [r.triggerText] : [])))];
  return {
    id: story.id,
    date,
    ...(enddate !== undefined ? { enddate } : {}),
    ...(story.date !== undefined ? { date_precision: datePrecision(story.date) } : {}),
    event: [story.type],
    mode: story.mode === undefined ? [] : [story.mode],
    context: [...story.context, ...(story.auxiliary ? [SPECIAL_CONTEXT[story.auxiliary]] : [])],
    actor: story.actors.map(actor),
    recipient: story.recipients.map(actor),
    event_loc: story.location === undefined ? null : location(story.location, byId, iso3),
    event_text: triggers,
    quad_code: QUAD_CLASS[story.type],
    event_scale: intensity(story.type, story.mode),
    ...(story.fatalities !== undefined ? { dead: story.fatalities } : {}),
    ...(story.injured !== undefined ? { injured: story.injured } : {}),
    ...(lead?.quote !== undefined
      ? { text: lead.quote, text_info: { start: lead.evidence.start, end: lead.evidence.end } }
      : {}),
    cite_info: {
      citation: lead?.articleId ?? '',
      ...(lead?.url !== undefined ? { url: lead.url } : {}),
      ...(lead?.source !== undefined ? { publication: lead.source } : {}),
      language: 'ar',
      coder: CODER,
      codebook: CODEBOOK,
    },
    coder: CODER,
    confidence: story.confidence,
    report_count: new Set(story.reports.map((r) => r.articleId)).size,
    reports: story.reports.map(toReport),
  };
}

function location(
  id: string,
  byId: ReadonlyMap<string, EntityRef>,
  iso3: (id: string | undefined) => string | undefined,
): PloverLocation {
  const e = byId.get(id);
  const code = iso3(countryOf(id, byId));
  const resolution = e?.kind === 'city' ? 4 : e?.kind === 'country' ? 1 : undefined;
  return {
    resolved_place: e ? (e.name.en ?? e.name.ar) : id,
    name_ar: e?.name.ar ?? null,
    marsad_id: id,
    ...(e?.geonames !== undefined ? { geonameid: e.geonames } : {}),
    ...(e?.lat !== undefined ? { lat: e.lat } : {}),
    ...(e?.lon !== undefined ? { lon: e.lon } : {}),
    ...(code !== undefined ? { country_code: code } : {}),
    ...(resolution !== undefined ? { resolution } : {}),
  };
}

function toReport(r: StoryReport): PloverReport {
  return {
    article_id: r.articleId,
    event_id: r.eventId,
    ...(r.source !== undefined ? { publication: r.source } : {}),
    ...(r.url !== undefined ? { url: r.url } : {}),
    ...(r.publishedAt !== undefined ? { published_at: r.publishedAt } : {}),
    ...(r.date !== undefined ? { date: r.date } : {}),
    evidence: { start: r.evidence.start, end: r.evidence.end },
    ...(r.quote !== undefined ? { text: r.quote } : {}),
    ...(r.triggerText !== undefined ? { event_text: r.triggerText } : {}),
    confidence: r.confidence,
  };
}

/** A partial date as PLOVER's date … enddate: the first and last day of a month or year. */
function dateFields(value: string | undefined): { date: string | null; enddate?: string } {
  if (value === undefined) return { date: null };
  const [y = '', m] = value.split('-');
  if (datePrecision(value) === 'day') return { date: value };
  if (m === undefined) return { date: `${y}-01-01`, enddate: `${y}-12-31` };
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return { date: `${y}-${m}-01`, enddate: `${y}-${m}-${String(last).padStart(2, '0')}` };
}
