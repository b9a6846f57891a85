// Reports → stories → one export format, for every caller that exports: `marsad export` over
// analysed files and the HTTP API over stored events. The knowledge base supplies what the records
// need beyond the reports: which body an entity is part of (for clustering) and ISO alpha-3 codes.

import type { EntityRef } from '../../core/doc.ts';
import type { KnowledgeBase } from '../../kb/knowledge-base.ts';
import { clusterStories, type ReportInput } from '../stories.ts';
import { toPloverJsonLines } from './plover.ts';
import { toCsv, toTsv } from './table.ts';

export const EXPORT_FORMATS = ['plover', 'tsv', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a download of each format is served as, and its file extension. */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { readonly type: string; readonly ext: string }>> = {
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  tsv: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
};

export interface StoryExport {
  readonly output: string;
  readonly stories: number;
}

export function exportStories(
  format: ExportFormat,
  reports: readonly ReportInput[],
  entities: ReadonlyMap<string, EntityRef>,
  kb: KnowledgeBase,
): StoryExport {
  const stories = clusterStories(reports, { partOf: (id) => kb.get(id)?.partOf });
  const output =
    format === 'plover'
      ? toPloverJsonLines(stories, entities, { iso3: (id) => kb.get(id)?.iso3 })
      : format === 'tsv'
        ? toTsv(stories, entities)
        : toCsv(stories, entities);
  return { output, stories: stories.length };
}
