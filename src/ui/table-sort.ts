// Sorting the rows of a table by one column, as the dyads table does when a header is chosen.

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  readonly key: K;
  readonly direction: SortDirection;
}

/** A sorted copy: numbers by value, text by locale; ties keep their order. */
export function sortRows<T, K extends string & keyof T>(rows: readonly T[], sort: SortState<K>): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row[sort.key], b.row[sort.key]) || a.index - b.index)
    .map(({ row }) => row);
}

/** Choosing the sorted column again flips it; a new column starts with what reads best first. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  firstDirection: SortDirection,
): SortState<K> {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: firstDirection };
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
