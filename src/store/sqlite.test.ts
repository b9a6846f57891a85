import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defineRepositoryContract } from './contract.ts';
import { checkHistory, MIGRATIONS } from './migrations.ts';
import { openSqliteRepository } from './sqlite.ts';

// Every location is a new database file in a temporary directory of the suite's, removed after it.
// The contract runs again on stores opened for bulk writing (as `marsad ingest` opens them): their
// journals and checkpoints differ, what they store and read back must not.
for (const bulkWrite of [false, true]) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  let files = 0;
  defineRepositoryContract(bulkWrite ? 'SQLite opened for bulk writing' : 'SQLite', {
    async create() {
      const path = join(dir, `store-${++files}.db`);
      return { open: (options) => openSqliteRepository(path, { ...options, bulkWrite }) };
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

test('a database whose history differs from the code is refused', () => {
  assert.doesNotThrow(() => checkHistory([{ version: 1, name: MIGRATIONS[0]!.name }], MIGRATIONS));
  assert.throws(() => checkHistory([{ version: 1, name: 'something else' }], MIGRATIONS), /migration 1/);
  assert.throws(() => checkHistory([{ version: 99, name: 'future' }], MIGRATIONS), /newer than this code/);
});
