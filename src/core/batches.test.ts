import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { batches } from './batches.ts';

async function* items<T>(values: readonly T[], gapMs = 0) {
  for (const value of values) {
    if (gapMs > 0) await sleep(gapMs);
    yield value;
  }
}

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of source) out.push(batch);
  return out;
}

describe('batches', () => {
  it('groups a fast stream into full batches and a last partial one', async () => {
    const got = await collect(batches(items([1, 2, 3, 4, 5, 6, 7]), { size: 3, waitMs: 1_000 }));
    assert.deepEqual(got, [[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('yields nothing for an empty stream', async () => {
    assert.deepEqual(await collect(batches(items([]), { size: 4, waitMs: 10 })), []);
  });

  it('hands over a partial batch once its first item has waited long enough', async () => {
    // Items 40 ms apart, batches of 10 waiting at most 5 ms: every item goes alone.
    const started = Date.now();
    const got = await collect(batches(items(['a', 'b', 'c'], 40), { size: 10, waitMs: 5 }));
    assert.deepEqual(got, [['a'], ['b'], ['c']]);
    assert.ok(Date.now() - started < 1_000);
  });

  it('never asks the source for a second item before the first pull has answered', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: AsyncIterable<number> = {
      [Symbol.asyncIterator]() {
        let n = 0;
        return {
          async next() {
            inFlight++;
            most = Math.max(most, inFlight);
            await sleep(15);
            inFlight--;
            return n < 4 ? { done: false, value: n++ } : { done: true, value: undefined };
          },
        };
      },
    };
    const got = await collect(batches(slow, { size: 3, waitMs: 1 }));
    assert.deepEqual(got.flat(), [0, 1, 2, 3]);
    assert.equal(most, 1);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const batch of batches(source(), { size: 2, waitMs: 100 })) {
      assert.deepEqual(batch, [0, 1]);
      break;
    }
    assert.equal(closed, true);
  });

  it('refuses a batch size below one', async () => {
    await assert.rejects(collect(batches(items([1]), { size: 0, waitMs: 1 })), RangeError);
  });
});
