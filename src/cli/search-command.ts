// `marsad search QUERY [filters] [--json]`: Arabic-aware, entity-aware search over the store. The
// query goes through the same normalisation and stems as the index; names of known entities (Lavrov,
// لافروف، سيرغي لافروف) find every spelling.

import { type Command, Option } from 'commander';
import { ENTITY_TYPES, PLOVER_TYPES } from '../core/doc.ts';
import { parseIsoDate } from '../ingest/article.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { parseQuery } from '../search/query.ts';
import { MAX_LIMIT, type SearchFilters, type SearchRequest } from '../search/types.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import type { Io } from './io.ts';
import { wholeNumber } from './number-options.ts';
import { addDbOption, openStore } from './store-option.ts';

interface SearchOptions {
  db?: string;
  json?: boolean;
  entity?: string;
  type?: SearchFilters['entityType'];
  event?: SearchFilters['eventType'];
  country?: string;
  source?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  sort: 'relevance' | 'date';
}

export function registerSearch(program: Command, io: Io): void {
  const command = program
    .command('search')
    .argument('[query]', 'words, "quoted phrases" and names, in Arabic or English (all must match)', '')
    .description('search stored articles; prints hits with highlighted snippets and facet counts')
    .option('--json', 'print { total, hits: [{ articleId, title, score, snippet }], facets, facetsSampled }')
    .option('--entity <id>', 'only articles linked to this entity (e.g. per:sergey-lavrov)')
    .addOption(
      new Option('--type <type>', 'only articles with an entity of this type').choices([...ENTITY_TYPES]),
    )
    .addOption(
      new Option('--event <type>', 'only articles with a PLOVER event of this type').choices([
        ...PLOVER_TYPES,
      ]),
    )
    .option('--country <id>', 'only articles about this country (country:ru) or what lies in it')
    .option('--source <name>', 'only articles from this source')
    .option('--from <YYYY-MM-DD>', 'published on or after')
    .option('--to <YYYY-MM-DD>', 'published on or before')
    .addOption(
      new Option('--limit <n>', `hits per page, 1–${MAX_LIMIT}`)
        .default(20)
        .argParser((v) => wholeNumber('--limit', v, 1, MAX_LIMIT)),
    )
    .addOption(
      new Option('--offset <n>', 'hits to skip')
        .default(0)
        .argParser((v) => wholeNumber('--offset', v, 0, Number.MAX_SAFE_INTEGER)),
    )
    .addOption(
      new Option('--sort <order>', 'relevance or date (newest first)')
        .choices(['relevance', 'date'])
        .default('relevance'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marsad search هجوم --from 2015-01-01\n  marsad search Lavrov --event CONSULT --json',
    );
  addDbOption(command).action(async (query: string, options: SearchOptions) => {
    const filters: SearchFilters = {
      ...(options.entity && { entity: options.entity }),
      ...(options.type && { entityType: options.type }),
      ...(options.event && { eventType: options.event }),
      ...(options.country && { country: options.country }),
      ...(options.source && { source: options.source }),
      ...(options.from && { from: parseIsoDate(options.from) }),
      ...(options.to && { to: parseIsoDate(options.to) }),
    };
    const request: SearchRequest = {
      query: parseQuery(query, loadCuratedKnowledgeBase(), createTextAnalyzer(loadLexicon())),
      filters,
      sort: options.sort,
      limit: options.limit,
      offset: options.offset,
    };
    const store = await openStore(options.db);
    try {
      const result = await store.search(request);
      if (options.json) {
        const hits = result.hits.map(({ articleId, title, score, snippet }) => ({
          articleId,
          title,
          score,
          snippet,
        }));
        const { total, facets, facetsSampled } = result;
        io.stdout.write(`${JSON.stringify({ total, hits, facets, facetsSampled })}\n`);
        return;
      }
      io.stdout.write(
        `${result.total} articles${result.total > options.limit ? `, ${options.offset + 1}–${options.offset + result.hits.length} shown` : ''}\n`,
      );
      for (const hit of result.hits)
        io.stdout.write(
          `\n${hit.articleId}  ${hit.publishedAt ?? ''}  ${hit.source ?? ''}\n  ${hit.title ?? ''}\n  ${hit.snippet}\n`,
        );
      const facet = (name: string, counts: Readonly<Record<string, number>>) => {
        const top = Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8);
        if (top.length > 0) io.stdout.write(`${name}: ${top.map(([k, n]) => `${k} ${n}`).join(' · ')}\n`);
      };
      io.stdout.write('\n');
      facet('events', result.facets.eventType);
      facet('entity types', result.facets.entityType);
      facet('countries', result.facets.country);
      facet('sources', result.facets.source);
      if (result.facetsSampled !== null)
        io.stdout.write(
          `(facet counts estimated from ${result.facetsSampled.toLocaleString('en')} of the ${result.total.toLocaleString('en')} articles)\n`,
        );
    } finally {
      await store.close();
    }
  });
}
