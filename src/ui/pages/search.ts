// Search: results with their snippets, facet counts as filters, sort and paging. The whole state is
// in the route (`#/search?q=…&country=…&offset=…`), so every view is a link and the back button undoes
// a filter.

import type { SearchResult } from '../../search/types.ts';
import { entityLabel } from '../components/entity-link.ts';
import { pager } from '../components/pager.ts';
import { emptyNote, fillLater } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { type Child, h, uniqueId } from '../dom.ts';
import { formatNumber } from '../format.ts';
import { entityTypeLabel, type LabelKey, ploverLabel } from '../i18n.ts';
import { articleHref, offsetParam, type RouteParams, searchHref, withParam } from '../route.ts';
import { parseSnippet } from '../snippet.ts';

const PAGE_SIZE = 20;
const SEARCH_KEYS = [
  'q',
  'entity',
  'entityType',
  'eventType',
  'country',
  'source',
  'from',
  'to',
  'sort',
] as const;

type Facet = keyof SearchResult['facets'];

/** The facets in the order shown, with how a value of each reads. */
const FACETS: readonly { key: Facet; label: LabelKey; value: (ctx: PageContext, v: string) => Child }[] = [
  { key: 'entityType', label: 'facetEntityType', value: (ctx, v) => entityTypeLabel(ctx.t, v) },
  { key: 'eventType', label: 'facetEventType', value: (ctx, v) => ploverLabel(ctx.t, v) },
  { key: 'country', label: 'facetCountry', value: (ctx, v) => entityLabel(ctx, v) },
  { key: 'source', label: 'facetSource', value: (_ctx, v) => h('span', { dir: 'auto' }, v) },
];

/** Filters that show as removable chips: the facets and the ones only a link can set. */
const FILTERS: readonly { key: string; label: LabelKey; value: (ctx: PageContext, v: string) => Child }[] = [
  { key: 'entity', label: 'facetEntity', value: (ctx, v) => entityLabel(ctx, v) },
  ...FACETS,
  { key: 'from', label: 'dateFrom', value: (_ctx, v) => v },
  { key: 'to', label: 'dateTo', value: (_ctx, v) => v },
];

export function searchPage(ctx: PageContext, params: RouteParams): Node {
  const offset = offsetParam(params.offset);
  const results = h('div', { class: 'search__results', 'aria-busy': 'true' });
  const facets = h('nav', { class: 'facets', 'aria-label': ctx.t('facetsTitle') });
  fillLater(ctx, results, async () => {
    // Only the parameters the API knows: it refuses any other (a hand-edited hash must not break it).
    const query = Object.fromEntries(SEARCH_KEYS.map((key) => [key, params[key]]));
    const result = await ctx.api.search({ ...query, limit: PAGE_SIZE, offset }, ctx.signal);
    fillLater(ctx, facets, async () => facetList(ctx, params, result.facets, result.facetsSampled !== null));
    return resultList(ctx, params, result, offset);
  });
  return h(
    'div',
    { class: 'page page--search' },
    h(
      'h1',
      { tabindex: -1 },
      ctx.t('searchTitle'),
      params.q ? h('span', { class: 'subtitle', dir: 'auto' }, params.q) : null,
    ),
    optionsForm(ctx, params),
    activeFilters(ctx, params),
    h('div', { class: 'search' }, facets, results),
  );
}

function resultList(ctx: PageContext, params: RouteParams, result: SearchResult, offset: number): Child {
  const count = h(
    'p',
    { class: 'result-count', 'data-testid': 'result-count', role: 'status' },
    ctx.t('resultCount', { n: formatNumber(ctx.lang, result.total) }),
  );
  if (result.hits.length === 0) return [count, emptyNote(ctx.t('noResults'))];
  return [
    count,
    h(
      'ol',
      { class: 'results', start: offset + 1 },
      result.hits.map((hit) =>
        h(
          'li',
          { class: 'result', 'data-testid': 'result-item', 'data-article': hit.articleId },
          h(
            'a',
            { class: 'result__title', href: articleHref(hit.articleId), lang: 'ar', dir: 'rtl' },
            hit.title ?? ctx.t('untitled'),
          ),
          h(
            'span',
            { class: 'result__meta' },
            hit.publishedAt ? h('time', { datetime: hit.publishedAt }, hit.publishedAt) : null,
            hit.source ? h('span', { dir: 'auto' }, hit.source) : null,
          ),
          h(
            'p',
            { class: 'result__snippet', lang: 'ar', dir: 'rtl', 'data-testid': 'result-snippet' },
            parseSnippet(hit.snippet).map((part) => (part.match ? h('mark', null, part.text) : part.text)),
          ),
        ),
      ),
    ),
    pager(ctx, {
      total: result.total,
      offset,
      limit: PAGE_SIZE,
      href: (next) => searchHref({ ...params, offset: String(next) }),
    }),
  ];
}

