// An async stream regrouped into batches: full ones as soon as they fill, and a partial one once its
// first item has waited `waitMs` for company, so that a slow stream (a feed, a trickle of posted
// articles) is never held back waiting for items that may not come.

export interface BatchOptions {
  /** Items in a full batch (at least 1). */
  readonly size: number;
  /** How long the first item of a batch waits for the batch to fill, in milliseconds. */
  readonly waitMs: number;
}

export async function* batches<T>(source: AsyncIterable<T>, options: BatchOptions): AsyncGenerator<T[]> {
  const { size, waitMs } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be at least 1: ${size}`);
  const iterator = source[Symbol.asyncIterator]();
  // The pull in progress: kept across a timeout, since an iterator must not be asked twice at once.
  let pulling: Promise<IteratorResult<T>> | undefined;
  let batch: T[] = [];
  let deadline = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      pulling ??= iterator.next();
      const next =
        batch.length === 0
          ? await pulling
          : await Promise.race([
              pulling,
              new Promise<'late'>((resolve) => {
                timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
              }),
            ]);
      clearTimeout(timer);
      if (next === 'late') {
        yield batch;
        batch = [];
        continue;
      }
      pulling = undefined;
      if (next.done) break;
      if (batch.length === 0) deadline = Date.now() + waitMs;
      batch.push(next.value);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    clearTimeout(timer);
    // Stopped early (the consumer broke off, or threw): let the source clean up too.
    if (pulling === undefined) await iterator.return?.();
  }
}
