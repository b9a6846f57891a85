// An entity: its names, type and country, every way articles wrote it, its mentions over time and
// the latest ones, the events it acts in or is aimed at, and the entities it shares articles with.
// Each part loads on its own.

import type { EntityDetail } from '../api.ts';
import { barChart } from '../components/bar-chart.ts';
import { cooccurrenceGraph } from '../components/cooccurrence-graph.ts';
import { entityLink } from '../components/entity-link.ts';
import { eventList } from '../components/event-view.ts';
import { asyncSection, emptyNote, fillLater } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { type Child, h } from '../dom.ts';
import { entityName, formatNumber, wikidataHref } from '../format.ts';
import { entityTypeLabel, viaLabel } from '../i18n.ts';
import { articleHref, eventsHref } from '../route.ts';

const MENTIONS_SHOWN = 20;
const EVENTS_SHOWN = 20;
const NEIGHBOURS = 20;

export function entityPage(ctx: PageContext, id: string): Node {
  const head = h('div', { class: 'entity__head', 'aria-busy': 'true' });
  const detail = ctx.api.entity(id, ctx.signal);
  fillLater(ctx, head, async () => entityHeader(ctx, await detail));
  const n = (v: number) => formatNumber(ctx.lang, v);

  return h(
    'div',
    { class: 'page page--entity' },
    head,
    h(
      'div',
      { class: 'grid' },
      asyncSection(ctx, ctx.t('variantsTitle'), {}, async () => {
        const { variants } = await detail;
        if (variants.length === 0) return emptyNote(ctx.t('noData'));
        return h(
          'ul',
          { class: 'variants', 'data-testid': 'variants' },
          variants.map((v) =>
            h(
              'li',
              { 'data-testid': 'variant-item' },
              h('span', { lang: 'ar', dir: 'rtl' }, v.text),
              ' ',
              h('span', { class: 'count' }, n(v.count)),
            ),
          ),
        );
      }),
      asyncSection(ctx, ctx.t('timelineTitle'), {}, async () => {
        const timeline = await ctx.api.entityTimeline(id, ctx.signal);
        return barChart(
          ctx,
          timeline.map((p) => ({ day: p.day, value: p.mentions })),
          { label: ctx.t('timelineLabel'), testid: 'timeline-chart' },
        );
      }),
    ),
    asyncSection(ctx, ctx.t('cooccurrenceTitle'), {}, async () => {
      const [{ entity }, neighbours] = await Promise.all([
        detail,
        ctx.api.cooccurrence(id, NEIGHBOURS, ctx.signal),
      ]);
      ctx.entities.remember(neighbours.map((c) => c.entity));
      return cooccurrenceGraph(ctx, entity, neighbours);
    }),
    asyncSection(ctx, ctx.t('recentMentions'), {}, async () => {
      const page = await ctx.api.entityMentions(id, { limit: MENTIONS_SHOWN }, ctx.signal);
      if (page.items.length === 0) return emptyNote(ctx.t('noData'));
      return h(
        'ul',
        { class: 'mentions-list', 'data-testid': 'entity-mentions' },
        page.items.map((m) =>
          h(
            'li',
            null,
            h('span', { class: 'mention-text', lang: 'ar', dir: 'rtl' }, m.text),
            ' · ',
            h(
              'a',
              { href: articleHref(m.articleId), lang: 'ar', dir: 'rtl' },
              m.articleTitle ?? ctx.t('untitled'),
            ),
            m.publishedAt
              ? h('time', { class: 'muted', datetime: m.publishedAt }, ` ${m.publishedAt}`)
              : null,
            m.via ? h('span', { class: 'muted' }, ` · ${viaLabel(ctx.t, m.via)}`) : null,
          ),
        ),
      );
    }),
    h('div', { class: 'grid' }, eventsSection(ctx, 'actor', id), eventsSection(ctx, 'recipient', id)),
  );
}

function eventsSection(ctx: PageContext, role: 'actor' | 'recipient', id: string): HTMLElement {
  const heading = ctx.t(role === 'actor' ? 'entityEventsActor' : 'entityEventsRecipient');
  return asyncSection(ctx, heading, { 'data-role': role }, async () => {
    const page = await ctx.api.events({ [role]: id, limit: EVENTS_SHOWN }, ctx.signal);
    if (page.items.length === 0) return emptyNote(ctx.t('noData'));
    return [
      eventList(ctx, page.items, `entity-events-${role}`),
      // The explorer holds the rest, with the same filter.
      page.total > page.items.length
        ? h(
            'p',
            null,
            h(
              'a',
              { href: eventsHref({ [role]: id }) },
              `${ctx.t('eventsTitle')} (${formatNumber(ctx.lang, page.total)})`,
            ),
          )
        : null,
    ];
  });
}

function entityHeader(ctx: PageContext, detail: EntityDetail): Child {
  const { entity } = detail;
  const n = (v: number) => formatNumber(ctx.lang, v);
  const facts: [string, Child][] = [
    [
      ctx.t('entityNameAr'),
      h('span', { lang: 'ar', dir: 'rtl', 'data-testid': 'entity-name-ar' }, entity.name.ar),
    ],
    [
      ctx.t('entityNameEn'),
      h('span', { lang: 'en', dir: 'ltr', 'data-testid': 'entity-name-en' }, entity.name.en ?? '—'),
    ],
    [
      ctx.t('entityType'),
      h(
        'span',
        { 'data-testid': 'entity-type', 'data-type': entity.type },
        entityTypeLabel(ctx.t, entity.type),
      ),
    ],
  ];
  if (entity.kind) facts.push([ctx.t('entityKind'), entity.kind]);
  if (entity.country) facts.push([ctx.t('entityCountry'), entityLink(ctx, entity.country)]);
  if (entity.lat !== undefined && entity.lon !== undefined)
    facts.push([
      ctx.t('entityCoordinates'),
      h('span', { dir: 'ltr' }, `${entity.lat.toFixed(3)}, ${entity.lon.toFixed(3)}`),
    ]);
  const wikidata = wikidataHref(entity.wikidata);
  if (wikidata)
    facts.push([
      'Wikidata',
      h('a', { href: wikidata, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' }, entity.wikidata),
    ]);
  return [
    h(
      'h1',
      { tabindex: -1, class: `entity__name type-${entity.type}`, 'data-testid': 'entity-name', dir: 'auto' },
      entityName(entity, ctx.lang),
      h('span', { class: 'subtitle' }, h('bdi', { dir: 'ltr' }, entity.id)),
    ),
    entity.provisional ? h('p', { class: 'note' }, ctx.t('entityProvisional')) : null,
    h('p', null, ctx.t('entityCounts', { mentions: n(detail.mentions), articles: n(detail.articles) })),
    h(
      'dl',
      { class: 'facts' },
      facts.map(([term, value]) => h('div', null, h('dt', null, term), h('dd', null, value))),
    ),
  ];
}
