// The repository contract on PostgreSQL, against the server MARSAD_TEST_POSTGRES names
// (postgres://user:password@host:port/database). Each test gets a schema of its own, made here and
// named in the store's URL (search_path), and every one is dropped after the suite. Without the
// variable the suite is skipped, loudly, on a developer's machine, and fails where CI is set: CI must
// not pass without having run it.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Pool } from 'pg';
import { defineRepositoryContract } from './contract.ts';
import { openPostgresRepository } from './postgres.ts';
import { toTsquery, toTsvector } from './postgres-tsvector.ts';

const TEST_URL_ENV = 'MARSAD_TEST_POSTGRES';

const url = process.env[TEST_URL_ENV] ?? '';
const ci = (process.env.CI ?? '') !== '';

if (url !== '') {
  const admin = new Pool({ connectionString: url, max: 1 });
  const schemas: string[] = [];
  defineRepositoryContract('PostgreSQL', {
    async create() {
      // Hex only: safe to write into the DDL, which takes no bound identifiers.
      const schema = `marsad_test_${randomBytes(8).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      const store = new URL(url);
      store.searchParams.set('options', `-c search_path=${schema}`);
      return {
        open: (options) => openPostgresRepository(store.toString(), { ...options, maxConnections: 4 }),
      };
    },
    async cleanup() {
      try {
        for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  });
} else if (ci) {
  test('PostgreSQL repository contract', () => {
    assert.fail(
      `${TEST_URL_ENV} is not set, and CI is: CI must run the PostgreSQL store's tests. ` +
        `Set ${TEST_URL_ENV}=postgres://user:password@host:5432/database (a database the user may create schemas in).`,
    );
  });
} else {
  test(
    'PostgreSQL repository contract',
    {
      skip: `SKIPPED: set ${TEST_URL_ENV}=postgres://user:password@host:5432/database to run the PostgreSQL store's tests`,
    },
    () => undefined,
  );
}

// What needs no server: the literals the adapter binds.
test('tsvector literal: our tokens as they are, weighted by part, one position apart between parts', () => {
  assert.equal(
    toTsvector({ title: 'لافروف موسكو', body: "لافروف it's a\\b", entities: 'e_per_sergey_lavrov' }),
    `'لافروف':1A,4C 'موسكو':2A 'it''s':5C 'a\\\\b':6C 'e_per_sergey_lavrov':8B`,
  );
  assert.equal(toTsvector({ title: '', body: '', entities: '' }), '');
});

test('tsquery literal: clauses AND, alternatives OR, phrases <->, stems in title or body, entities apart', () => {
  const query = {
    clauses: [
      {
        written: 'سيرغي لافروف',
        alternatives: [
          { kind: 'stems', stems: ['سيرغي', 'لافروف'] },
          { kind: 'entity', id: 'per:sergey-lavrov' },
        ],
      },
      { written: 'هجوم', alternatives: [{ kind: 'stems', stems: ['هجوم'] }] },
    ],
  } as const;
  assert.equal(toTsquery(query), `(('سيرغي':AC <-> 'لافروف':AC) | 'e_per_sergey_lavrov':B) & ('هجوم':AC)`);
  assert.equal(toTsquery({ clauses: [] }), null);
});