/** `estimated`: the server counted a sample of the matches (facetsSampled), so counts read ≈ n. */
function facetList(
  ctx: PageContext,
  params: RouteParams,
  facets: SearchResult['facets'],
  estimated: boolean,
): Child {
  const note = estimated
    ? h('p', { class: 'facet__note', 'data-testid': 'facets-estimated' }, ctx.t('facetsEstimated'))
    : null;
  return [
    note,
    ...FACETS.map(({ key, label, value }) => {
      const counts = Object.entries(facets[key] ?? {}).sort((a, b) => b[1] - a[1]);
      if (counts.length === 0) return null;
      const headingId = uniqueId('facet');
      return h(
        'section',
        { class: 'facet' },
        h('h2', { id: headingId }, ctx.t(label)),
        h(
          'ul',
          { 'aria-labelledby': headingId },
          counts.map(([v, n]) => {
            const active = params[key] === v;
            return h(
              'li',
              null,
              h(
                'a',
                {
                  class: active ? 'facet__item is-active' : 'facet__item',
                  href: searchHref(withParam(params, key, active ? undefined : v)),
                  'aria-current': active ? 'true' : undefined,
                  'data-testid': 'facet-item',
                  'data-facet': key,
                  'data-value': v,
                },
                h('span', { class: 'facet__name' }, value(ctx, v)),
                h('span', { class: 'count' }, `${estimated ? '≈' : ''}${formatNumber(ctx.lang, n)}`),
              ),
            );
          }),
        ),
      );
    }),
  ];
}

function activeFilters(ctx: PageContext, params: RouteParams): Child {
  const active = FILTERS.filter(({ key }) => params[key]);
  if (active.length === 0) return null;
  return h(
    'div',
    { class: 'chips', role: 'group', 'aria-label': ctx.t('activeFilters') },
    active.map(({ key, label, value }) =>
      h(
        'a',
        {
          class: 'chip',
          href: searchHref(withParam(params, key, undefined)),
          'data-testid': 'active-filter',
          'data-filter': key,
          'aria-label': ctx.t('removeFilter', { name: `${ctx.t(label)} ${params[key]}` }),
        },
        `${ctx.t(label)}: `,
        value(ctx, params[key]!),
        h('span', { class: 'chip__x', 'aria-hidden': 'true' }, '×'),
      ),
    ),
    h(
      'a',
      { class: 'chip chip--clear', href: searchHref(params.q ? { q: params.q } : {}) },
      ctx.t('clearFilters'),
    ),
  );
}

/** Sort and date range: applied with the button, never on change, so moving through the options is safe. */
function optionsForm(ctx: PageContext, params: RouteParams): HTMLElement {
  const sortId = uniqueId('sort');
  const fromId = uniqueId('from');
  const toId = uniqueId('to');
  const sort = params.sort === 'date' ? 'date' : 'relevance';
  const form = h(
    'form',
    { class: 'options', 'data-testid': 'search-options' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: sortId }, ctx.t('sortLabel')),
      h(
        'select',
        { id: sortId, name: 'sort', 'data-testid': 'sort-select' },
        h('option', { value: 'relevance', selected: sort === 'relevance' }, ctx.t('sortRelevance')),
        h('option', { value: 'date', selected: sort === 'date' }, ctx.t('sortDate')),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: fromId }, ctx.t('dateFrom')),
      h('input', { id: fromId, name: 'from', type: 'date', value: params.from ?? '' }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: toId }, ctx.t('dateTo')),
      h('input', { id: toId, name: 'to', type: 'date', value: params.to ?? '' }),
    ),
    h('button', { type: 'submit' }, ctx.t('apply')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let next = params;
    for (const key of ['sort', 'from', 'to'])
      next = withParam(next, key, String(data.get(key) ?? '') || undefined);
    window.location.hash = searchHref(next);
  });
  return form;
}
