import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { COLUMNS } from '../events/export/table.ts';
import { runInProcess } from './run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = runInProcess;

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// Two agencies on one meeting, in different words: the first names the council, the second the
// council and Lavrov (participant overlap 1/2), both Minsk, both the publication day (a Friday).
const TASS = 'انعقد في مينسك اليوم الاجتماع الدوري لمجلس وزراء خارجية رابطة الدول المستقلة.';
const BELTA = 'اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في مينسك الجمعة بمشاركة سيرغي لافروف.';
const tass = file('tass.txt', TASS);
const belta = file(
  'belta.html',
  `<html><head><title>بيلتا</title></head><body><article><p>${BELTA}</p></article></body></html>`,
);

/** The PLOVER records of a JSON-lines export. */
const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

/** A CSV/TSV export as objects by column, rows split naively (the test texts hold no separators). */
function table(text: string, separator: string, eol: string) {
  const [header, ...rows] = text.split(eol).filter((l) => l !== '');
  const columns = header!.split(separator);
  assert.deepEqual(columns, [...COLUMNS]);
  return rows.map((r) => Object.fromEntries(r.split(separator).map((cell, i) => [columns[i], cell])));
}

describe('marsad export', () => {
  test('two articles about one meeting: one story with two reports, as PLOVER JSON lines', async () => {
    const { code, stdout, stderr } = await run(['export', tass, belta, '--date', '2024-04-12']);
    assert.equal(code, 0, stderr);
    const consult = records(stdout).filter((r) => r.event[0] === 'CONSULT');
    assert.equal(consult.length, 1, stdout);
    const [story] = consult;
    assert.equal(story.date, '2024-04-12');
    assert.equal(story.event_loc.resolved_place, 'Minsk');
    assert.equal(story.event_loc.country_code, 'BLR');
    assert.equal(story.report_count, 2);
    assert.deepEqual(story.reports.map((r: { text: string }) => r.text).sort(), [BELTA, TASS].sort());
    assert.ok(story.actor.some((a: { marsad_id: string }) => a.marsad_id === 'org:cis-cfm'));
    assert.match(stderr, /1 story from 2 reports in 2 articles/);
  });

  test('the same story as one TSV row and one CSV row', async () => {
    const tsv = await run(['export', tass, belta, '--date', '2024-04-12', '--format', 'tsv']);
    assert.equal(tsv.code, 0, tsv.stderr);
    const tsvRows = table(tsv.stdout, '\t', '\n').filter((r) => r.type === 'CONSULT');
    assert.equal(tsvRows.length, 1);
    assert.equal(tsvRows[0]!.num_reports, '2');
    assert.equal(tsvRows[0]!.location_name, 'Minsk');
    assert.equal(tsvRows[0]!.quad_class, '1');

    const csv = await run(['export', tass, belta, '--date', '2024-04-12', '--format', 'csv']);
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.endsWith('\r\n'));
    const csvRows = table(csv.stdout, ',', '\r\n').filter((r) => r.type === 'CONSULT');
    assert.equal(csvRows.length, 1);
    assert.equal(csvRows[0]!.num_reports, '2');
    assert.equal(csvRows[0]!.id, tsvRows[0]!.id);
  });

  test('JSON lines of articles, with url and source, from a file or standard input', async () => {
    const jsonl = [
      JSON.stringify({
        id: 'tass-1',
        url: 'https://tass.example/1',
        source: 'TASS',
        publishedAt: '2024-04-12',
        text: TASS,
      }),
      '',
      JSON.stringify({
        id: 'belta-7',
        source: 'BelTA',
        publishedAt: '2024-04-12T09:30:00+03:00',
        text: BELTA,
      }),
    ].join('\n');
    const fromFile = await run(['export', file('feed.jsonl', jsonl), '--format', 'csv']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const [row] = table(fromFile.stdout, ',', '\r\n').filter((r) => r.type === 'CONSULT');
    assert.equal(row!.num_reports, '2');
    assert.equal(row!.sources, 'belta-7|https://tass.example/1'); // same day: by article id
    assert.equal(row!.publications, 'BelTA|TASS');

    const fromStdin = await run(['export', '-', '--jsonl'], jsonl);
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    const [story] = records(fromStdin.stdout).filter((r) => r.event[0] === 'CONSULT');
    assert.deepEqual(
      story.reports.map((r: { article_id: string }) => r.article_id),
      ['belta-7', 'tass-1'],
    );
    assert.equal(story.cite_info.publication, 'BelTA');
  });

  test('a bad file among good ones: a clear error for it, the others exported, exit code 1', async () => {
    const png = file(
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    const missing = join(dir, 'missing.txt');
    const { code, stdout, stderr } = await run(['export', tass, png, missing, belta, '--date', '2024-04-12']);
    assert.equal(code, 1);
    assert.match(stderr, /image\.txt looks like binary data.*\[INPUT_BINARY\]/);
    assert.match(stderr, /cannot read .*missing\.txt: no such file \[INPUT_NOT_FOUND\]/);
    assert.match(stderr, /2 inputs could not be read/);
    const [story] = records(stdout).filter((r) => r.event[0] === 'CONSULT');
    assert.equal(story.report_count, 2);
  });

  test('a malformed JSON line is reported with its line number; the other lines are exported', async () => {
    const feed = file(
      'broken.jsonl',
      [
        JSON.stringify({ id: 'tass-1', publishedAt: '2024-04-12', text: TASS }),
        '{"id": "cut-off", "text": "انعقد',
        JSON.stringify({ id: 'no-text', publishedAt: '2024-04-12' }),
        JSON.stringify({ id: 'bad-date', publishedAt: '2024-02-30', text: BELTA }),
        JSON.stringify({ id: 'belta-7', publishedAt: '2024-04-12', text: BELTA }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run(['export', feed, '--format', 'tsv']);
    assert.equal(code, 1);
    assert.match(stderr, /broken\.jsonl line 2: not valid JSON/);
    assert.match(stderr, /broken\.jsonl line 3: the article has no "text"/);
    assert.match(stderr, /broken\.jsonl line 4: bad date "2024-02-30".*\[BAD_DATE\]/);
    assert.match(stderr, /3 inputs could not be read/);
    const [row] = table(stdout, '\t', '\n').filter((r) => r.type === 'CONSULT');
    assert.equal(row!.num_reports, '2');
  });

  test('--out writes the export to a file; the same article twice is counted once', async () => {
    const out = join(dir, 'stories.jsonl');
    const copy = file('copy.txt', TASS);
    const { code, stdout, stderr } = await run([
      'export',
      tass,
      copy,
      belta,
      '--date',
      '2024-04-12',
      '--out',
      out,
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /copy\.txt: article a-[0-9a-f]+ was read already/);
    const [story] = records(readFileSync(out, 'utf8')).filter((r) => r.event[0] === 'CONSULT');
    assert.equal(story.report_count, 2);
  });

  test('--help explains; a bad format, a bad date or - twice is a usage error', async () => {
    const help = await run(['export', '--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--format', '--date', '--out', '--jsonl', 'JSON-lines', 'story'])
      assert.match(help.stdout, new RegExp(flag));
    const format = await run(['export', tass, '--format', 'xml']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /plover, tsv, csv/);
    assert.equal((await run(['export', tass, '--date', '2024-13-01'])).code, 2);
    const twice = await run(['export', '-', '-']);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /only once/);
  });
});
