// The home page: what the store holds and the latest articles (the search box is in the header).

import type { StoreStats } from '../../store/repository.ts';
import { articleList } from '../components/article-list.ts';
import { asyncSection } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { h } from '../dom.ts';
import { formatNumber } from '../format.ts';
import type { LabelKey } from '../i18n.ts';

const STATS: readonly [keyof StoreStats, LabelKey][] = [
  ['articles', 'statArticles'],
  ['nearDuplicates', 'statNearDuplicates'],
  ['entities', 'statEntities'],
  ['provisionalEntities', 'statProvisional'],
  ['mentions', 'statMentions'],
  ['events', 'statEvents'],
  ['quotes', 'statQuotes'],
];

export function homePage(ctx: PageContext): Node {
  return h(
    'div',
    { class: 'page page--home' },
    h('h1', { tabindex: -1 }, ctx.t('appName'), h('span', { class: 'subtitle' }, ctx.t('appTagline'))),
    asyncSection(ctx, ctx.t('statsTitle'), {}, async () => {
      const stats = await ctx.api.stats(ctx.signal);
      return h(
        'dl',
        { class: 'stats', 'data-testid': 'stats' },
        STATS.map(([key, label]) =>
          h(
            'div',
            { class: 'stat', 'data-stat': key },
            h('dt', null, ctx.t(label)),
            h('dd', null, formatNumber(ctx.lang, stats[key])),
          ),
        ),
      );
    }),
    asyncSection(ctx, ctx.t('latestArticles'), {}, async () => {
      const page = await ctx.api.articles({ limit: 10 }, ctx.signal);
      return articleList(ctx, page.items);
    }),
  );
}
