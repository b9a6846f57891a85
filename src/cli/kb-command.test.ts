import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { runInProcess } from './run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let logs = 0;
/** A fresh, not yet existing curation log for each test, so tests do not see each other's edits. */
const newLog = () => join(dir, `curation-${++logs}.jsonl`);

const run = runInProcess;

test('kb show finds Lavrov by id, by an Arabic name and by his English name', async () => {
  const log = newLog();
  for (const query of ['per:sergey-lavrov', 'سيرغي لافروف', 'Sergey Lavrov']) {
    const { code, stdout } = await run(['kb', 'show', query, '--curation', log]);
    assert.equal(code, 0, query);
    assert.match(stdout, /^per:sergey-lavrov {2}person \(PER\)/, query);
    assert.match(stdout, /foreign_minister of country:ru \(Russia\), 2004-03-09 – now {2}\[Wikipedia/);
  }
  const json = JSON.parse((await run(['kb', 'show', 'لافروف', '--json', '--curation', log])).stdout);
  assert.deepEqual(
    json.entities.map((e: { id: string }) => e.id),
    ['per:sergey-lavrov'],
  );
  assert.ok(!existsSync(log), 'looking up writes nothing');
});

test('kb show lists every entity a shared name stands for', async () => {
  const { code, stdout } = await run(['kb', 'show', 'الروسية', '--curation', newLog()]);
  assert.equal(code, 0);
  assert.match(stdout, /country:ru/);
});

test('kb search ranks the exact name first and filters by type', async () => {
  const log = newLog();
  const { code, stdout } = await run(['kb', 'search', 'لافروف', '--curation', log]);
  assert.equal(code, 0);
  assert.match(stdout.split('\n')[0]!, /^per:sergey-lavrov .*\(exact: لافروف\)/);
  const hits = JSON.parse(
    (await run(['kb', 'search', 'minsk', '--type', 'loc', '--limit', '3', '--json', '--curation', log]))
      .stdout,
  );
  assert.equal(hits[0].id, 'city:by:minsk');
  assert.ok(hits.length <= 3 && hits.every((h: { type: string }) => h.type === 'LOC'));
});

test('kb alias then kb show shows the alias; a second time writes nothing', async () => {
  const log = newLog();
  const added = await run(['kb', 'alias', 'per:sergey-lavrov', 'سيرگي لافروف', '--curation', log]);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /added ar alias "سيرگي لافروف" to per:sergey-lavrov/);
  const again = await run(['kb', 'alias', 'per:sergey-lavrov', 'سيرگي لافروف', '--curation', log]);
  assert.match(again.stdout, /already a name .*nothing written/);
  assert.equal(readFileSync(log, 'utf8').trim().split('\n').length, 1);
  assert.match((await run(['kb', 'show', 'per:sergey-lavrov', '--curation', log])).stdout, /سيرگي لافروف/);
  const english = await run(['kb', 'alias', 'per:sergey-lavrov', 'S. Lavrov', '--json', '--curation', log]);
  assert.equal(JSON.parse(english.stdout).op.lang, 'en', 'a Latin name is an English alias');
});

test('kb merge of a provisional id: it then resolves to the person, and stats count it', async () => {
  const log = newLog();
  const merged = await run(['kb', 'merge', 'new:per:0123456789ab', 'per:sergey-lavrov', '--curation', log]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /merged new:per:0123456789ab into per:sergey-lavrov/);
  assert.equal(
    loadCuratedKnowledgeBase({ curation: log }).resolve('new:per:0123456789ab'),
    'per:sergey-lavrov',
  );
  const shown = await run(['kb', 'show', 'new:per:0123456789ab', '--curation', log]);
  assert.match(shown.stdout, /was merged into per:sergey-lavrov[\s\S]*merged from {2}new:per:0123456789ab/);
  const stats = JSON.parse((await run(['kb', 'stats', '--json', '--curation', log])).stdout);
  assert.deepEqual(stats.curation.byOp, { merge: 1 });
  assert.ok(stats.kinds.person > 400 && stats.roles.total > 0);
});

test('bad input is one clear line, a non-zero exit, and nothing written', async () => {
  const log = newLog();
  const fails = async (args: string[], exit: number, pattern: RegExp) => {
    const { code, stderr } = await run([...args, '--curation', log]);
    assert.equal(code, exit, args.join(' '));
    assert.match(stderr, pattern, args.join(' '));
    assert.equal(stderr.trim().split('\n').length, 1);
  };
  await fails(['kb', 'show', 'per:nobody'], 1, /no entity "per:nobody".*\[UNKNOWN_ENTITY\]/);
  await fails(['kb', 'alias', 'per:nobody', 'X'], 1, /UNKNOWN_ENTITY/);
  await fails(['kb', 'alias', 'per:sergey-lavrov', ' '], 2, /empty \[BAD_OPTION\]/);
  await fails(['kb', 'alias', 'per:sergey-lavrov', 'X', '--lang', 'fr'], 2, /--lang must be ar or en/);
  await fails(
    ['kb', 'merge', 'per:sergey-lavrov', 'per:sergey-lavrov'],
    1,
    /into itself \[CURATION_REFUSED\]/,
  );
  await fails(['kb', 'merge', 'new:loc:0123456789ab', 'per:sergey-lavrov'], 1, /is LOC but/);
  await fails(['kb', 'search', 'x', '--type', 'PLACE'], 2, /--type must be one of/);
  await fails(['kb', 'search', 'x', '--limit', '0'], 2, /positive whole number/);
  assert.ok(!existsSync(log));
  await run(['kb', 'merge', 'new:per:0123456789ab', 'per:sergey-lavrov', '--curation', log]);
  await fails(['kb', 'merge', 'per:sergey-lavrov', 'new:per:0123456789ab'], 1, /would make a cycle/);
  assert.equal(readFileSync(log, 'utf8').trim().split('\n').length, 1);
  writeFileSync(log, '{"op":"merge"}\n');
  await fails(['kb', 'stats'], 1, /line 1: from must be a non-empty string.*\[CURATION_MALFORMED\]/);
  const unwritable = join(dir, 'missing', 'log.jsonl');
  const denied = await run(['kb', 'alias', 'per:sergey-lavrov', 'X', '--curation', unwritable]);
  assert.equal(denied.code, 1);
  assert.match(
    denied.stderr,
    /cannot write the curation log .*folder does not exist \[CURATION_UNWRITABLE\]/,
  );
});

test('each kb subcommand explains itself with --help', async () => {
  for (const sub of ['show', 'search', 'alias', 'merge', 'stats']) {
    const { code, stdout } = await run(['kb', sub, '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--curation <file>/, sub);
  }
  assert.match((await run(['kb', '--help'])).stdout, /npm run build:kb/);
});
