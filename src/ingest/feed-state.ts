// What each polled feed said last time (its ETag and Last-Modified), kept in a small JSON file between
// runs so the next poll asks "anything new?" and a 304 costs nothing. Written whole to a temporary
// file and renamed, so an interrupted write never leaves a broken file behind.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fail } from '../core/errors.ts';
import type { FeedState } from './sources/web.ts';

export type FeedStates = Record<string, FeedState>;

/** The states in `path`, or none when the file does not exist yet. */
export function readFeedStates(path: string): FeedStates {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as FeedStates;
  } catch (error) {
    throw fail(
      'DATA_CORRUPT',
      path,
      (error as Error).message,
      'delete it: the next poll fetches every feed in full once',
    );
  }
}

export function writeFeedStates(path: string, states: FeedStates): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(states, null, 2)}\n`);
  renameSync(temporary, path);
}
