// Where the curation log lives and how it is read and appended to. It sits outside models/ (by
// default ./marsad-curation.jsonl, or wherever MARSAD_CURATION points) so that rebuilding the
// knowledge base never touches it; a missing file simply means nothing has been curated yet.

import { appendFileSync, readFileSync } from 'node:fs';
import { fail } from '../core/errors.ts';
import { type CurationOp, parseCuration } from './curation.ts';

export const CURATION_ENV = 'MARSAD_CURATION';
export const DEFAULT_CURATION_FILE = 'marsad-curation.jsonl';

/** The log to use: $MARSAD_CURATION when set, else ./marsad-curation.jsonl (relative to the working folder). */
export function curationPath(env: NodeJS.ProcessEnv = process.env): string {
  return env[CURATION_ENV] || DEFAULT_CURATION_FILE;
}

/** The operations in the log at `path`, read afresh; none when the file does not exist. */
export function readCurationLog(path: string): CurationOp[] {
  const text = readLog(path);
  return text === undefined ? [] : parseCuration(text, path);
}

/** Appends one operation as a line, creating the file (not its folder: a mistyped folder should fail). */
export function appendCuration(path: string, op: CurationOp): void {
  const text = readLog(path) ?? '';
  // A hand-edited log may lack its final newline; the new operation must still start a line.
  const line = `${text === '' || text.endsWith('\n') ? '' : '\n'}${JSON.stringify(op)}\n`;
  try {
    appendFileSync(path, line, 'utf8');
  } catch (error) {
    throw fail('CURATION_UNWRITABLE', path, reason(error));
  }
}

function readLog(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fail('INPUT_UNREADABLE', path, reason(error));
  }
}

function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return message;
}
