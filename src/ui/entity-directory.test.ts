import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityRef } from '../core/doc.ts';
import { createEntityDirectory } from './entity-directory.ts';

const russia: EntityRef = { id: 'country:ru', type: 'LOC', name: { ar: 'روسيا', en: 'Russia' } };

test('an id is fetched once however often it is asked for', async () => {
  const asked: string[] = [];
  const directory = createEntityDirectory(async (id) => {
    asked.push(id);
    return { entity: russia };
  });
  const [a, b] = await Promise.all([directory.lookup('country:ru'), directory.lookup('country:ru')]);
  await directory.lookup('country:ru');
  assert.equal(a, russia);
  assert.equal(b, russia);
  assert.deepEqual(asked, ['country:ru']);
});

test('remembered entities need no request', async () => {
  const directory = createEntityDirectory(async () => assert.fail('no request expected'));
  directory.remember([russia]);
  assert.equal(directory.known('country:ru'), russia);
  assert.equal(await directory.lookup('country:ru'), russia);
});

test('an unknown id is null and may be asked again later', async () => {
  let calls = 0;
  const directory = createEntityDirectory(async () => {
    calls++;
    throw new Error('404');
  });
  assert.equal(await directory.lookup('country:xx'), null);
  assert.equal(await directory.lookup('country:xx'), null);
  assert.equal(calls, 2);
});
