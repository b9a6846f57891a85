// What every export format needs: stories from whatever it is given (stories, or events never
// clustered), entities by id, and the names and countries a reader sees. Nothing here knows where
// events come from (analysed files now, the database later).

import type { EntityRef, EventRecord } from '../../core/doc.ts';
import { type Story, singletonStory } from '../stories.ts';

/** An export takes stories, or plain events (each becomes a story of one report, under its own id). */
export type Exportable = Story | EventRecord;

export type Entities = readonly EntityRef[] | ReadonlyMap<string, EntityRef>;

export interface ExportOptions {
  /** ISO 3166 alpha-3 code of a country id (country:ru → RUS), e.g. from the knowledge base. */
  readonly iso3?: ((countryId: string) => string | undefined) | undefined;
}

export function asStories(items: readonly Exportable[]): Story[] {
  return items.map((item) => ('reports' in item ? item : eventStory(item)));
}

/** The coder names events `<article id>:e<n>`; the article id is what comes before. */
function eventStory(event: EventRecord): Story {
  const articleId = event.id.replace(/:e\d+$/, '');
  return { ...singletonStory({ articleId, event }), id: event.id };
}

export function entityIndex(entities: Entities): ReadonlyMap<string, EntityRef> {
  return entities instanceof Map
    ? entities
    : new Map((entities as readonly EntityRef[]).map((e) => [e.id, e]));
}

/** English name, else Arabic (provisional entities have no English), else the id itself. */
export function displayName(id: string, entities: ReadonlyMap<string, EntityRef>): string {
  const e = entities.get(id);
  return e ? (e.name.en ?? e.name.ar) : id;
}

/** The country id of an entity: its own for a country, else the one the knowledge base gives it. */
export function countryOf(id: string, entities: ReadonlyMap<string, EntityRef>): string | undefined {
  const e = entities.get(id);
  if (e?.country !== undefined) return e.country;
  return e?.kind === 'country' || e?.kind === 'former_country' || id.startsWith('country:') ? id : undefined;
}

/** The lead report: the first with its evidence text, else the first. */
export function leadReport(story: Story) {
  return story.reports.find((r) => r.quote !== undefined) ?? story.reports[0];
}

/** How precise a `YYYY[-MM[-DD]]` date is. */
export function datePrecision(date: string): 'year' | 'month' | 'day' {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}
