import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { runInProcess } from './run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const seed = `${sharedDataDir()}/../seed/000_9b2053030ae6c209.txt`;

const run = runInProcess;

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('analyze --json prints the contract: article, sentences, tokens with norm', async () => {
  const { code, stdout } = await run(['analyze', seed, '--date', '2024-04-12', '--json']);
  assert.equal(code, 0);
  const a = JSON.parse(stdout);
  assert.equal(a.article.publishedAt, '2024-04-12');
  assert.match(a.article.id, /^a-/);
  assert.ok(a.sentences.length >= 16 && a.tokens.length >= 745);
  for (const t of a.tokens) assert.equal(typeof t.norm, 'string');
  assert.equal(a.article.text.slice(a.tokens[0].start, a.tokens[0].end), 'موسكو');
});

test('the seed analysis passes the outside checks for offsets, dates and figures (shared/tools/seedcheck.mjs)', async () => {
  const { stdout } = await run(['analyze', seed, '--date', '2024-04-12', '--json']);
  const analysis = file('seed.json', stdout);
  const checker = `${sharedDataDir()}/../tools/seedcheck.mjs`;
  const expected = `${sharedDataDir()}/../seed/expected.json`;
  for (const category of ['offsets', 'dates', 'figures']) {
    const result = spawnSync(process.execPath, [checker, analysis, expected, seed, category, '1'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`seed ${category}: (\\d+)/\\1 required`));
  }
});

test('analyze without --json prints a readable summary', async () => {
  const { code, stdout } = await run(['analyze', seed]);
  assert.equal(code, 0);
  assert.match(stdout, /sentences · \d+ tokens/);
  assert.match(stdout, /موسكو/);
});

test('analyze - reads standard input', async () => {
  const { code, stdout } = await run(['analyze', '-', '--json'], 'قال لافروف إن الاجتماع انعقد.');
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).tokens.length, 6);
});

test('analyze takes the article body and title out of an HTML page', async () => {
  const html = `<!doctype html><html><head><title>اجتماع مينسك</title><script>var x="<p>لا</p>"</script></head>
    <body><nav>الرئيسية</nav><article><h1>اجتماع مينسك</h1><p>انعقد في مينسك الاجتماع الدوري.</p>
    <p>وقال سيرجي لافروف إن المشاركين أعربوا عن تضامنهم.</p></article><footer>حقوق</footer></body></html>`;
  const { code, stdout } = await run(['analyze', file('page.html', html), '--json']);
  assert.equal(code, 0);
  const a = JSON.parse(stdout);
  assert.equal(a.article.title, 'اجتماع مينسك');
  assert.match(a.article.text, /انعقد في مينسك/);
  assert.doesNotMatch(a.article.text, /الرئيسية|حقوق|var x/);
});

test('an empty file gives an empty analysis', async () => {
  const { code, stdout } = await run(['analyze', file('empty.txt', ''), '--json']);
  assert.equal(code, 0);
  const a = JSON.parse(stdout);
  assert.deepEqual([a.tokens.length, a.sentences.length], [0, 0]);
});

test('a file of only diacritics gives an empty analysis', async () => {
  const { code, stdout } = await run(['analyze', file('marks.txt', 'ًٌٍَُِّْ'.repeat(100)), '--json']);
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).tokens.length, 0);
});

test('binary input is refused with a clear error', async () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  const { code, stderr } = await run(['analyze', file('image.png', png)]);
  assert.equal(code, 1);
  assert.match(stderr, /binary/);
  assert.match(stderr, /INPUT_BINARY/);
});

test('invalid UTF-8 is refused with the offset of the first bad byte', async () => {
  const cp1256 = Buffer.from([0xe3, 0xe6, 0xd3, 0xdf, 0xe6]); // موسكو in Windows-1256
  const { code, stderr } = await run(['analyze', file('cp1256.txt', cp1256)]);
  assert.equal(code, 1);
  assert.match(stderr, /not valid UTF-8.*offset 0/);
});

test('a 50 MB file over the one-article limit fails fast with INPUT_TOO_LARGE', async () => {
  const big = file('big.txt', Buffer.alloc(50 * 1024 * 1024, 'كلمة '));
  const { code, stderr } = await run(['analyze', big]);
  assert.equal(code, 1);
  assert.match(stderr, /INPUT_TOO_LARGE/);
  assert.match(stderr, /--max-bytes/);
});

test('a missing file, a directory and a bad date are clear errors', async () => {
  assert.match((await run(['analyze', join(dir, 'nope.txt')])).stderr, /no such file/);
  assert.match((await run(['analyze', dir])).stderr, /is a directory/);
  const bad = await run(['analyze', seed, '--date', '2024-02-30']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad date "2024-02-30"/);
});

test('bad flags exit 2 with a pointer to --help', async () => {
  const unknown = await run(['analyze', seed, '--frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option/);
  const badLimit = await run(['analyze', seed, '--max-bytes', 'lots']);
  assert.equal(badLimit.code, 2);
  assert.match(badLimit.stderr, /positive whole number/);
});

test('eval ner scores a gold file and says what it read', async () => {
  const gold = file('gold.txt', 'قال O\nسيرغي B-PERS\nلافروف I-PERS\nفي O\nموسكو B-LOC\n. O\n');
  const { code, stdout } = await run(['eval', 'ner', gold]);
  assert.equal(code, 0);
  assert.match(stdout, /1 sentences, 6 tokens/);
  assert.match(stdout, /overall/);
  const json = JSON.parse((await run(['eval', 'ner', gold, '--json'])).stdout);
  assert.equal(json.scores.overall.support, 2);
});

test('eval ner wants a file or --anercorp-test, and refuses binary input', async () => {
  assert.equal((await run(['eval', 'ner'])).code, 2);
  const binary = await run(['eval', 'ner', file('gold.bin', Buffer.from([0, 1, 2, 0, 0]))]);
  assert.equal(binary.code, 1);
  assert.match(binary.stderr, /INPUT_BINARY/);
});

test('--help explains the command and its flags', async () => {
  const { code, stdout } = await run(['analyze', '--help']);
  assert.equal(code, 0);
  for (const flag of ['--date', '--json', '--max-bytes']) assert.match(stdout, new RegExp(flag));
});
