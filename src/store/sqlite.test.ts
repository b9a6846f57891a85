import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Doc } from '../core/doc.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toAnalysisJson } from '../pipeline/contract.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Repository } from './repository.ts';
import { openSqliteRepository } from './sqlite.ts';
import { checkHistory } from './sqlite-migrate.ts';

const analyze = createAnalyzer();
const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LAVROV = analyze({
  text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو لبحث التعاون بين البلدين.',
  title: 'لافروف في موسكو',
  publishedAt: '2024-04-10',
});
const SANCTIONS = analyze({
  text: 'قال لافروف إن روسيا ترفض العقوبات الأمريكية الجديدة.',
  publishedAt: '2024-04-12',
});
const MACRON = analyze({
  text: 'ندد الرئيس الفرنسي إيمانويل ماكرون بالهجوم الذي استهدف قرية في جنوب لبنان.',
});

async function fresh(): Promise<Repository> {
  const repo = openSqliteRepository(':memory:');
  await repo.migrate();
  return repo;
}

const save = (repo: Repository, doc: Doc, extra: { simhash?: bigint; duplicateOf?: string } = {}) =>
  repo.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, source: 'test', ...extra });

test('migrations run in order once: a second run, or a reopened file, is a no-op', async () => {
  const versions = MIGRATIONS.map((m) => m.version);
  assert.deepEqual(
    versions,
    versions.map((_, i) => i + 1),
    'versions count up from 1',
  );
  const path = join(dir, 'migrate.db');
  const first = openSqliteRepository(path);
  assert.equal((await first.stats()).schemaVersion, 0);
  await assert.rejects(save(first, LAVROV), /call migrate\(\) first/);
  assert.deepEqual(await first.migrate(), versions);
  assert.deepEqual(await first.migrate(), []);
  await save(first, LAVROV);
  await first.close();
  const again = openSqliteRepository(path);
  assert.deepEqual(await again.migrate(), []);
  const stats = await again.stats();
  assert.equal(stats.schemaVersion, versions.at(-1));
  assert.equal(stats.articles, 1, 'the data survives');
  await again.close();
});

test('a database whose history differs from the code is refused', () => {
  assert.doesNotThrow(() => checkHistory([{ version: 1, name: MIGRATIONS[0]!.name }], MIGRATIONS));
  assert.throws(() => checkHistory([{ version: 1, name: 'something else' }], MIGRATIONS), /migration 1/);
  assert.throws(() => checkHistory([{ version: 99, name: 'future' }], MIGRATIONS), /newer than this code/);
});

test('saving is idempotent: the same article again is a duplicate and changes nothing', async () => {
  const repo = await fresh();
  assert.equal(await save(repo, LAVROV), 'added');
  const before = await repo.stats();
  assert.equal(await save(repo, LAVROV), 'duplicate');
  // Another id with a content hash already stored is a duplicate as well.
  const reissued = analyze({ text: LAVROV.article.text, id: 'other-id' });
  assert.equal(
    await repo.saveArticle({ doc: reissued, language: 'ar', contentHash: LAVROV.article.id }),
    'duplicate',
  );
  assert.deepEqual(await repo.stats(), before);
  assert.equal(before.articles, 1);
  assert.equal(before.mentions, LAVROV.mentions.length);
  assert.equal(before.events, LAVROV.events.length);
  assert.equal(before.entities, LAVROV.entities.length);
  await repo.close();
});

test('an article that fails midway leaves nothing behind', async () => {
  const repo = await fresh();
  await save(repo, LAVROV);
  const before = await repo.stats();
  // A mention linked to an entity the doc does not list: the article row, its entities and bands
  // are written before the link rows fail their foreign key.
  const broken: Doc = {
    ...MACRON,
    mentions: [
      ...MACRON.mentions,
      { start: 0, end: 3, text: 'ندد', type: 'PER', entity: 'per:nobody', via: 'name' },
    ],
  };
  await assert.rejects(save(repo, broken, { simhash: 42n }), /FOREIGN KEY/);
  assert.equal(await repo.hasArticle(MACRON.article.id), false);
  assert.deepEqual(await repo.stats(), before);
  assert.equal(await repo.getEntity('per:emmanuel-macron'), null);
  assert.equal(await repo.findNearDuplicate(42n, 0), null);
  // The intact article saves afterwards.
  assert.equal(await save(repo, MACRON), 'added');
  await repo.close();
});

