// How one PLOVER event reads wherever it appears: its type (coloured by quad class, and named, so the
// colour is never the only cue), mode and auxiliary, who acted on whom, where and when. The article
// panel shows it inside a button (names as text); lists show it with links to entities and article.

import type { EventRecord } from '../../core/doc.ts';
import { QUAD_CLASS } from '../../events/export/scales.ts';
import type { StoredEvent } from '../../store/repository.ts';
import type { PageContext } from '../context.ts';
import { type Child, h } from '../dom.ts';
import { formatNumber, listSeparator } from '../format.ts';
import { auxiliaryLabel, ploverLabel } from '../i18n.ts';
import { articleHref } from '../route.ts';
import { entityLink } from './entity-link.ts';

export function typeBadge(ctx: PageContext, type: string): HTMLElement {
  const quad = (QUAD_CLASS as Readonly<Record<string, number>>)[type];
  return h(
    'span',
    { class: `badge quad-${quad ?? 0}`, 'data-type': type, title: type },
    ploverLabel(ctx.t, type),
  );
}

/** The lines of an event; `party` renders one entity id (a link, or a plain name in a button). */
export function eventLines(
  ctx: PageContext,
  event: EventRecord,
  party: (id: string) => Child,
): HTMLElement[] {
  const n = (v: number) => formatNumber(ctx.lang, v);
  const parties = (ids: readonly string[]) =>
    ids.length === 0
      ? h('span', { class: 'muted' }, '—')
      : ids.flatMap((id, i) => [i > 0 ? listSeparator(ctx.lang) : null, party(id)]);
  const head = h(
    'span',
    { class: 'event__head' },
    typeBadge(ctx, event.type),
    event.mode ? h('span', { class: 'event__mode', title: ctx.t('mode') }, event.mode) : null,
    event.auxiliary ? h('span', { class: 'badge badge--aux' }, auxiliaryLabel(ctx.t, event.auxiliary)) : null,
    event.date ? h('time', { class: 'event__date', datetime: event.date }, event.date) : null,
  );
  const who = h(
    'span',
    { class: 'event__parties' },
    h('span', { class: 'event__actors' }, parties(event.actors)),
    // The arrow points from actor to recipient in the reading direction of the UI.
    h('span', { class: 'event__arrow', 'aria-hidden': 'true' }, ctx.lang === 'ar' ? ' ← ' : ' → '),
    h('span', { class: 'event__recipients' }, parties(event.recipients)),
  );
  const facts: Child[] = [];
  if (event.location) facts.push(h('span', null, `${ctx.t('location')}: `, party(event.location)));
  if (event.fatalities !== undefined)
    facts.push(h('span', null, `${n(event.fatalities)} ${ctx.t('fatalities')}`));
  if (event.injured !== undefined) facts.push(h('span', null, `${n(event.injured)} ${ctx.t('injured')}`));
  return [head, who, facts.length > 0 ? h('span', { class: 'event__facts' }, facts) : null].filter(
    (line): line is HTMLElement => line !== null,
  );
}

/** A stored event as a list item, its parties and article as links. */
export function eventItem(ctx: PageContext, event: StoredEvent): HTMLElement {
  ctx.entities.remember(event.entities);
  const byId = new Map(event.entities.map((e) => [e.id, e]));
  const lines = eventLines(ctx, event, (id) => entityLink(ctx, byId.get(id) ?? id));
  return h(
    'li',
    { class: 'event', 'data-testid': 'event-item', 'data-type': event.type },
    lines,
    h(
      'span',
      { class: 'event__source' },
      `${ctx.t('article')}: `,
      h(
        'a',
        { href: articleHref(event.articleId), dir: 'auto', 'data-testid': 'event-article' },
        event.articleTitle ?? ctx.t('untitled'),
      ),
      event.publishedAt ? ` · ${event.publishedAt}` : null,
      ` · ${ctx.t('confidence')} ${formatNumber(ctx.lang, event.confidence)}`,
    ),
  );
}

export function eventList(
  ctx: PageContext,
  events: readonly StoredEvent[],
  testid = 'events-list',
): HTMLElement {
  return h(
    'ul',
    { class: 'events', 'data-testid': testid },
    events.map((event) => eventItem(ctx, event)),
  );
}
