// The reads for the API and UI (reads.ts), as part of the repository contract (contract.ts): one
// store of eight analysed articles, and expectations checked by hand against what the analyzer
// codes in them (the first test pins that down, so a change in the analyzer shows there, not as a
// store failure). Both adapters must give these answers in this order.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Doc, EventRecord } from '../core/doc.ts';
import type { createAnalyzer } from '../pipeline/analyze.ts';
import type { TextAnalyzer } from '../text/text-layer.ts';
import type { ContractTarget } from './contract.ts';
import type { Page, Repository, StoredEvent } from './repository.ts';
import { COOCCURRENCE_MIN_ARTICLES } from './summaries.ts';

const ARTICLES = {
  group: {
    text: 'اتهمت منظمة "أنصار الحرية" إيران بقصف المدنيين.',
    publishedAt: '2024-04-08',
    source: 'reuters',
  },
  denial: { text: 'لم تهاجم روسيا أوكرانيا.', publishedAt: '2024-04-09', source: 'afp' },
  meeting: {
    text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو لبحث التعاون بين البلدين.',
    title: 'لافروف في موسكو',
    publishedAt: '2024-04-10',
    source: 'tass',
  },
  // Vowel marks: لافْروفُ is its own way of writing Lavrov.
  rejects: {
    text: 'قال لافْروفُ إنّ روسيا ترفض العقوبات الأمريكية.',
    publishedAt: '2024-04-11',
    source: 'tass',
  },
  condemn: {
    text: 'أدانت روسيا وإيران الهجوم الإسرائيلي على سوريا.',
    publishedAt: '2024-04-12',
    source: 'rt',
  },
  together: { text: 'أدان لافروف وروسيا الهجوم الإسرائيلي.', publishedAt: '2024-04-12', source: 'rt' },
  // Arabic-Indic digits; the event is dated to a month only.
  march: { text: 'هاجمت روسيا أوكرانيا في مارس ٢٠٢٤.', publishedAt: '2024-04-13', source: 'afp' },
  gaza: { text: 'أعلن الجيش الإسرائيلي أن الهجوم على غزة مستمر، وقتل عشرة أشخاص.', source: 'afp' },
} as const;
type Name = keyof typeof ARTICLES;

const MEETING_URL = 'https://example.org/meeting';

