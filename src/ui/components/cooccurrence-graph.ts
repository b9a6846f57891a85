// The entities that share articles with one entity, drawn around it: the entity in the centre, the
// others on a circle, edge width by the articles they share. Each node is an SVG link to its
// entity's page, so the graph is browsed by Tab and Enter as well as by mouse.

import type { EntityRef } from '../../core/doc.ts';
import type { Cooccurrence } from '../../store/repository.ts';
import { linear, radialLayout } from '../chart-layout.ts';
import type { PageContext } from '../context.ts';
import { s } from '../dom.ts';
import { entityName, excerpt, formatNumber } from '../format.ts';
import { entityHref } from '../route.ts';
import { emptyNote } from './status.ts';

const WIDTH = 720;
const HEIGHT = 480;
const RADIUS = 175;
const NODE_RADIUS = 9;

export function cooccurrenceGraph(
  ctx: PageContext,
  centre: EntityRef,
  neighbours: readonly Cooccurrence[],
): Element {
  if (neighbours.length === 0) return emptyNote(ctx.t('noData'));
  const middle = { x: WIDTH / 2, y: HEIGHT / 2 };
  const points = radialLayout(neighbours.length, middle, RADIUS);
  const most = Math.max(...neighbours.map((n) => n.articles));
  const edgeWidth = linear([0, most], [1, 10]);
  const edges = neighbours.map(({ articles }, i) =>
    s('line', {
      class: 'graph__edge',
      x1: middle.x,
      y1: middle.y,
      x2: round(points[i]!.x),
      y2: round(points[i]!.y),
      'stroke-width': round(edgeWidth(articles)),
    }),
  );
  const nodes = neighbours.map(({ entity, articles }, i) => {
    const at = points[i]!;
    // Labels sit outside the circle: to the right of nodes on the right, left of those on the left.
    const dx = at.x - middle.x;
    const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
    const offset = anchor === 'middle' ? 0 : Math.sign(dx) * (NODE_RADIUS + 4);
    const dy = anchor === 'middle' ? Math.sign(at.y - middle.y) * (NODE_RADIUS + 12) : 4;
    const name = entityName(entity, ctx.lang);
    const shared = ctx.t('sharedArticles', { n: formatNumber(ctx.lang, articles) });
    return s(
      'a',
      {
        href: entityHref(entity.id),
        class: `graph__node type-${entity.type}`,
        'aria-label': `${name}: ${shared}`,
        'data-testid': 'cooccurrence-node',
        'data-entity': entity.id,
      },
      s('title', null, `${name} · ${shared}`),
      s('circle', { cx: round(at.x), cy: round(at.y), r: NODE_RADIUS }),
      s('text', { x: round(at.x + offset), y: round(at.y + dy), 'text-anchor': anchor }, excerpt(name, 24)),
    );
  });
  const centreName = entityName(centre, ctx.lang);
  return s(
    'svg',
    {
      class: 'chart graph',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'group',
      'aria-label': `${ctx.t('cooccurrenceLabel')}: ${centreName}`,
      'data-testid': 'cooccurrence-graph',
    },
    edges,
    s(
      'g',
      { class: `graph__centre type-${centre.type}` },
      s('circle', { cx: middle.x, cy: middle.y, r: NODE_RADIUS * 1.8 }),
      s(
        'text',
        { x: middle.x, y: middle.y + NODE_RADIUS * 1.8 + 16, 'text-anchor': 'middle' },
        excerpt(centreName, 28),
      ),
    ),
    nodes,
  );
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
