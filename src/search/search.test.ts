import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Doc } from '../core/doc.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import type { Repository } from '../store/repository.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { parseQuery } from './query.ts';
import type { SearchRequest, SearchResult } from './types.ts';

const kb = loadCuratedKnowledgeBase();
const textLayer = createTextAnalyzer(loadLexicon());
const analyze = createAnalyzer();

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

let repo: Repository;
const docs = new Map<Name, Doc>();
const nameOf = new Map<string, Name>();

before(async () => {
  repo = openSqliteRepository(':memory:', { textAnalyzer: textLayer });
  await repo.migrate();
  for (const [name, a] of Object.entries(ARTICLES) as [Name, (typeof ARTICLES)[Name]][]) {
    const doc = analyze(a);
    docs.set(name, doc);
    nameOf.set(doc.article.id, name);
    await repo.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, source: a.source });
  }
});
after(() => repo.close());

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

test('a quoted phrase matches only the words in that order', async () => {
  assert.deepEqual(names(await search('"وزير الخارجية"')), ['meeting']);
  assert.deepEqual(names(await search('"الخارجية وزير"')), []);
});

test('title words are searched too', async () => {
  assert.deepEqual(names(await search('يستقبل')), ['meeting']);
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
  await assert.rejects(search('', { limit: 0 }));
  await assert.rejects(search('', { offset: -1 }));
});

test('relevance ranks by bm25, higher scores first; a query without words has no score', async () => {
  const r = await search('لافروف');
  const scores = r.hits.map((h) => h.score!);
  assert.ok(scores.every((s) => typeof s === 'number' && s > 0));
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
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
});
