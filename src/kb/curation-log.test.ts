import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { appendCuration, curationPath, readCurationLog } from './curation-log.ts';
import { loadCuratedKnowledgeBase, loadKnowledgeBase } from './knowledge-base.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-curation-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const code = (c: string) => (e: unknown) => e instanceof MarsadError && e.code === c;

test('the log is $MARSAD_CURATION, else ./marsad-curation.jsonl', () => {
  assert.equal(curationPath({ MARSAD_CURATION: '/x/log.jsonl' }), '/x/log.jsonl');
  assert.equal(curationPath({}), 'marsad-curation.jsonl');
});

test('a missing log is no curation; appending creates it and keeps one operation per line', () => {
  const log = join(dir, 'append.jsonl');
  assert.deepEqual(readCurationLog(log), []);
  appendCuration(log, { op: 'merge', from: 'new:per:0123456789ab', into: 'per:sergey-lavrov' });
  writeFileSync(log, readFileSync(log, 'utf8').trimEnd()); // as a hand edit might leave it
  appendCuration(log, { op: 'alias', id: 'per:sergey-lavrov', lang: 'en', name: 'S. Lavrov' });
  assert.deepEqual(
    readCurationLog(log).map((op) => op.op),
    ['merge', 'alias'],
  );
});

test('an unwritable or unreadable log is a clear error', () => {
  const op = { op: 'merge', from: 'new:per:0123456789ab', into: 'per:sergey-lavrov' } as const;
  assert.throws(
    () => appendCuration(join(dir, 'no-such-folder', 'log.jsonl'), op),
    code('CURATION_UNWRITABLE'),
  );
  assert.throws(() => readCurationLog(dir), code('INPUT_UNREADABLE'));
});

test('loadCuratedKnowledgeBase applies the log, read afresh on every call', () => {
  const log = join(dir, 'fresh.jsonl');
  assert.equal(loadCuratedKnowledgeBase({ curation: log }), loadKnowledgeBase(), 'no log: the shipped one');
  appendCuration(log, { op: 'merge', from: 'new:per:0123456789ab', into: 'per:sergey-lavrov' });
  assert.equal(
    loadCuratedKnowledgeBase({ curation: log }).resolve('new:per:0123456789ab'),
    'per:sergey-lavrov',
  );
  appendCuration(log, { op: 'alias', id: 'new:per:0123456789ab', lang: 'en', name: 'S. V. Lavrov' });
  const kb = loadCuratedKnowledgeBase({ curation: log });
  assert.ok(kb.get('per:sergey-lavrov')?.aliases.en.includes('S. V. Lavrov'));
  assert.equal(kb.size, loadKnowledgeBase().size);
  assert.ok(
    !loadKnowledgeBase().get('per:sergey-lavrov')?.aliases.en.includes('S. V. Lavrov'),
    'shipped one unchanged',
  );
});
