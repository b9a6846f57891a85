import type { PageContext } from '../context.ts';
import { h } from '../dom.ts';

export function notFoundPage(ctx: PageContext): Node {
  return h(
    'div',
    { class: 'page' },
    h('h1', { tabindex: -1 }, ctx.t('notFound')),
    h('p', null, ctx.t('notFoundBody')),
    h('p', null, h('a', { href: '#/' }, ctx.t('backHome'))),
  );
}
