import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgress, formatProgress } from './progress.ts';

test('with a total: a bar, the count, the rate and the time left', () => {
  assert.equal(
    formatProgress({ label: 'ingest', done: 120, total: 300, failed: 0, seconds: 3 }),
    'ingest [##########--------------] 120/300 40.0/s ETA 0:05',
  );
});

test('without a total: the count, the rate and the time spent; failures are counted', () => {
  assert.equal(
    formatProgress({ label: 'ingest', done: 5000, failed: 2, seconds: 3725 }),
    'ingest 5000 1.3/s 1:02:05, 2 failed',
  );
});

test('off a terminal, one plain line at the end (and every few seconds), never carriage returns', () => {
  const lines: string[] = [];
  const progress = createProgress('ingest', { write: (s) => lines.push(s), isTTY: false }, 3);
  progress.tick();
  progress.tick(false);
  progress.tick();
  progress.end();
  assert.ok(lines.every((l) => !l.includes('\r') && l.endsWith('\n')));
  assert.match(lines.at(-1)!, /^ingest \[#+\] 3\/3 .*, 1 failed\n$/);
});
