// Previous/next links for a paged list, with the range shown ("21–40 of 75"). Links, not buttons:
// each page is a route of its own, so it can be bookmarked and the back button works.

import type { PageContext } from '../context.ts';
import { h } from '../dom.ts';
import { formatNumber } from '../format.ts';

export interface PagerOptions {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** The href of the page starting at `offset`. */
  readonly href: (offset: number) => string;
}

export function pager(ctx: PageContext, { total, offset, limit, href }: PagerOptions): HTMLElement | null {
  if (total <= limit && offset === 0) return null;
  const n = (v: number) => formatNumber(ctx.lang, v);
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  const previous = offset > 0 ? Math.max(0, offset - limit) : null;
  const next = offset + limit < total ? offset + limit : null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': ctx.t('pagination') },
    previous === null
      ? null
      : h('a', { href: href(previous), rel: 'prev', 'data-testid': 'pager-prev' }, ctx.t('previousPage')),
    h('span', { class: 'pager__range' }, ctx.t('pageRange', { from: n(from), to: n(to), total: n(total) })),
    next === null
      ? null
      : h('a', { href: href(next), rel: 'next', 'data-testid': 'pager-next' }, ctx.t('nextPage')),
  );
}
