// The seed article's entity checklist (../shared/seed/expected.json), scored by the outside checker
// exactly as outside checks score it: every required entity found, all its surfaces, office phrases,
// demonyms and metonyms on one id, no two sharing an id.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toAnalysisJson } from '../pipeline/contract.ts';

const seedDir = join(sharedDataDir(), '..', 'seed');
const tools = join(sharedDataDir(), '..', 'tools');
const seed = join(seedDir, '000_9b2053030ae6c209.txt');
const dir = mkdtempSync(join(tmpdir(), 'marsad-seed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function missedEntities(): string[] {
  const doc = createAnalyzer()({ text: readFileSync(seed, 'utf8'), publishedAt: '2024-04-12' });
  const analysis = join(dir, 'seed.json');
  writeFileSync(analysis, JSON.stringify(toAnalysisJson(doc)));
  const result = spawnSync(
    process.execPath,
    [join(tools, 'seedcheck.mjs'), analysis, join(seedDir, 'expected.json'), seed, 'entities', '0'],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  const line = result.stdout.split('\n').find((l) => l.startsWith('missed: ')) ?? '';
  return line
    .slice('missed: '.length)
    .split(/, (?=[a-z-]+\()/)
    .filter(Boolean)
    .map((miss) => miss.slice(0, miss.indexOf('(')));
}

test('the seed checklist: every required entity is found, with all its surfaces on one id', () => {
  assert.deepEqual(missedEntities(), []);
});
