import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aliasKeys } from './keys.ts';

test('keys a name with the article also without it', () => {
  assert.deepEqual(aliasKeys('الروسيّة'), ['الروسيه', 'روسيه']);
  assert.deepEqual(aliasKeys('الولايات  المتحدة'), ['الولايات المتحده', 'ولايات المتحده']);
});

test('leaves names without the article, and hamzated alifs, alone', () => {
  assert.deepEqual(aliasKeys('روسيا'), ['روسيا']);
  assert.deepEqual(aliasKeys('إلهام علييف'), ['الهام علييف']);
  assert.deepEqual(aliasKeys('ال'), ['ال']);
});