test('an article reads back with its analysis JSON and what the ingest said', async () => {
  const repo = await fresh();
  await repo.saveArticle({
    doc: LAVROV,
    language: 'ar',
    contentHash: 'sha256:abc',
    source: 'tass',
    url: 'https://example.org/1',
    simhash: 0xfedcba9876543210n,
  });
  assert.equal(await repo.hasArticle(LAVROV.article.id), true);
  assert.equal(await repo.hasArticle('a-missing'), false);
  assert.equal(await repo.getArticle('a-missing'), null);
  const stored = (await repo.getArticle(LAVROV.article.id))!;
  assert.deepEqual(stored.analysis, JSON.parse(JSON.stringify(toAnalysisJson(LAVROV))));
  assert.equal(stored.analysis.article.title, 'لافروف في موسكو');
  assert.equal(stored.contentHash, 'sha256:abc');
  assert.equal(stored.source, 'tass');
  assert.equal(stored.url, 'https://example.org/1');
  assert.equal(stored.simhash, 0xfedcba9876543210n);
  assert.equal(stored.duplicateOf, null);
  assert.match(stored.addedAt, /^\d{4}-\d{2}-\d{2}T/);
  await repo.close();
});

test('entities: counts over all articles, and the first save names them', async () => {
  const repo = await fresh();
  await save(repo, LAVROV);
  await save(repo, SANCTIONS);
  const lavrov = (await repo.getEntity('per:sergey-lavrov'))!;
  const mentionsOf = (doc: Doc) => doc.mentions.filter((m) => m.entity === 'per:sergey-lavrov').length;
  assert.equal(lavrov.mentions, mentionsOf(LAVROV) + mentionsOf(SANCTIONS));
  assert.equal(lavrov.articles, 2);
  assert.deepEqual(
    lavrov.entity,
    LAVROV.entities.find((e) => e.id === 'per:sergey-lavrov'),
  );
  assert.equal(await repo.getEntity('per:nobody'), null);

  // A later article calling an entity something else does not rename it.
  const renamed: Doc = {
    ...MACRON,
    entities: MACRON.entities.map((e) =>
      e.id === 'country:lb' ? { ...e, name: { ar: 'اسم آخر', en: null } } : e,
    ),
  };
  const lebanon = analyze({ text: 'زار الوفد لبنان أمس.' });
  assert.ok(lebanon.entities.some((e) => e.id === 'country:lb'));
  await save(repo, lebanon);
  await save(repo, renamed);
  assert.deepEqual((await repo.getEntity('country:lb'))!.entity.name, { ar: 'لبنان', en: 'Lebanon' });
  await repo.close();
});

test('near duplicates: nearest simhash within the distance among band neighbours, or by a full scan', async () => {
  const repo = await fresh();
  const h = 0x0123_4567_89ab_cdefn;
  await save(repo, LAVROV, { simhash: h });
  await save(repo, SANCTIONS, { simhash: h ^ 0b111n, duplicateOf: LAVROV.article.id });
  assert.deepEqual(await repo.findNearDuplicate(h, 0), {
    articleId: LAVROV.article.id,
    distance: 0,
    duplicateOf: null,
  });
  assert.deepEqual(await repo.findNearDuplicate(h ^ 0b110n, 3), {
    articleId: SANCTIONS.article.id,
    distance: 1,
    duplicateOf: LAVROV.article.id,
  });
  // One flipped bit in each of the four bands: no band agrees, so only the scan finds it.
  const spread = h ^ (1n << 1n) ^ (1n << 17n) ^ (1n << 33n) ^ (1n << 49n);
  assert.equal(await repo.findNearDuplicate(spread, 3), null);
  assert.equal(await repo.findNearDuplicate(spread, 4), null);
  assert.equal((await repo.findNearDuplicate(spread, 4, { exhaustive: true }))?.articleId, LAVROV.article.id);
  assert.equal(await repo.findNearDuplicate(~h & 0xffff_ffff_ffff_ffffn, 10), null);
  await assert.rejects(repo.findNearDuplicate(h, 65), RangeError);
  await assert.rejects(repo.findNearDuplicate(-1n, 3), RangeError);
  assert.equal((await repo.stats()).nearDuplicates, 1);
  // duplicateOf must name a stored article.
  await assert.rejects(save(repo, MACRON, { duplicateOf: 'a-missing' }), /FOREIGN KEY/);
  assert.equal(await repo.hasArticle(MACRON.article.id), false);
  await repo.close();
});
