// The behaviour every Repository must show, as one node:test suite each adapter's test file runs
// against its own store (sqlite.test.ts, postgres.test.ts): migrations, idempotent and atomic saves,
// read-back, entities, near duplicates, concurrency, search (stems, entities, phrases, filters,
// facets, paging, ranking, snippets), and the reads for the API and UI (contract-reads.ts). A store
// difference that matters to a caller fails here.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Doc, EntityType, PloverType } from '../core/doc.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toAnalysisJson } from '../pipeline/contract.ts';
import { parseQuery } from '../search/query.ts';
import type { SearchRequest, SearchResult } from '../search/types.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer, type TextAnalyzer } from '../text/text-layer.ts';
import { defineReadsContract } from './contract-reads.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Repository } from './repository.ts';

/** Where one store lives (a file, a schema); each open() is a new handle on it (a connection, a pool). */
export interface StoreLocation {
  open(options?: { readonly textAnalyzer?: TextAnalyzer }): Repository;
}

export interface ContractTarget {
  /** A new, empty location, for one test. */
  create(): Promise<StoreLocation>;
  /** Removes every location create() made; runs once, after the suite. */
  cleanup(): Promise<void>;
}

export function defineRepositoryContract(name: string, target: ContractTarget): void {
  const analyze = createAnalyzer();
  const textLayer = createTextAnalyzer(loadLexicon());

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

  /** A migrated store in a new location. */
  async function fresh(): Promise<Repository> {
    const repo = (await target.create()).open({ textAnalyzer: textLayer });
    await repo.migrate();
    return repo;
  }

  const save = (repo: Repository, doc: Doc, extra: { simhash?: bigint; duplicateOf?: string } = {}) =>
    repo.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, source: 'test', ...extra });

  describe(`Repository contract: ${name}`, () => {
    after(() => target.cleanup());

    test('migrations run in order once: a second run, or a reopened store, is a no-op', async () => {
      const versions = MIGRATIONS.map((m) => m.version);
      assert.deepEqual(
        versions,
        versions.map((_, i) => i + 1),
        'versions count up from 1',
      );
      const location = await target.create();
      const first = location.open({ textAnalyzer: textLayer });
      assert.equal((await first.stats()).schemaVersion, 0);
      await assert.rejects(save(first, LAVROV), /call migrate\(\) first/);
      assert.deepEqual(await first.migrate(), versions);
      assert.deepEqual(await first.migrate(), []);
      await save(first, LAVROV);
      await first.close();
      const again = location.open({ textAnalyzer: textLayer });
      assert.deepEqual(await again.migrate(), []);
      const stats = await again.stats();
      assert.equal(stats.schemaVersion, versions.at(-1));
      assert.equal(stats.articles, 1, 'the data survives');
      await again.close();
    });

    test('two handles migrating at once: one applies the steps, the other finds them done', async () => {
      const location = await target.create();
      const a = location.open({ textAnalyzer: textLayer });
      const b = location.open({ textAnalyzer: textLayer });
      const applied = await Promise.all([a.migrate(), b.migrate()]);
      assert.deepEqual(applied.map((v) => v.length).sort(), [0, MIGRATIONS.length]);
      assert.equal(await save(b, LAVROV), 'added');
      await Promise.all([a.close(), b.close()]);
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

    test('concurrent saves: one copy of each article, shared entities written once', async () => {
      const location = await target.create();
      const a = location.open({ textAnalyzer: textLayer });
      const b = location.open({ textAnalyzer: textLayer });
      await a.migrate();
      const outcomes = await Promise.all([
        save(a, LAVROV),
        save(b, LAVROV),
        save(a, SANCTIONS),
        save(b, SANCTIONS),
        save(a, MACRON),
      ]);
      assert.deepEqual(outcomes.slice(0, 2).sort(), ['added', 'duplicate']);
      assert.deepEqual(outcomes.slice(2, 4).sort(), ['added', 'duplicate']);
      assert.equal(outcomes[4], 'added');
      const stats = await a.stats();
      assert.equal(stats.articles, 3);
      const ids = new Set([LAVROV, SANCTIONS, MACRON].flatMap((d) => d.entities.map((e) => e.id)));
      assert.equal(stats.entities, ids.size);
      assert.equal((await b.getEntity('per:sergey-lavrov'))?.articles, 2);
      await Promise.all([a.close(), b.close()]);
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
      await assert.rejects(save(repo, broken, { simhash: 42n }), /foreign key/i);
      assert.equal(await repo.hasArticle(MACRON.article.id), false);
      assert.deepEqual(await repo.stats(), before);
      assert.equal(await repo.getEntity('per:emmanuel-macron'), null);
      assert.equal(await repo.findNearDuplicate(42n, 0), null);
      // The intact article saves afterwards.
      assert.equal(await save(repo, MACRON), 'added');
      await repo.close();
    });

    test('saving a batch: one result per article, a failing one left out whole, the rest kept', async () => {
      const repo = await fresh();
      await save(repo, LAVROV);
      const broken: Doc = {
        ...MACRON,
        mentions: [
          ...MACRON.mentions,
          { start: 0, end: 3, text: 'ندد', type: 'PER', entity: 'per:nobody', via: 'name' },
        ],
      };
      const input = (doc: Doc) => ({ doc, language: 'ar', contentHash: doc.article.id, source: 'test' });
      const results = await repo.saveArticles([
        input(LAVROV),
        { ...input(broken), simhash: 42n },
        input(SANCTIONS),
        // Twice in one batch: the second sees the first.
        input(SANCTIONS),
      ]);
      assert.deepEqual(results[0], { ok: true, outcome: 'duplicate' });
      assert.equal(results[1]!.ok, false);
      assert.match(String(!results[1]!.ok && results[1]!.error), /foreign key/i);
      assert.deepEqual(results.slice(2), [
        { ok: true, outcome: 'added' },
        { ok: true, outcome: 'duplicate' },
      ]);
      assert.equal(await repo.hasArticle(MACRON.article.id), false);
      assert.equal(await repo.findNearDuplicate(42n, 0), null);
      assert.equal(await repo.getEntity('per:emmanuel-macron'), null);
      assert.equal((await repo.getEntity('per:sergey-lavrov'))?.articles, 2);
      assert.equal((await repo.stats()).articles, 2);
      assert.deepEqual(await repo.saveArticles([]), []);
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
      assert.equal(stored.id, LAVROV.article.id);
      assert.equal(stored.language, 'ar');
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
      // Coordinates and ids read back exactly (DOUBLE PRECISION, not a 4-byte REAL).
      const moscow = LAVROV.entities.find((e) => e.id === 'city:ru:moscow');
      assert.ok(moscow?.lat !== undefined && moscow.geonames !== undefined, 'the analyzer places Moscow');
      assert.deepEqual((await repo.getEntity(moscow.id))!.entity, moscow);

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
      assert.equal(
        (await repo.findNearDuplicate(spread, 4, { exhaustive: true }))?.articleId,
        LAVROV.article.id,
      );
      assert.equal(await repo.findNearDuplicate(~h & 0xffff_ffff_ffff_ffffn, 10), null);
      // The top bit survives the store (hex text, not a signed integer).
      await save(repo, MACRON, { simhash: 0xffff_0000_0000_0001n });
      assert.equal((await repo.findNearDuplicate(0xffff_0000_0000_0000n, 1))?.articleId, MACRON.article.id);
      await assert.rejects(repo.findNearDuplicate(h, 65), RangeError);
      await assert.rejects(repo.findNearDuplicate(-1n, 3), RangeError);
      assert.equal((await repo.stats()).nearDuplicates, 1);
      // duplicateOf must name a stored article.
      const other = analyze({ text: 'وصل الوفد إلى القاهرة.' });
      await assert.rejects(save(repo, other, { duplicateOf: 'a-missing' }), /foreign key/i);
      assert.equal(await repo.hasArticle(other.article.id), false);
      await repo.close();
    });

    defineSearchContract(target, textLayer, analyze);
    defineReadsContract(target, textLayer, analyze);
  });
}

const PADDING = 'وتناولت المباحثات ملفات إقليمية عديدة في إطار التشاور المستمر بين الجانبين. '.repeat(4);
const ARTICLES = {
  meeting: {
    text: `${PADDING}التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو لبحث التعاون بين البلدين.`,
    title: 'لافروف يستقبل نظيره الإيراني',
    publishedAt: '2024-04-10',
    source: 'tass',
  },
  sanctions: {
    text: 'قال لافروف إن روسيا ترفض العقوبات الأمريكية الجديدة.',
    publishedAt: '2024-04-12',
    source: 'rt',
  },
  condemn: {
    text: 'ندد الرئيس الفرنسي إيمانويل ماكرون بالهجوم الذي استهدف قرية في جنوب لبنان.',
    publishedAt: '2024-04-11',
    source: 'afp',
  },
  gaza: {
    text: 'أعلن الجيش الإسرائيلي أن الهجوم على غزة مستمر، وقتل عشرة أشخاص.',
    source: 'afp',
  },
  cairo: {
    text: 'وصل سيرجي لافروف إلى القاهرة في زيارة رسمية.',
    publishedAt: '2024-04-09',
    source: 'tass',
  },
  oil: {
    text: 'ارتفعت أسعار النفط في الأسواق العالمية اليوم.',
    publishedAt: '2024-04-08',
    source: 'reuters',
  },
} as const;
type Name = keyof typeof ARTICLES;

function defineSearchContract(
  target: ContractTarget,
  textLayer: TextAnalyzer,
  analyze: ReturnType<typeof createAnalyzer>,
): void {
  describe('search', () => {
    const kb = loadCuratedKnowledgeBase();
    let repo: Repository;
    const docs = new Map<Name, Doc>();
    const nameOf = new Map<string, Name>();

    before(async () => {
      repo = (await target.create()).open({ textAnalyzer: textLayer });
      await repo.migrate();
      for (const [name, a] of Object.entries(ARTICLES) as [Name, (typeof ARTICLES)[Name]][]) {
        const doc = analyze(a);
        docs.set(name, doc);
        nameOf.set(doc.article.id, name);
        await repo.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, source: a.source });
      }
    });
    after(() => repo?.close());

    async function search(text: string, rest: Omit<SearchRequest, 'query'> = {}): Promise<SearchResult> {
      return repo.search({ query: parseQuery(text, kb, textLayer), ...rest });
    }
    const names = (r: SearchResult) => r.hits.map((h) => nameOf.get(h.articleId)!).sort();
    /** The articles whose analysis satisfies `test`: what a filter must return. */
    const where = (test: (doc: Doc) => boolean) =>
      [...docs]
        .filter(([, doc]) => test(doc))
        .map(([name]) => name)
        .sort();

    test('articles saved in one batch are searched as when saved one by one, facets and all', async () => {
      const batched = (await target.create()).open({ textAnalyzer: textLayer });
      await batched.migrate();
      const results = await batched.saveArticles(
        [...docs].map(([name, doc]) => ({
          doc,
          language: 'ar',
          contentHash: doc.article.id,
          source: ARTICLES[name].source,
        })),
      );
      assert.ok(results.every((r) => r.ok && r.outcome === 'added'));
      for (const [query, filters] of [
        ['', {}],
        ['لافروف', {}],
        ['هجوم', {}],
        ['', { entityType: 'PER' }],
        ['', { eventType: 'ASSAULT' }],
      ] as const) {
        const request = { query: parseQuery(query, kb, textLayer), filters, limit: 100 };
        assert.deepEqual(await batched.search(request), await repo.search(request), query);
      }
      await batched.close();
    });

    test('هجوم finds the article that only says بالهجوم: both stem to هجوم', async () => {
      const r = await search('هجوم');
      assert.deepEqual(names(r), ['condemn', 'gaza']);
      assert.equal(r.total, 2);
      const hit = r.hits.find((h) => nameOf.get(h.articleId) === 'condemn')!;
      assert.ok(hit.snippet.includes('[بالهجوم]'), hit.snippet);
    });

    test('Lavrov, لافروف and سيرغي لافروف find the same articles, whatever spelling they use', async () => {
      const expected = where((d) => d.entities.some((e) => e.id === 'per:sergey-lavrov'));
      assert.deepEqual(expected, ['cairo', 'meeting', 'sanctions']);
      for (const query of ['Lavrov', 'لافروف', 'سيرغي لافروف', 'Sergey Lavrov'])
        assert.deepEqual(names(await search(query)), expected, query);
      // The article that spells him سيرجي is found by the entity, and its snippet marks that mention.
      const cairo = (await search('سيرغي لافروف')).hits.find((h) => nameOf.get(h.articleId) === 'cairo')!;
      assert.ok(cairo.snippet.includes('[سيرجي لافروف]'), cairo.snippet);
    });

    test('a quoted phrase matches only the words in that order, and is marked as one', async () => {
      const r = await search('"وزير الخارجية"');
      assert.deepEqual(names(r), ['meeting']);
      assert.ok(r.hits[0]!.snippet.includes('[وزير الخارجية]'), r.hits[0]!.snippet);
      assert.deepEqual(names(await search('"الخارجية وزير"')), []);
      // Adjacent single words stay two marks.
      const words = (await search('وزير الخارجية')).hits[0]!;
      assert.ok(words.snippet.includes('[وزير] [الخارجية]'), words.snippet);
    });

    test('title words are searched too', async () => {
      assert.deepEqual(names(await search('يستقبل')), ['meeting']);
    });

    test('query punctuation is never full-text syntax', async () => {
      const lavrov = names(await search('لافروف'));
      for (const query of [`لافروف ' & | ! <-> ( ) : * \\`, 'لافروف "', `'لافروف'`, '(لافروف)'])
        assert.deepEqual(names(await search(query)), lavrov, query);
      assert.deepEqual(names(await search(`' & | !`)), Object.keys(ARTICLES).sort());
    });

    test('filters: entity, entity type, event type, country, source, date range', async () => {
      assert.deepEqual(names(await search('', { filters: { entity: 'per:emmanuel-macron' } })), ['condemn']);
      assert.deepEqual(
        names(await search('', { filters: { entityType: 'PER' } })),
        where((d) => d.entities.some((e) => e.type === 'PER')),
      );
      const assault = where((d) => d.events.some((e) => e.type === 'ASSAULT'));
      assert.ok(assault.length > 0, 'the analyzer codes an attack');
      assert.deepEqual(names(await search('', { filters: { eventType: 'ASSAULT' } })), assault);
      // Russia itself, or anything in it: Lavrov, Moscow.
      assert.deepEqual(
        names(await search('', { filters: { country: 'country:ru' } })),
        where((d) => d.entities.some((e) => e.id === 'country:ru' || e.country === 'country:ru')),
      );
      assert.deepEqual(names(await search('', { filters: { source: 'tass' } })), ['cairo', 'meeting']);
      assert.deepEqual(names(await search('', { filters: { from: '2024-04-10', to: '2024-04-11' } })), [
        'condemn',
        'meeting',
      ]);
      assert.deepEqual(names(await search('لافروف', { filters: { source: 'tass', from: '2024-04-10' } })), [
        'meeting',
      ]);
      assert.deepEqual(names(await search('', { filters: { source: 'nobody' } })), []);
      await assert.rejects(search('', { filters: { from: '2024-02-30' } }));
    });

    test('facets count every matching article, not only the page', async () => {
      const r = await search('لافروف', { limit: 1 });
      assert.equal(r.total, 3);
      assert.equal(r.hits.length, 1);
      assert.deepEqual(r.facets.source, { tass: 2, rt: 1 });
      assert.equal(r.facets.entityType.PER, 3);
      assert.equal(r.facets.country['country:ru'], 3);
      const events: Record<string, number> = {};
      for (const name of ['cairo', 'meeting', 'sanctions'] as const)
        for (const type of new Set(docs.get(name)!.events.map((e) => e.type)))
          events[type] = (events[type] ?? 0) + 1;
      assert.deepEqual(r.facets.eventType, events);
      const all = await search('');
      assert.equal(all.total, 6);
      assert.deepEqual(all.facets.source, { tass: 2, rt: 1, afp: 2, reuters: 1 });
      assert.equal(all.facetsSampled, null, 'no more matches than facetSample: every one counted');
      const none = await search('لافروف', { filters: { source: 'afp' } });
      assert.deepEqual(none, {
        total: 0,
        hits: [],
        facets: { entityType: {}, eventType: {}, source: {}, country: {} },
        facetsSampled: null,
      });
    });

    test('each facet count is the total its filter gives', async () => {
      const filterOf = {
        entityType: (value: string) => ({ entityType: value as EntityType }),
        eventType: (value: string) => ({ eventType: value as PloverType }),
        source: (value: string) => ({ source: value }),
        country: (value: string) => ({ country: value }),
      };
      for (const query of ['', 'لافروف', 'هجوم']) {
        const { facets } = await search(query);
        for (const facet of Object.keys(filterOf) as (keyof typeof filterOf)[])
          for (const [value, n] of Object.entries(facets[facet])) {
            const narrowed = await search(query, { filters: filterOf[facet](value) });
            assert.equal(narrowed.total, n, `${query} ${facet}=${value}`);
          }
      }
    });

    test('above facetSample matches, facets are estimated from a fixed sample of them; the total stays exact', async () => {
      const exact = await search('');
      const estimated = await search('', { facetSample: 2 });
      assert.equal(estimated.total, exact.total);
      const sample = estimated.facetsSampled!;
      assert.ok(sample >= 1 && sample < exact.total, `a sample, not every match: ${sample}`);
      assert.deepEqual(await search('', { facetSample: 2 }), estimated, 'the same sample every time');
      // Scaled to the total: each article has one source, so the sources' estimates add up to it
      // (give or take rounding), and no estimate exceeds it or names a value no match has.
      const sources = Object.values(estimated.facets.source);
      assert.ok(Math.abs(sources.reduce((a, b) => a + b, 0) - exact.total) <= sources.length / 2);
      for (const facet of ['entityType', 'eventType', 'source', 'country'] as const)
        for (const [value, n] of Object.entries(estimated.facets[facet])) {
          assert.ok(value in exact.facets[facet], `${facet}=${value}`);
          assert.ok(n >= 1 && n <= exact.total, `${facet}=${value}: ${n}`);
        }
      // Filters and a query narrow the matches before they are sampled.
      const lavrov = await search('لافروف', { facetSample: 1, filters: { source: 'tass' } });
      assert.equal(lavrov.total, 2);
      assert.ok(lavrov.facetsSampled === null || lavrov.facetsSampled <= 1);
      // As many matches as facetSample, or fewer: exact again.
      assert.deepEqual(await search('', { facetSample: exact.total }), exact);
      await assert.rejects(search('', { facetSample: 0 }), RangeError);
      await assert.rejects(search('', { facetSample: 1.5 }), RangeError);
    });

    test('pagination walks the whole result once; sort by date is newest first, undated last', async () => {
      const all = await search('', { sort: 'date', limit: 100 });
      assert.equal(all.total, 6);
      assert.deepEqual(
        all.hits.map((h) => h.publishedAt),
        ['2024-04-12', '2024-04-11', '2024-04-10', '2024-04-09', '2024-04-08', null],
      );
      const paged: string[] = [];
      for (let offset = 0; offset < 6; offset += 4) {
        const page = await search('', { sort: 'date', limit: 4, offset });
        assert.equal(page.total, 6);
        paged.push(...page.hits.map((h) => h.articleId));
      }
      assert.deepEqual(
        paged,
        all.hits.map((h) => h.articleId),
      );
      const byDate = await search('لافروف', { sort: 'date' });
      assert.deepEqual(
        byDate.hits.map((h) => nameOf.get(h.articleId)),
        ['sanctions', 'meeting', 'cairo'],
      );
      // Relevance pages too, without repeats or gaps.
      const ranked = await search('لافروف');
      const pages = [
        ...(await search('لافروف', { limit: 2 })).hits,
        ...(await search('لافروف', { limit: 2, offset: 2 })).hits,
      ];
      assert.deepEqual(
        pages.map((h) => h.articleId),
        ranked.hits.map((h) => h.articleId),
      );
      assert.equal((await search('', { offset: 10 })).hits.length, 0);
      await assert.rejects(search('', { limit: 0 }));
      await assert.rejects(search('', { limit: 101 }));
      await assert.rejects(search('', { offset: -1 }));
    });

    test('relevance ranks higher scores first; a query without words has no score', async () => {
      for (const query of ['لافروف', 'Lavrov', 'هجوم']) {
        const r = await search(query);
        const scores = r.hits.map((h) => h.score!);
        assert.ok(
          scores.every((s) => typeof s === 'number' && s > 0),
          `${query}: ${scores}`,
        );
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
        );
      }
      assert.ok((await search('')).hits.every((h) => h.score === null));
    });

    test('snippets are slices of the original text around the first match', async () => {
      for (const query of ['هجوم', 'لافروف', 'موسكو', 'Lavrov', '"وزير الخارجية"', '']) {
        for (const hit of (await search(query)).hits) {
          const text = docs.get(nameOf.get(hit.articleId)!)!.article.text;
          const plain = hit.snippet.replace(/[[\]]/g, '').replace(/^…|…$/g, '');
          assert.ok(text.includes(plain), `${query}: ${hit.snippet}`);
        }
      }
      // The meeting's match lies past its padding: the snippet starts mid-text, near the match.
      const meeting = (await search('موسكو')).hits[0]!;
      assert.ok(meeting.snippet.startsWith('…'), meeting.snippet);
      assert.ok(meeting.snippet.includes('[موسكو]'), meeting.snippet);
      // Without query words: the start of the text, nothing marked.
      const oil = (await search('', { filters: { source: 'reuters' } })).hits[0]!;
      assert.equal(oil.snippet, ARTICLES.oil.text);
    });
  });
}
