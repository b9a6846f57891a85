// A bar chart of one value per day (an entity's mentions, the PLOVER score of the events), drawn as
// SVG from dayBars' layout. Every bar has a <title> with its day and value, and the chart has a
// label, so it reads without colour and without a mouse; negative values are shaded differently
// and hang below the baseline, so the sign shows by position as well.

import { type DayValue, dayBars } from '../chart-layout.ts';
import type { PageContext } from '../context.ts';
import { h, s } from '../dom.ts';
import { formatNumber } from '../format.ts';
import { emptyNote } from './status.ts';

const BOX = { width: 720, height: 200, margin: 28 };

export interface BarChartOptions {
  /** What the chart shows, for assistive technology. */
  readonly label: string;
  readonly testid: string;
}

/** The chart, and the same numbers as a table behind a disclosure (built when first opened). */
export function barChart(ctx: PageContext, points: readonly DayValue[], options: BarChartOptions): Element {
  const layout = dayBars(points, BOX);
  if (!layout) return emptyNote(ctx.t('noData'));
  const n = (v: number) => formatNumber(ctx.lang, v);
  const right = BOX.width - BOX.margin;
  const details = h('details', { class: 'chart-table' }, h('summary', null, ctx.t('showTable')));
  details.addEventListener(
    'toggle',
    () => {
      details.append(
        h(
          'table',
          { class: 'table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, ctx.t('dayColumn')),
              h('th', { scope: 'col' }, ctx.t('valueColumn')),
            ),
          ),
          h(
            'tbody',
            null,
            layout.bars.map((bar) =>
              h('tr', null, h('td', null, bar.day), h('td', { class: 'num' }, n(bar.value))),
            ),
          ),
        ),
      );
    },
    { once: true },
  );
  const svg = s(
    'svg',
    {
      class: 'chart chart--bars',
      viewBox: `0 0 ${BOX.width} ${BOX.height}`,
      role: 'img',
      'aria-label': `${options.label}: ${layout.firstDay} – ${layout.lastDay}`,
      'data-testid': options.testid,
    },
    s('line', { class: 'chart__axis', x1: BOX.margin, x2: right, y1: layout.zeroY, y2: layout.zeroY }),
    s('text', { class: 'chart__label', x: BOX.margin, y: BOX.height - 8 }, layout.firstDay),
    s('text', { class: 'chart__label', x: right, y: BOX.height - 8, 'text-anchor': 'end' }, layout.lastDay),
    s('text', { class: 'chart__label', x: 2, y: BOX.margin - 8 }, n(layout.max)),
    layout.min < 0
      ? s('text', { class: 'chart__label', x: 2, y: BOX.height - BOX.margin + 14 }, n(layout.min))
      : null,
    layout.bars.map((bar) =>
      s(
        'rect',
        {
          class: bar.value < 0 ? 'chart__bar chart__bar--negative' : 'chart__bar',
          x: round(bar.x),
          y: round(bar.y),
          width: round(bar.width),
          height: round(bar.height),
          'data-day': bar.day,
          'data-value': bar.value,
        },
        s('title', null, `${bar.day}: ${n(bar.value)}`),
      ),
    ),
  );
  return h('figure', { class: 'chart-figure' }, svg, details);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
