import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaRadius, dayBars, dayNumber, linear, radialLayout } from './chart-layout.ts';

const box = { width: 120, height: 60, margin: 10 };

test('days count from 1970-01-01 and only YYYY-MM-DD is a day', () => {
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.equal(dayNumber('2024-03-01') - dayNumber('2024-02-28'), 2);
  assert.ok(Number.isNaN(dayNumber('2024-03')));
  assert.ok(Number.isNaN(dayNumber('')));
});

test('bars are placed by date: a missing day leaves a gap', () => {
  const layout = dayBars(
    [
      { day: '2024-01-03', value: 1 },
      { day: '2024-01-01', value: 2 },
    ],
    box,
  )!;
  assert.deepEqual(
    layout.bars.map((b) => b.day),
    ['2024-01-01', '2024-01-03'],
  );
  const [a, b] = layout.bars;
  // Three day slots across 100 px: the second bar sits two slots after the first.
  assert.ok(Math.abs(b!.x - a!.x - (2 * 100) / 3) < 1e-9);
  assert.equal(layout.firstDay, '2024-01-01');
  assert.equal(layout.lastDay, '2024-01-03');
});

test('positive bars rise from the baseline and negative ones hang below it', () => {
  const layout = dayBars(
    [
      { day: '2024-01-01', value: 10 },
      { day: '2024-01-02', value: -10 },
    ],
    box,
  )!;
  assert.equal(layout.zeroY, 30);
  const [up, down] = layout.bars;
  assert.equal(up!.y + up!.height, 30);
  assert.equal(up!.y, 10);
  assert.equal(down!.y, 30);
  assert.equal(down!.height, 20);
});

test('all-zero and empty series still lay out', () => {
  const zero = dayBars([{ day: '2024-01-01', value: 0 }], box)!;
  assert.equal(zero.bars[0]!.height, 0);
  assert.equal(dayBars([], box), null);
  assert.equal(dayBars([{ day: 'soon', value: 3 }], box), null);
});

test('linear maps the domain onto the range', () => {
  const f = linear([0, 10], [100, 0]);
  assert.equal(f(0), 100);
  assert.equal(f(5), 50);
  assert.equal(linear([3, 3], [7, 9])(3), 7);
});

test('circle area, not radius, grows with the count', () => {
  assert.equal(areaRadius(100, 100, 2, 20), 20);
  assert.equal(areaRadius(25, 100, 0, 20), 10);
  assert.equal(areaRadius(0, 100, 2, 20), 2);
  assert.equal(areaRadius(5, 0, 2, 20), 2);
});

test('radial layout starts at the top and goes round evenly', () => {
  const points = radialLayout(4, { x: 0, y: 0 }, 10);
  const rounded = points.map((p) => [Math.round(p.x), Math.round(p.y)]);
  assert.deepEqual(rounded, [
    [0, -10],
    [10, 0],
    [0, 10],
    [-10, 0],
  ]);
});

test('a lone day is a bar, not a slab across the chart', () => {
  const [bar] = dayBars([{ day: '2024-01-01', value: 4 }], box)!.bars;
  assert.ok(bar!.width <= 24);
  assert.ok(Math.abs(bar!.x + bar!.width / 2 - box.width / 2) < 1e-9);
});
