import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeArticle } from '../ingest/article.ts';
import { jobIdOf } from './article-job.ts';
import { isUnreachable } from './wait-for-database.ts';

test('one article, one job id: the same article id always gives the same UUID, another id another', () => {
  const id = makeArticle({ text: 'التقى سيرغي لافروف في مينسك نظيره البيلاروسي.' }).id;
  assert.equal(jobIdOf(id), jobIdOf(id));
  assert.notEqual(jobIdOf(id), jobIdOf(`${id}0`));
  assert.match(jobIdOf(id), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a server that is down or restarting is waited for; a wrong password or database is not', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  assert.ok(isUnreachable(coded('ECONNREFUSED')));
  assert.ok(isUnreachable(coded('57P03')), 'the database system is starting up');
  assert.ok(isUnreachable(new Error('Connection terminated unexpectedly')));
  assert.ok(!isUnreachable(coded('28P01')), 'password authentication failed');
  assert.ok(!isUnreachable(coded('3D000')), 'database does not exist');
});
