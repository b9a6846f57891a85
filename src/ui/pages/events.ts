// The event explorer: filters (kept in the route), exports of what they select, a map of where the
// events happened, the PLOVER score per day, the country pairs and the events themselves.

import { PLOVER_TYPES } from '../../core/doc.ts';
import type { EventQuery, ExportFormat } from '../api.ts';
import { barChart } from '../components/bar-chart.ts';
import { dyadsTable } from '../components/dyads-table.ts';
import { entitySuggestions } from '../components/entity-suggest.ts';
import { eventMap } from '../components/event-map.ts';
import { eventList } from '../components/event-view.ts';
import { pager } from '../components/pager.ts';
import { asyncSection, emptyNote } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { h, uniqueId } from '../dom.ts';
import { formatNumber } from '../format.ts';
import { type LabelKey, ploverLabel } from '../i18n.ts';
import { eventsHref, offsetParam, type RouteParams } from '../route.ts';

const PAGE_SIZE = 25;

const FILTER_KEYS = ['type', 'actor', 'recipient', 'country', 'from', 'to', 'articleId'] as const;

const EXPORTS: readonly { format: ExportFormat; label: LabelKey; file: string }[] = [
  { format: 'plover', label: 'exportPlover', file: 'marsad-events.json' },
  { format: 'tsv', label: 'exportTsv', file: 'marsad-events.tsv' },
  { format: 'csv', label: 'exportCsv', file: 'marsad-events.csv' },
];

export function eventsPage(ctx: PageContext, params: RouteParams): Node {
  const filters: EventQuery = Object.fromEntries(
    FILTER_KEYS.flatMap((key) => (params[key] ? [[key, params[key]]] : [])),
  );
  const offset = offsetParam(params.offset);
  return h(
    'div',
    { class: 'page page--events' },
    h('h1', { tabindex: -1 }, ctx.t('eventsTitle')),
    filtersForm(ctx, params),
    h(
      'section',
      { class: 'section exports' },
      h('h2', null, ctx.t('exportTitle')),
      h(
        'ul',
        { class: 'export-links' },
        EXPORTS.map(({ format, label, file }) =>
          h(
            'li',
            null,
            h(
              'a',
              {
                class: 'button',
                href: ctx.api.exportHref(format, filters),
                download: file,
                'data-testid': `export-${format}`,
              },
              ctx.t(label),
            ),
          ),
        ),
      ),
    ),
    asyncSection(ctx, ctx.t('mapTitle'), {}, async () =>
      eventMap(ctx, await ctx.api.locations(filters, ctx.signal)),
    ),
    h(
      'div',
      { class: 'grid' },
      asyncSection(ctx, ctx.t('seriesTitle'), {}, async () => {
        const series = await ctx.api.series(filters, ctx.signal);
        return barChart(
          ctx,
          series.map((p) => ({ day: p.day, value: p.intensity })),
          { label: ctx.t('seriesLabel'), testid: 'series-chart' },
        );
      }),
      asyncSection(ctx, ctx.t('dyadsTitle'), {}, async () =>
        dyadsTable(ctx, await ctx.api.dyads(filters, ctx.signal)),
      ),
    ),
    asyncSection(ctx, ctx.t('eventsList'), {}, async () => {
      const page = await ctx.api.events({ ...filters, limit: PAGE_SIZE, offset }, ctx.signal);
      const count = h(
        'p',
        { class: 'result-count', role: 'status' },
        ctx.t('eventCount', { n: formatNumber(ctx.lang, page.total) }),
      );
      if (page.items.length === 0) return [count, emptyNote(ctx.t('noData'))];
      return [
        count,
        eventList(ctx, page.items),
        pager(ctx, {
          total: page.total,
          offset,
          limit: PAGE_SIZE,
          href: (next) => eventsHref({ ...params, offset: String(next) }),
        }),
      ];
    }),
  );
}

function filtersForm(ctx: PageContext, params: RouteParams): HTMLElement {
  const field = (label: string, control: HTMLElement, ...extra: Node[]) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, label), control, ...extra);
  // Ids are Latin whatever the UI language; typing a name offers the matching ids.
  const entityInput = (name: string, example: string, type?: string) => {
    const input = h('input', {
      id: uniqueId(name),
      name,
      value: params[name] ?? '',
      dir: 'ltr',
      autocomplete: 'off',
      placeholder: example,
      title: ctx.t('entityIdHint'),
      'data-testid': `filter-${name}`,
    });
    return [input, entitySuggestions(ctx, input, type)] as const;
  };
  const typeSelect = h(
    'select',
    { id: uniqueId('type'), name: 'type', 'data-testid': 'filter-type' },
    h('option', { value: '' }, ctx.t('anyType')),
    PLOVER_TYPES.map((type) =>
      h('option', { value: type, selected: params.type === type }, `${ploverLabel(ctx.t, type)} (${type})`),
    ),
  );
  const [actor, actorList] = entityInput('actor', 'per:sergey-lavrov');
  const [recipient, recipientList] = entityInput('recipient', 'country:ua');
  const [country, countryList] = entityInput('country', 'country:ru', 'LOC');
  const from = h('input', {
    id: uniqueId('from'),
    name: 'from',
    type: 'date',
    value: params.from ?? '',
    'data-testid': 'filter-from',
  });
  const to = h('input', {
    id: uniqueId('to'),
    name: 'to',
    type: 'date',
    value: params.to ?? '',
    'data-testid': 'filter-to',
  });
  const form = h(
    'form',
    { class: 'options options--events', 'data-testid': 'event-filters', 'aria-label': ctx.t('filtersTitle') },
    field(ctx.t('filterType'), typeSelect),
    field(ctx.t('filterActor'), actor, actorList),
    field(ctx.t('filterRecipient'), recipient, recipientList),
    field(ctx.t('filterCountry'), country, countryList),
    field(ctx.t('dateFrom'), from),
    field(ctx.t('dateTo'), to),
    h(
      'div',
      { class: 'field field--actions' },
      h('button', { type: 'submit' }, ctx.t('apply')),
      h('a', { href: eventsHref({}) }, ctx.t('clearFilters')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    // articleId has no field: it comes from a link and stays until cleared.
    if (params.articleId) next.articleId = params.articleId;
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    window.location.hash = eventsHref(next);
  });
  return form;
}