export function defineReadsContract(
  target: ContractTarget,
  textLayer: TextAnalyzer,
  analyze: ReturnType<typeof createAnalyzer>,
): void {
  describe('reads for the API and UI', () => {
    let repo: Repository;
    const docs = new Map<Name, Doc>();
    const nameOf = new Map<string, Name>();
    const doc = (name: Name) => docs.get(name)!;
    const id = (name: Name) => doc(name).article.id;

    before(async () => {
      repo = (await target.create()).open({ textAnalyzer: textLayer });
      await repo.migrate();
      for (const [name, a] of Object.entries(ARTICLES) as [Name, (typeof ARTICLES)[Name]][]) {
        let analysed = analyze(a);
        // Events stored without a date of their own: they count on their article's day.
        if (name === 'rejects') analysed = { ...analysed, events: analysed.events.map(withoutDate) };
        docs.set(name, analysed);
        nameOf.set(analysed.article.id, name);
        await repo.saveArticle({
          doc: analysed,
          language: 'ar',
          contentHash: analysed.article.id,
          source: a.source,
          ...(name === 'meeting' && { url: MEETING_URL }),
          ...(name === 'together' && { duplicateOf: id('condemn') }),
        });
      }
    });
    after(() => repo?.close());

    /** An event by its article and its place there (1-based), as the coder numbers them. */
    const event = (name: Name, n: number) => `${id(name)}:e${n}`;
    const eventIds = (page: Page<StoredEvent>) => page.items.map((e) => e.id);

    test('the fixture: what the analyzer codes, as the expectations below were checked against', () => {
      const coded = (name: Name) =>
        doc(name).events.map(
          (e) =>
            `${e.type} ${e.actors.join('+')} → ${e.recipients.join('+')}` +
            `${e.location ? ` @ ${e.location}` : ''}${e.date ? ` ${e.date}` : ''}`,
        );
      assert.deepEqual(coded('group'), ['ACCUSE new:org:e0f0f34e0a6b → new:org:c25531425a6b 2024-04-08']);
      assert.deepEqual(coded('denial'), ['ASSAULT country:ru → country:ua 2024-04-09']);
      assert.equal(doc('denial').events[0]!.auxiliary, 'negated');
      assert.deepEqual(coded('meeting'), ['CONSULT per:sergey-lavrov →  @ city:ru:moscow 2024-04-10']);
      assert.deepEqual(coded('rejects'), ['REJECT country:us → ', 'SANCTION country:us → ']);
      assert.deepEqual(coded('condemn'), [
        'ACCUSE country:ru+country:ir → country:il 2024-04-12',
        'ASSAULT country:il → country:sy 2024-04-12',
      ]);
      assert.deepEqual(coded('together'), [
        'ACCUSE per:sergey-lavrov+country:ru → country:il 2024-04-12',
        'ASSAULT country:il →  2024-04-12',
      ]);
      assert.deepEqual(coded('march'), ['ASSAULT country:ru → country:ua 2024-03']);
      assert.deepEqual(coded('gaza'), ['ASSAULT  → country:ps @ city:ps:gaza']);
      assert.ok(
        ![...docs.values()].some((d) => d.entities.some((e) => e.id === 'country:ps')),
        'Gaza’s country is an argument but no article mentions it: the store has no entity for it',
      );
      // Two articles of the same day: their ids decide their order.
      assert.ok(id('condemn') < id('together'));
    });

    describe('listArticles', () => {
      test('newest first, undated last, the same day by id; with mention and event counts', async () => {
        const page = await repo.listArticles();
        assert.equal(page.total, 8);
        assert.deepEqual(
          page.items.map((a) => nameOf.get(a.id)),
          ['march', 'condemn', 'together', 'rejects', 'meeting', 'denial', 'group', 'gaza'],
        );
        const meeting = page.items.find((a) => a.id === id('meeting'));
        assert.deepEqual(meeting, {
          id: id('meeting'),
          title: 'لافروف في موسكو',
          publishedAt: '2024-04-10',
          source: 'tass',
          url: MEETING_URL,
          language: 'ar',
          duplicateOf: null,
          mentions: 6,
          events: 1,
        });
        for (const a of page.items) {
          assert.equal(a.mentions, doc(nameOf.get(a.id)!).mentions.length);
          assert.equal(a.events, doc(nameOf.get(a.id)!).events.length);
        }
        assert.equal(page.items.find((a) => a.id === id('together'))!.duplicateOf, id('condemn'));
        assert.equal(page.items.at(-1)!.publishedAt, null);
      });

      test('filtered by source, the total counting every match', async () => {
        const tass = await repo.listArticles({ source: 'tass', limit: 1 });
        assert.equal(tass.total, 2);
        assert.deepEqual(
          tass.items.map((a) => a.id),
          [id('rejects')],
        );
        assert.deepEqual(await repo.listArticles({ source: 'nobody' }), { total: 0, items: [] });
      });

      test('pages walk the whole list once; bad paging is a RangeError', async () => {
        const all = (await repo.listArticles()).items.map((a) => a.id);
        const walked: string[] = [];
        for (let offset = 0; offset < 8; offset += 3) {
          const page = await repo.listArticles({ limit: 3, offset });
          assert.equal(page.total, 8);
          walked.push(...page.items.map((a) => a.id));
        }
        assert.deepEqual(walked, all);
        assert.deepEqual(await repo.listArticles({ offset: 8 }), { total: 8, items: [] });
        for (const bad of [{ limit: 0 }, { limit: 101 }, { limit: 1.5 }, { offset: -1 }, { offset: 0.5 }])
          await assert.rejects(repo.listArticles(bad), RangeError, JSON.stringify(bad));
      });
    });

    describe('entities', () => {
      test('findEntities: by English or Arabic name or id, any case, with counts as getEntity gives them', async () => {
        const lavrov = await repo.getEntity('per:sergey-lavrov');
        assert.deepEqual(await repo.findEntities({ query: 'LAVROV' }), { total: 1, items: [lavrov] });
        assert.deepEqual(await repo.findEntities({ query: 'لافروف' }), { total: 1, items: [lavrov] });
        // Past the last match, the total still counts them.
        assert.deepEqual(await repo.findEntities({ query: 'lavrov', offset: 1 }), { total: 1, items: [] });
        assert.deepEqual(lavrov?.mentions, 5);
        assert.deepEqual(lavrov?.articles, 3);
        // Equal counts (one mention each) fall back to the id.
        const cities = await repo.findEntities({ query: 'City:' });
        assert.deepEqual(
          cities.items.map((s) => [s.entity.id, s.mentions]),
          [
            ['city:ps:gaza', 1],
            ['city:ru:moscow', 1],
          ],
        );
      });

      test('findEntities: most mentioned first; type filter; LIKE wildcards are plain characters', async () => {
        const all = await repo.findEntities({ limit: 100 });
        assert.equal(all.total, (await repo.stats()).entities);
        assert.equal(all.total, 12);
        assert.deepEqual(
          all.items.slice(0, 5).map((s) => [s.entity.id, s.mentions, s.articles]),
          [
            ['country:ru', 6, 6],
            ['per:sergey-lavrov', 5, 3],
            ['country:ir', 3, 3],
            ['country:il', 2, 2],
            ['country:ua', 2, 2],
          ],
        );
        const orgs = await repo.findEntities({ type: 'ORG' });
        assert.deepEqual(
          orgs.items.map((s) => s.entity.id),
          ['new:org:c25531425a6b', 'new:org:e0f0f34e0a6b', 'org:idf'],
        );
        assert.equal(orgs.items[0]!.entity.provisional, true);
        assert.deepEqual(
          (await repo.findEntities({ query: 'RU', type: 'LOC' })).items.map((s) => s.entity.id),
          ['country:ru', 'city:ru:moscow'],
        );
        assert.deepEqual(await repo.findEntities({ query: 'RU', type: 'PER' }), { total: 0, items: [] });
        for (const query of ['%', '_', '\\', 'country%ru'])
          assert.deepEqual(await repo.findEntities({ query }), { total: 0, items: [] }, query);
        const walked = [
          ...(await repo.findEntities({ limit: 5 })).items,
          ...(await repo.findEntities({ limit: 5, offset: 5 })).items,
          ...(await repo.findEntities({ limit: 5, offset: 10 })).items,
        ];
        assert.deepEqual(walked, all.items);
        await assert.rejects(repo.findEntities({ limit: 0 }), RangeError);
      });

      test('entityMentions: newest article first, in text order within one, each as written', async () => {
        const page = await repo.entityMentions('per:sergey-lavrov');
        assert.equal(page.total, 5);
        assert.deepEqual(
          page.items.map((m) => [nameOf.get(m.articleId), m.text, m.via]),
          [
            ['together', 'لافروف', 'alias'],
            ['rejects', 'لافْروفُ', 'alias'],
            ['meeting', 'وزير الخارجية الروسي', 'role'],
            ['meeting', 'سيرغي لافروف', 'name'],
            ['meeting', 'لافروف', 'alias'],
          ],
        );
        for (const m of page.items) {
          assert.equal(doc(nameOf.get(m.articleId)!).article.text.slice(m.start, m.end), m.text);
          assert.equal(m.publishedAt, doc(nameOf.get(m.articleId)!).article.publishedAt);
        }
        assert.equal(page.items[2]!.articleTitle, 'لافروف في موسكو');
        const second = await repo.entityMentions('per:sergey-lavrov', { limit: 2, offset: 2 });
        assert.deepEqual(second, { total: 5, items: page.items.slice(2, 4) });
        // A provisional entity's mentions have no `via`.
        assert.equal((await repo.entityMentions('new:org:c25531425a6b')).items[0]!.via, null);
        assert.deepEqual(await repo.entityMentions('per:nobody'), { total: 0, items: [] });
        await assert.rejects(repo.entityMentions('per:sergey-lavrov', { offset: -1 }), RangeError);
      });

      test('entityVariants: every spelling counted, most frequent first, then in byte order', async () => {
        assert.deepEqual(await repo.entityVariants('per:sergey-lavrov'), [
          { text: 'لافروف', count: 2 },
          { text: 'سيرغي لافروف', count: 1 },
          { text: 'لافْروفُ', count: 1 },
          { text: 'وزير الخارجية الروسي', count: 1 },
        ]);
        assert.deepEqual(await repo.entityVariants('per:nobody'), []);
      });

      test('entityTimeline: mentions and articles per publication day, oldest first, undated left out', async () => {
        assert.deepEqual(await repo.entityTimeline('per:sergey-lavrov'), [
          { day: '2024-04-10', mentions: 3, articles: 1 },
          { day: '2024-04-11', mentions: 1, articles: 1 },
          { day: '2024-04-12', mentions: 1, articles: 1 },
        ]);
        assert.deepEqual(await repo.entityTimeline('country:ru'), [
          { day: '2024-04-09', mentions: 1, articles: 1 },
          { day: '2024-04-10', mentions: 1, articles: 1 },
          { day: '2024-04-11', mentions: 1, articles: 1 },
          { day: '2024-04-12', mentions: 2, articles: 2 },
          { day: '2024-04-13', mentions: 1, articles: 1 },
        ]);
        // The army is named only in the undated Gaza article.
        assert.equal((await repo.getEntity('org:idf'))?.articles, 1);
        assert.deepEqual(await repo.entityTimeline('org:idf'), []);
        assert.deepEqual(await repo.entityTimeline('per:nobody'), []);
      });

      test('cooccurring: most shared articles first, then by id, never the entity itself', async () => {
        const shared = await repo.cooccurring('per:sergey-lavrov');
        assert.deepEqual(
          shared.map((c) => [c.entity.id, c.articles]),
          [
            ['country:ru', 3],
            ['city:ru:moscow', 1],
            ['country:il', 1],
            ['country:ir', 1],
            ['country:us', 1],
          ],
        );
        assert.deepEqual(shared[0]!.entity, (await repo.getEntity('country:ru'))!.entity);
        assert.deepEqual(await repo.cooccurring('per:sergey-lavrov', 2), shared.slice(0, 2));
        assert.deepEqual(await repo.cooccurring('per:nobody'), []);
        await assert.rejects(repo.cooccurring('per:sergey-lavrov', 0), RangeError);
        await assert.rejects(repo.cooccurring('per:sergey-lavrov', 101), RangeError);
      });
    });

    describe('events', () => {
      /** What listEvents must return for a coded event: the record as analysed, its article, its stored entities. */
      function stored(name: Name, n: number, entityIds: readonly string[]): StoredEvent {
        const analysed = doc(name);
        const record = analysed.events.find((e) => e.id === event(name, n))!;
        const entities = new Map(
          [...docs.values()].flatMap((d) => d.entities.map((e) => [e.id, e] as const)),
        );
        return {
          ...record,
          articleId: analysed.article.id,
          articleTitle: analysed.article.title ?? null,
          publishedAt: analysed.article.publishedAt ?? null,
          entities: entityIds.map((entityId) => entities.get(entityId)!),
        };
      }

      test('listEvents: newest first (own date, else the article’s), undated last; each as stored, with its entities', async () => {
        const page = await repo.listEvents();
        assert.equal(page.total, 11);
        assert.deepEqual(eventIds(page), [
          event('condemn', 1),
          event('condemn', 2),
          event('together', 1),
          event('together', 2),
          event('rejects', 1),
          event('rejects', 2),
          event('meeting', 1),
          event('denial', 1),
          event('group', 1),
          event('march', 1),
          event('gaza', 1),
        ]);
        const byId = new Map(page.items.map((e) => [e.id, e]));
        // Actors and recipients in their order, the location last; an argument the store has no
        // entity for (Gaza's country) is in the record but not among the entities.
        assert.deepEqual(
          byId.get(event('together', 1)),
          stored('together', 1, ['per:sergey-lavrov', 'country:ru', 'country:il']),
        );
        assert.deepEqual(
          byId.get(event('meeting', 1)),
          stored('meeting', 1, ['per:sergey-lavrov', 'city:ru:moscow']),
        );
        assert.deepEqual(byId.get(event('gaza', 1)), stored('gaza', 1, ['city:ps:gaza']));
        assert.equal(byId.get(event('gaza', 1))!.fatalities, 10);
        assert.deepEqual(byId.get(event('rejects', 2)), stored('rejects', 2, ['country:us']));
        assert.deepEqual(byId.get(event('rejects', 2))!.context, ['economic']);
        assert.equal(byId.get(event('rejects', 2))!.date, undefined);
        assert.deepEqual(byId.get(event('denial', 1)), stored('denial', 1, ['country:ru', 'country:ua']));
        assert.deepEqual(
          byId.get(event('group', 1)),
          stored('group', 1, ['new:org:e0f0f34e0a6b', 'new:org:c25531425a6b']),
        );
        // Every event reads back as analysed.
        for (const e of page.items) {
          const { articleId, articleTitle, publishedAt, entities, ...record } = e;
          const analysed: EventRecord = doc(nameOf.get(articleId)!).events.find((x) => x.id === e.id)!;
          assert.deepEqual(record, analysed);
        }
      });

      test('listEvents: type, actor, recipient, article and country filters, together or alone', async () => {
        // Every match fits one page: the total is the page's length, however the store counts.
        const ids = async (filters: Parameters<Repository['listEvents']>[0]) => {
          const page = await repo.listEvents(filters);
          assert.equal(page.total, page.items.length, JSON.stringify(filters));
          return eventIds(page);
        };
        assert.deepEqual(await ids({ type: 'ASSAULT' }), [
          event('condemn', 2),
          event('together', 2),
          event('denial', 1),
          event('march', 1),
          event('gaza', 1),
        ]);
        assert.deepEqual(await ids({ actor: 'country:ru' }), [
          event('condemn', 1),
          event('together', 1),
          event('denial', 1),
          event('march', 1),
        ]);
        assert.deepEqual(await ids({ recipient: 'country:il' }), [event('condemn', 1), event('together', 1)]);
        assert.deepEqual(await ids({ actor: 'country:il' }), [event('condemn', 2), event('together', 2)]);
        assert.deepEqual(await ids({ articleId: id('condemn') }), [event('condemn', 1), event('condemn', 2)]);
        // Russia itself, or an argument or location in Russia (Lavrov, Moscow).
        assert.deepEqual(await ids({ country: 'country:ru' }), [
          event('condemn', 1),
          event('together', 1),
          event('meeting', 1),
          event('denial', 1),
          event('march', 1),
        ]);
        // A country id with no entity row matches as an argument; Gaza's location matches by its country.
        assert.deepEqual(await ids({ country: 'country:ps' }), [event('gaza', 1)]);
        assert.deepEqual(await ids({ country: 'country:sy' }), [event('condemn', 2)]);
        assert.deepEqual(await ids({ type: 'ACCUSE', country: 'country:ru', recipient: 'country:il' }), [
          event('condemn', 1),
          event('together', 1),
        ]);
        assert.deepEqual(await repo.listEvents({ actor: 'per:nobody' }), { total: 0, items: [] });
      });

      test('listEvents: dates are inclusive days; one known only to the month is in no range', async () => {
        const ids = async (from: string, to: string) => eventIds(await repo.listEvents({ from, to }));
        assert.deepEqual(await ids('2024-04-11', '2024-04-11'), [event('rejects', 1), event('rejects', 2)]);
        assert.deepEqual(await ids('2024-04-09', '2024-04-10'), [event('meeting', 1), event('denial', 1)]);
        assert.deepEqual(await ids('2024-03-01', '2024-03-31'), []);
        assert.deepEqual(
          await ids('2024-01-01', '2024-12-31'),
          eventIds(await repo.listEvents()).slice(0, 9),
        );
        await assert.rejects(repo.listEvents({ from: '2024-02-30' }), /bad date/);
      });

      test('listEvents: pages walk the list once, the total is every match', async () => {
        const all = eventIds(await repo.listEvents());
        const walked: string[] = [];
        for (let offset = 0; offset < 11; offset += 4) {
          const page = await repo.listEvents({ limit: 4, offset });
          assert.equal(page.total, 11);
          walked.push(...eventIds(page));
        }
        assert.deepEqual(walked, all);
        const assaults = await repo.listEvents({ type: 'ASSAULT', limit: 2, offset: 1 });
        assert.deepEqual(eventIds(assaults), [event('together', 2), event('denial', 1)]);
        assert.equal(assaults.total, 5);
        await assert.rejects(repo.listEvents({ limit: 101 }), RangeError);
      });

      test('eventDyads: each country pair an event has once, countryless arguments left out', async () => {
        // condemn's ACCUSE (Russia and Iran → Israel) counts for both pairs; together's (Lavrov and
        // Russia → Israel) once for Russia → Israel. The provisional groups have no country; Gaza's
        // attack no actor; the rejection no recipient.
        assert.deepEqual(await repo.eventDyads(), [
          {
            actorCountry: 'country:ru',
            recipientCountry: 'country:il',
            events: 2,
            types: { ACCUSE: 2 },
            intensity: -6,
          },
          {
            actorCountry: 'country:ru',
            recipientCountry: 'country:ua',
            events: 2,
            types: { ASSAULT: 2 },
            intensity: -18,
          },
          {
            actorCountry: 'country:il',
            recipientCountry: 'country:sy',
            events: 1,
            types: { ASSAULT: 1 },
            intensity: -9,
          },
          {
            actorCountry: 'country:ir',
            recipientCountry: 'country:il',
            events: 1,
            types: { ACCUSE: 1 },
            intensity: -3,
          },
        ]);
        const pairs = async (filters: Parameters<Repository['eventDyads']>[0]) =>
          (await repo.eventDyads(filters)).map(
            (d) => `${d.actorCountry} → ${d.recipientCountry} ${d.events}`,
          );
        assert.deepEqual(await pairs({ actor: 'per:sergey-lavrov' }), ['country:ru → country:il 1']);
        assert.deepEqual(await pairs({ type: 'ASSAULT', from: '2024-04-01' }), [
          'country:il → country:sy 1',
          'country:ru → country:ua 1',
        ]);
        assert.deepEqual(await repo.eventDyads({ country: 'country:cn' }), []);
      });

      test('eventSeries: per day, the event’s own date else its article’s; months and undated left out', async () => {
        assert.deepEqual(await repo.eventSeries(), [
          { day: '2024-04-08', events: 1, types: { ACCUSE: 1 }, intensity: -3 },
          { day: '2024-04-09', events: 1, types: { ASSAULT: 1 }, intensity: -9 },
          { day: '2024-04-10', events: 1, types: { CONSULT: 1 }, intensity: 2.5 },
          { day: '2024-04-11', events: 2, types: { REJECT: 1, SANCTION: 1 }, intensity: -8 },
          { day: '2024-04-12', events: 4, types: { ACCUSE: 2, ASSAULT: 2 }, intensity: -24 },
        ]);
        assert.deepEqual(await repo.eventSeries({ country: 'country:ru', to: '2024-04-10' }), [
          { day: '2024-04-09', events: 1, types: { ASSAULT: 1 }, intensity: -9 },
          { day: '2024-04-10', events: 1, types: { CONSULT: 1 }, intensity: 2.5 },
        ]);
        assert.deepEqual(await repo.eventSeries({ articleId: id('march') }), []);
      });

      test('eventLocations: the stored places, with coordinates, most events first', async () => {
        const gaza = (await repo.getEntity('city:ps:gaza'))!.entity;
        const moscow = (await repo.getEntity('city:ru:moscow'))!.entity;
        assert.ok(gaza.lat !== undefined && moscow.lat !== undefined);
        assert.deepEqual(await repo.eventLocations(), [
          { entity: gaza, events: 1, types: { ASSAULT: 1 } },
          { entity: moscow, events: 1, types: { CONSULT: 1 } },
        ]);
        assert.deepEqual(await repo.eventLocations({ country: 'country:ru' }), [
          { entity: moscow, events: 1, types: { CONSULT: 1 } },
        ]);
        assert.deepEqual(await repo.eventLocations({ type: 'AGREE' }), []);
      });
    });
  });

  describe('what a cache of reads and a health check need, and summaries kept while saving', () => {
    const open = async () => (await target.create()).open({ textAnalyzer: textLayer });
    const saveDoc = (repo: Repository, doc: Doc) =>
      repo.saveArticle({ doc, language: 'ar', contentHash: doc.article.id });

    test('schemaVersion: 0 before migrate(), the last step after', async () => {
      const repo = await open();
      assert.equal(await repo.schemaVersion(), 0);
      await repo.migrate();
      assert.equal(await repo.schemaVersion(), (await repo.stats()).schemaVersion);
      assert.ok((await repo.schemaVersion()) > 0);
      await repo.close();
    });

    test('dataVersion: the same across reads, another after a save by this handle or another one (or null)', async () => {
      const location = await target.create();
      const a = location.open({ textAnalyzer: textLayer });
      const b = location.open({ textAnalyzer: textLayer });
      await a.migrate();
      const first = await a.dataVersion();
      if (first === null) {
        // The store cannot tell: a cache must expire on time instead.
        assert.equal(await b.dataVersion(), null);
      } else {
        await a.listEvents();
        await b.stats();
        assert.equal(await a.dataVersion(), first, 'reads change nothing');
        assert.equal(await saveDoc(a, analyze(ARTICLES.meeting)), 'added');
        const afterOwn = await a.dataVersion();
        assert.notEqual(afterOwn, first, 'this handle’s own save');
        assert.equal(await saveDoc(b, analyze(ARTICLES.denial)), 'added');
        const afterOther = await a.dataVersion();
        assert.notEqual(afterOther, afterOwn, 'another handle’s save');
        assert.equal(await saveDoc(a, analyze(ARTICLES.denial)), 'duplicate');
        assert.equal(await a.dataVersion(), afterOther, 'a duplicate stores nothing');
      }
      await Promise.all([a.close(), b.close()]);
    });

    test('an event naming an entity its article does not mention gains its dyads when the entity is saved', async () => {
      const repo = await open();
      await repo.migrate();
      // Russia attacks Ukraine, but Lavrov is named as the attacker: no article stored so far
      // mentions him, so the store has no entity, hence no country, for him.
      const denial = analyze(ARTICLES.denial);
      const named = {
        ...denial,
        events: denial.events.map((e) => ({ ...e, actors: ['per:sergey-lavrov'] })),
      };
      await saveDoc(repo, named);
      assert.deepEqual(await repo.eventDyads(), []);
      assert.deepEqual(eventIdsOf(await repo.listEvents({ country: 'country:ru' })), []);
      // The meeting mentions him, and his entity row gives him Russia.
      await saveDoc(repo, analyze(ARTICLES.meeting));
      const ids = eventIdsOf(await repo.listEvents({ country: 'country:ru' }));
      assert.ok(ids.includes(named.events[0]!.id), ids.join());
      assert.deepEqual(await repo.eventDyads(), [
        {
          actorCountry: 'country:ru',
          recipientCountry: 'country:ua',
          events: 1,
          types: { ASSAULT: 1 },
          intensity: -9,
        },
      ]);
      await repo.close();
    });

    test('co-occurrences and counts add up over saves: an entity shared by two articles counts twice', async () => {
      const repo = await open();
      await repo.migrate();
      await saveDoc(repo, analyze(ARTICLES.condemn));
      const once = await repo.cooccurring('country:ru');
      await saveDoc(repo, analyze(ARTICLES.denial));
      await saveDoc(repo, analyze(ARTICLES.march));
      const ru = await repo.getEntity('country:ru');
      assert.deepEqual([ru?.mentions, ru?.articles], [3, 3]);
      const shared = await repo.cooccurring('country:ru');
      // Ukraine is in both later articles; condemn's entities stay at one each.
      const expected = new Map(once.map((c) => [c.entity.id, c.articles]));
      expected.set('country:ua', (expected.get('country:ua') ?? 0) + 2);
      assert.deepEqual(new Map(shared.map((c) => [c.entity.id, c.articles])), expected);
      assert.equal(shared[0]!.entity.id, 'country:ua');
      assert.deepEqual(
        (await repo.findEntities({ limit: 1 })).items.map((e) => [e.entity.id, e.mentions, e.articles]),
        [['country:ru', 3, 3]],
      );
      await repo.close();
    });

    test('an entity’s partners are counted alike before and after it is in enough articles for saving to keep them counted', async () => {
      const repo = await open();
      await repo.migrate();
      const [condemn, denial] = [analyze(ARTICLES.condemn), analyze(ARTICLES.denial)];
      // Russia is in both; each copy is a new article under a new id (its events left out: their ids are the store's keys).
      const copy = (doc: Doc, n: number): Doc => ({
        ...doc,
        article: { ...doc.article, id: `${doc.article.id}-${n}` },
        events: [],
      });
      const counted = new Map<string, number>();
      const expected = () => [...counted].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
      for (let n = 1; n <= COOCCURRENCE_MIN_ARTICLES + 2; n++) {
        const doc = copy(n % 3 === 0 ? denial : condemn, n);
        await saveDoc(repo, doc);
        for (const e of new Set(doc.entities.map((x) => x.id)))
          if (e !== 'country:ru') counted.set(e, (counted.get(e) ?? 0) + 1);
        if (n >= COOCCURRENCE_MIN_ARTICLES - 1) {
          const shared = await repo.cooccurring('country:ru', 100);
          assert.deepEqual(
            shared.map((c) => [c.entity.id, c.articles]),
            expected(),
            `after ${n} articles`,
          );
        }
      }
      assert.equal((await repo.getEntity('country:ru'))?.articles, COOCCURRENCE_MIN_ARTICLES + 2);
      await repo.close();
    });
  });
}

function eventIdsOf(page: Page<StoredEvent>): string[] {
  return page.items.map((e) => e.id);
}

function withoutDate({ date: _, ...event }: EventRecord): EventRecord {
  return event;
}
