// A stored article in the reader, under its title and where it came from.

import type { ArticleDetail } from '../api.ts';
import { articleView } from '../components/article-view.ts';
import { fillLater } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { type Child, h } from '../dom.ts';
import { webHref } from '../format.ts';
import { articleHref } from '../route.ts';

export function articlePage(ctx: PageContext, id: string): Node {
  const page = h('div', { class: 'page page--article', 'aria-busy': 'true' });
  fillLater(ctx, page, async () => {
    const article = await ctx.api.article(id, ctx.signal);
    return articleView(ctx, article.analysis, articleHeader(ctx, article));
  });
  return page;
}

function articleHeader(ctx: PageContext, article: ArticleDetail): Child {
  const { analysis } = article;
  const original = webHref(article.url);
  const facts: [string, Child][] = [];
  if (article.source) facts.push([ctx.t('articleSource'), h('span', { dir: 'auto' }, article.source)]);
  if (analysis.article.publishedAt)
    facts.push([
      ctx.t('articlePublished'),
      h('time', { datetime: analysis.article.publishedAt }, analysis.article.publishedAt),
    ]);
  facts.push([ctx.t('articleAdded'), h('time', { datetime: article.addedAt }, article.addedAt.slice(0, 10))]);
  if (original)
    facts.push([
      ctx.t('articleOriginal'),
      h(
        'a',
        { href: original, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr' },
        new URL(original).host,
      ),
    ]);
  if (article.duplicateOf)
    facts.push([
      ctx.t('articleDuplicateOf'),
      h('a', { href: articleHref(article.duplicateOf), dir: 'ltr' }, article.duplicateOf),
    ]);
  return h(
    'header',
    { class: 'reader__header' },
    h(
      'h1',
      { tabindex: -1, lang: 'ar', dir: 'rtl', 'data-testid': 'article-title' },
      analysis.article.title ?? ctx.t('untitled'),
    ),
    h(
      'dl',
      { class: 'facts' },
      facts.map(([term, value]) => h('div', null, h('dt', null, term), h('dd', null, value))),
    ),
  );
}
