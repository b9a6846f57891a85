import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventRecord } from '../core/doc.ts';
import { seededRandom } from '../core/random.ts';
import { clusterStories, datesAgree, type ReportInput, singletonStory } from './stories.ts';

// Two agencies on the CIS foreign ministers' meeting in Minsk, worded differently.
const TASS =
  'موسكو (تاس): انعقد في مينسك الاجتماع الدوري لمجلس وزراء خارجية رابطة الدول المستقلة. وقال لافروف إن المشاركين أعربوا عن تضامنهم.';
const BELTA =
  'مينسك (بيلتا): اجتمع وزراء خارجية دول رابطة الدول المستقلة اليوم في العاصمة البيلاروسية، بمشاركة سيرغي لافروف.';

let serial = 0;
/** Event fields to set; `undefined` removes one. */
type Fields = { [K in keyof EventRecord]?: EventRecord[K] | undefined };

/** An event whose evidence is the sentence holding `trigger` in `text`. */
function event(text: string, trigger: string, fields: Fields = {}): EventRecord {
  const at = text.indexOf(trigger);
  assert.ok(at >= 0, `${trigger} not in the text`);
  const start = text.lastIndexOf('.', at) + 1;
  const stop = text.indexOf('.', at);
  const out: Record<string, unknown> = {
    id: `e${++serial}`,
    type: 'CONSULT',
    context: [],
    actors: [],
    recipients: [],
    evidence: { start, end: stop < 0 ? text.length : stop + 1 },
    trigger: { start: at, end: at + trigger.length },
    confidence: 0.6,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as unknown as EventRecord;
}

function report(articleId: string, fields: Fields): ReportInput {
  return {
    articleId,
    publishedAt: '2024-04-12',
    event: event('نص الخبر.', 'نص', { id: `${articleId}:e${++serial}`, ...fields }),
  };
}

const minskMeeting = (articleId: string, fields: Fields = {}) =>
  report(articleId, {
    type: 'CONSULT',
    mode: 'multilateral',
    actors: ['org:cis-cfm', 'per:sergey-lavrov'],
    location: 'city:by:minsk',
    date: '2024-04-12',
    ...fields,
  });

describe('story clustering', () => {
  test('two agencies reporting the Minsk meeting in different words make one story with two reports', () => {
    const tass: ReportInput = {
      articleId: 'tass-1',
      source: 'TASS',
      url: 'https://tass.example/1',
      publishedAt: '2024-04-12',
      text: TASS,
      event: event(TASS, 'انعقد', {
        id: 'tass-1:e1',
        mode: 'multilateral',
        actors: ['org:cis-cfm'],
        location: 'city:by:minsk',
        date: '2024-04-12',
        confidence: 0.85,
      }),
    };
    const belta: ReportInput = {
      articleId: 'belta-7',
      source: 'BelTA',
      publishedAt: '2024-04-12',
      text: BELTA,
      event: event(BELTA, 'اجتمع', {
        id: 'belta-7:e1',
        actors: ['org:cis-cfm', 'per:sergey-lavrov'],
        date: '2024-04-12',
        confidence: 0.6,
      }),
    };
    const stories = clusterStories([tass, belta]);
    assert.equal(stories.length, 1);
    const [story] = stories;
    assert.equal(story!.type, 'CONSULT');
    assert.equal(story!.mode, 'multilateral');
    assert.equal(story!.location, 'city:by:minsk');
    assert.equal(story!.date, '2024-04-12');
    assert.deepEqual(story!.actors, ['org:cis-cfm', 'per:sergey-lavrov']);
    assert.deepEqual(
      story!.reports.map((r) => [r.articleId, r.eventId, r.source]),
      [
        ['belta-7', 'belta-7:e1', 'BelTA'],
        ['tass-1', 'tass-1:e1', 'TASS'],
      ],
    );
    assert.equal(
      story!.reports[1]!.quote,
      'موسكو (تاس): انعقد في مينسك الاجتماع الدوري لمجلس وزراء خارجية رابطة الدول المستقلة.',
    );
    assert.equal(story!.reports[1]!.triggerText, 'انعقد');
    assert.equal(story!.reports[1]!.url, 'https://tass.example/1');
    // Two independent sources corroborate: 1 − (1 − 0.85)(1 − 0.6).
    assert.equal(story!.confidence, 0.94);
    assert.match(story!.id, /^s-[0-9a-f]{16}$/);
  });

  test('the same type in another city on the same day is another story', () => {
    const stories = clusterStories([
      minskMeeting('a'),
      minskMeeting('b', { location: 'city:ru:moscow' }),
      minskMeeting('c', { location: undefined }),
    ]);
    // The report without a place cannot bridge Minsk and Moscow: it joins one of them.
    assert.equal(stories.length, 2);
    assert.deepEqual(stories.map((s) => s.location).sort(), ['city:by:minsk', 'city:ru:moscow']);
    assert.equal(
      stories.reduce((n, s) => n + s.reports.length, 0),
      3,
    );
  });

  test('a meeting announced for the future and the meeting held never merge', () => {
    const held = minskMeeting('held');
    const announced = minskMeeting('announced', { auxiliary: 'future' });
    const agreed = minskMeeting('agreed', { type: 'AGREE' });
    const stories = clusterStories([held, announced, agreed]);
    assert.equal(stories.length, 3);
    assert.deepEqual(stories.map((s) => s.auxiliary ?? 'held').sort(), ['future', 'held', 'held']);
  });

  test('the result does not depend on the order of the reports', () => {
    const reports = [
      minskMeeting('a'),
      minskMeeting('b', { date: '2024-04-13' }),
      minskMeeting('c', { date: '2024-04' }),
      minskMeeting('d', { location: 'city:ru:moscow' }),
      minskMeeting('e', { actors: ['per:sergey-lavrov'], recipients: ['country:by'] }),
      minskMeeting('f', {
        type: 'ASSAULT',
        actors: ['country:il'],
        recipients: ['country:ps'],
        fatalities: 3,
      }),
      minskMeeting('g', {
        type: 'ASSAULT',
        actors: ['country:il'],
        recipients: ['country:ps'],
        fatalities: 5,
      }),
      minskMeeting('h', { date: undefined }),
      minskMeeting('i', { date: '2024-04-11', location: undefined }),
    ];
    const expected = clusterStories(reports);
    const random = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...reports]
        .map((r) => ({ r, k: random() }))
        .sort((x, y) => x.k - y.k)
        .map(({ r }) => r);
      assert.deepEqual(clusterStories(shuffled), expected);
    }
  });

  test('two events of one article are two events; the same event given twice counts once', () => {
    const one = minskMeeting('a');
    const other = minskMeeting('a', { actors: ['org:cis-cfm'] });
    assert.equal(clusterStories([one, other]).length, 2);
    const stories = clusterStories([one, one]);
    assert.equal(stories.length, 1);
    assert.equal(stories[0]!.reports.length, 1);
  });

  describe('dates', () => {
    test('agree at the coarser precision, or within a day when both are days', () => {
      assert.ok(datesAgree('2024-04-12', '2024-04-13'));
      assert.ok(datesAgree('2024-03-31', '2024-04-01'));
      assert.ok(!datesAgree('2024-04-12', '2024-04-14'));
      assert.ok(datesAgree('2024-04', '2024-04-30'));
      assert.ok(!datesAgree('2024-03', '2024-04-01'));
      assert.ok(datesAgree('2024', '2024-12'));
      assert.ok(!datesAgree('2023', '2024-01-01'));
    });

    test('a day apart merges; the story takes the day most reports give, the earlier on a tie', () => {
      const [story] = clusterStories([
        minskMeeting('a', { date: '2024-04-12' }),
        minskMeeting('b', { date: '2024-04-13' }),
        minskMeeting('c', { date: '2024-04-13' }),
        minskMeeting('d', { date: '2024-04' }),
      ]);
      assert.equal(story!.reports.length, 4);
      assert.equal(story!.date, '2024-04-13');
      const [tie] = clusterStories([
        minskMeeting('a', { date: '2024-04-13' }),
        minskMeeting('b', { date: '2024-04-12' }),
      ]);
      assert.equal(tie!.date, '2024-04-12');
    });

    test('a chain of days is not one story, and a vague date bridges nothing', () => {
      const daily = ['10', '11', '12', '13'].map((d) => minskMeeting(`day${d}`, { date: `2024-04-${d}` }));
      const stories = clusterStories(daily);
      assert.deepEqual(
        stories.map((s) => s.reports.map((r) => r.date)),
        [
          ['2024-04-10', '2024-04-11'],
          ['2024-04-12', '2024-04-13'],
        ],
      );
      const withYear = clusterStories([
        minskMeeting('jan', { date: '2024-01-05' }),
        minskMeeting('year', { date: '2024' }),
        minskMeeting('jun', { date: '2024-06-05' }),
      ]);
      assert.equal(withYear.length, 2);
    });

    test('an undated report joins only when actors and recipients are the same', () => {
      const dated = minskMeeting('a', { actors: ['per:sergey-lavrov'], recipients: ['country:by'] });
      const same = minskMeeting('b', {
        actors: ['per:sergey-lavrov'],
        recipients: ['country:by'],
        date: undefined,
      });
      const partial = minskMeeting('c', { actors: ['per:sergey-lavrov'], date: undefined });
      assert.equal(clusterStories([dated, same]).length, 1);
      assert.equal(clusterStories([dated, partial]).length, 2);
      const [undated] = clusterStories([same]);
      assert.equal(undated!.date, undefined);
    });
  });

  describe('participants', () => {
    test('Jaccard of actors and recipients at least 0.5, roles pooled; or the same actors', () => {
      const ab = minskMeeting('a', { actors: ['country:ru'], recipients: ['country:by'] });
      const swapped = minskMeeting('b', { actors: ['country:by'], recipients: ['country:ru'] });
      const half = minskMeeting('c', { actors: ['country:ru', 'country:by', 'country:kz', 'country:am'] });
      const third = minskMeeting('d', { actors: ['country:ru', 'country:kz', 'country:am'] });
      assert.equal(clusterStories([ab, swapped]).length, 1);
      assert.equal(clusterStories([ab, half]).length, 1); // 2 of 4
      assert.equal(clusterStories([ab, third]).length, 2); // 1 of 4
      const sameActors = minskMeeting('e', {
        actors: ['country:ru'],
        recipients: ['country:kz', 'country:am', 'country:uz'],
      });
      assert.equal(clusterStories([ab, sameActors]).length, 1);
    });

    test('each participant takes the role most reports give it', () => {
      const [story] = clusterStories([
        minskMeeting('a', { actors: ['country:ru'], recipients: ['country:by'] }),
        minskMeeting('b', { actors: ['country:ru'], recipients: ['country:by'] }),
        minskMeeting('c', { actors: ['country:by'], recipients: ['country:ru'] }),
      ]);
      assert.deepEqual([story!.actors, story!.recipients], [['country:ru'], ['country:by']]);
    });

    test('with partOf, a body matches the organisation it is part of but not a sibling', () => {
      const parts: Record<string, string> = { 'org:cis-cfm': 'org:cis', 'org:cis-chs': 'org:cis' };
      const partOf = (id: string) => parts[id];
      const council = minskMeeting('a', { actors: ['org:cis-cfm'] });
      const cis = minskMeeting('b', { actors: ['org:cis'] });
      const heads = minskMeeting('c', { actors: ['org:cis-chs'] });
      assert.equal(clusterStories([council, cis]).length, 2);
      assert.equal(clusterStories([council, cis], { partOf }).length, 1);
      assert.equal(clusterStories([council, heads], { partOf }).length, 2);
    });

    test('reports that name no participant merge only at the same named place', () => {
      const bare = (id: string, location?: string) =>
        minskMeeting(id, { type: 'ASSAULT', actors: [], location, mode: undefined });
      assert.equal(clusterStories([bare('a', 'city:ps:gaza'), bare('b', 'city:ps:gaza')]).length, 1);
      assert.equal(clusterStories([bare('a'), bare('b')]).length, 2);
      assert.equal(
        clusterStories([
          bare('a', 'city:ps:gaza'),
          minskMeeting('c', { type: 'ASSAULT', location: 'city:ps:gaza' }),
        ]).length,
        2,
      );
    });
  });

  test('the agreed record: highest tolls, every context, id from the earliest report', () => {
    const early = minskMeeting('z-early', { fatalities: 3, context: ['terrorism'] });
    const late = {
      ...minskMeeting('a-late', { fatalities: 7, injured: 12, context: ['diplomatic'] }),
      publishedAt: '2024-04-13',
    };
    const [story] = clusterStories([late, early]);
    assert.equal(story!.fatalities, 7);
    assert.equal(story!.injured, 12);
    assert.deepEqual(story!.context, ['diplomatic', 'terrorism']);
    assert.equal(story!.reports[0]!.articleId, 'z-early');
    assert.equal(story!.id, singletonStory(early).id);
    assert.equal(story!.id, clusterStories([early])[0]!.id);
  });

  test('one source reprinting itself corroborates once', () => {
    const [story] = clusterStories([
      { ...minskMeeting('a', { confidence: 0.5 }), source: 'SANA' },
      { ...minskMeeting('b', { confidence: 0.5 }), source: 'SANA' },
    ]);
    assert.equal(story!.reports.length, 2);
    assert.equal(story!.confidence, 0.5);
  });
});
