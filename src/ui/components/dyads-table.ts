// Country pairs of the events as a table sortable by any column: the header buttons sort, a second
// press reverses, and aria-sort says which column and direction are in force.

import type { Dyad } from '../../store/repository.ts';
import type { PageContext } from '../context.ts';
import { h, replaceContent } from '../dom.ts';
import { formatNumber, listSeparator } from '../format.ts';
import { type LabelKey, ploverLabel } from '../i18n.ts';
import { nextSort, type SortDirection, type SortState, sortRows } from '../table-sort.ts';
import { entityLink } from './entity-link.ts';
import { emptyNote } from './status.ts';

type Column = 'actorCountry' | 'recipientCountry' | 'events' | 'intensity';

const COLUMNS: readonly { key: Column; label: LabelKey; first: SortDirection }[] = [
  { key: 'actorCountry', label: 'dyadActor', first: 'ascending' },
  { key: 'recipientCountry', label: 'dyadRecipient', first: 'ascending' },
  { key: 'events', label: 'dyadEvents', first: 'descending' },
  { key: 'intensity', label: 'dyadIntensity', first: 'ascending' },
];

export function dyadsTable(ctx: PageContext, dyads: readonly Dyad[]): HTMLElement {
  if (dyads.length === 0) return emptyNote(ctx.t('noData'));
  const n = (v: number) => formatNumber(ctx.lang, v);
  let sort: SortState<Column> = { key: 'events', direction: 'descending' };
  const head = h('tr');
  const body = h('tbody');

  function render(): void {
    replaceContent(
      head,
      COLUMNS.map(({ key, label, first }) =>
        h(
          'th',
          { scope: 'col', 'aria-sort': sort.key === key ? sort.direction : undefined },
          h(
            'button',
            {
              type: 'button',
              class: 'sort-button',
              'data-sort': key,
              'aria-label': ctx.t('sortBy', { column: ctx.t(label) }),
              onclick: () => {
                sort = nextSort(sort, key, first);
                render();
                head.querySelector<HTMLButtonElement>(`[data-sort="${key}"]`)?.focus();
              },
            },
            ctx.t(label),
            h(
              'span',
              { class: 'sort-mark', 'aria-hidden': 'true' },
              sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
            ),
          ),
        ),
      ),
      h('th', { scope: 'col' }, ctx.t('dyadTypes')),
    );
    replaceContent(
      body,
      sortRows(dyads, sort).map((dyad) =>
        h(
          'tr',
          { 'data-actor': dyad.actorCountry, 'data-recipient': dyad.recipientCountry },
          h('td', null, entityLink(ctx, dyad.actorCountry)),
          h('td', null, entityLink(ctx, dyad.recipientCountry)),
          h('td', { class: 'num' }, n(dyad.events)),
          h('td', { class: dyad.intensity < 0 ? 'num is-negative' : 'num' }, n(dyad.intensity)),
          h(
            'td',
            null,
            Object.entries(dyad.types)
              .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
              .map(([type, count]) => `${ploverLabel(ctx.t, type)} ${n(count ?? 0)}`)
              .join(listSeparator(ctx.lang)),
          ),
        ),
      ),
    );
  }
  render();
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: 'table', 'data-testid': 'dyads-table' }, h('thead', null, head), body),
  );
}
