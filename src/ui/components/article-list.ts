// A list of stored articles (the home page's latest ones): title linked to the reader, date, source
// and how much was found in each.

import type { ArticleSummary } from '../../store/repository.ts';
import type { PageContext } from '../context.ts';
import { h } from '../dom.ts';
import { formatNumber } from '../format.ts';
import { articleHref } from '../route.ts';
import { emptyNote } from './status.ts';

export function articleList(ctx: PageContext, articles: readonly ArticleSummary[]): HTMLElement {
  if (articles.length === 0) return emptyNote(ctx.t('noArticles'));
  const n = (v: number) => formatNumber(ctx.lang, v);
  return h(
    'ul',
    { class: 'results', 'data-testid': 'latest-articles' },
    articles.map((article) =>
      h(
        'li',
        { class: 'result', 'data-testid': 'article-item', 'data-article': article.id },
        h(
          'a',
          { class: 'result__title', href: articleHref(article.id), lang: 'ar', dir: 'rtl' },
          article.title ?? ctx.t('untitled'),
        ),
        h(
          'span',
          { class: 'result__meta' },
          article.publishedAt ? h('time', { datetime: article.publishedAt }, article.publishedAt) : null,
          article.source ? h('span', { dir: 'auto' }, article.source) : null,
          h('span', null, `${ctx.t('statMentions')} ${n(article.mentions)}`),
          h('span', null, `${ctx.t('statEvents')} ${n(article.events)}`),
        ),
      ),
    ),
  );
}
