import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { EventRecord, Mention, PloverType } from '../core/doc.ts';
import { MarsadError } from '../core/errors.ts';
import type { SaudiArticle } from '../corpus/saudinewsnet.ts';
import { sharedDataDir } from '../corpus/shared-data.ts';
import {
  agreement,
  cohenKappa,
  EVENT_GOLD_PATH,
  EVENT_GOLD_SECOND_PATH,
  type EventError,
  formatEventReport,
  type GoldSentence,
  goldArticles,
  parseEventGold,
  readEventGold,
  runEventEvaluation,
  type SystemOutput,
  scoreEvents,
} from './events.ts';

function event(
  type: PloverType,
  trigger: [number, number],
  actors: string[] = [],
  recipients: string[] = [],
  extra: Partial<EventRecord> = {},
): EventRecord {
  return {
    id: `e${trigger[0]}`,
    type,
    context: [],
    actors,
    recipients,
    evidence: { start: 0, end: 1 },
    trigger: { start: trigger[0], end: trigger[1] },
    confidence: 1,
    ...extra,
  };
}

const mention = (start: number, end: number, entity: string | null): Mention => ({
  start,
  end,
  text: 'x',
  type: 'ORG',
  entity,
});

// Article a1: sentence A [0, 50) holds a CONSULT and a future ACCUSE; sentence B [51, 100) holds none.
// Article a2: sentence C [0, 40) holds an ASSAULT whose actor is not named in it.
const GOLD: GoldSentence[] = [
  {
    article: 'a1',
    sentence: [0, 50],
    events: [
      { type: 'CONSULT', trigger: [0, 5], actors: [[6, 10]], recipients: [[20, 25]] },
      { type: 'ACCUSE', trigger: [30, 35], actors: [[36, 40]], recipients: [], auxiliary: 'future' },
    ],
  },
  { article: 'a1', sentence: [51, 100], events: [] },
  {
    article: 'a2',
    sentence: [0, 40],
    events: [{ type: 'ASSAULT', trigger: [10, 15], actors: [], recipients: [[16, 20]] }],
  },
];

const PREDICTED = new Map<string, SystemOutput>([
  [
    'a1',
    {
      events: [
        event('CONSULT', [2, 5], ['e:x'], ['e:y', 'e:z']), // matches the gold CONSULT
        event('ACCUSE', [44, 48]), // same sentence and type as the gold ACCUSE, triggers apart
        event('REQUEST', [60, 65]), // in the sentence without events
        event('ASSAULT', [200, 205]), // in no labelled sentence: not scored
      ],
      mentions: [
        mention(6, 10, 'e:x'),
        mention(20, 25, 'e:y'),
        mention(44, 48, 'e:z'),
        mention(70, 75, null),
      ],
    },
  ],
  [
    'a2',
    {
      events: [event('ASSAULT', [12, 14], ['e:q'], [], { auxiliary: 'historical' })],
      mentions: [mention(0, 3, 'e:q')],
    },
  ],
]);

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('scoreEvents', () => {
  const errors: EventError[] = [];
  const s = scoreEvents(GOLD, PREDICTED, errors);

  test('counts gold and the predicted events whose trigger starts in a labelled sentence', () => {
    assert.equal(s.sentences, 3);
    assert.equal(s.sentencesWithEvents, 2);
    assert.equal(s.goldEvents, 3);
    assert.equal(s.predictedEvents, 4);
  });

  test('strict: same type and overlapping triggers; looser readings beside it', () => {
    assert.deepEqual([s.strict.tp, s.strict.predicted, s.strict.gold], [2, 4, 3]);
    close(s.strict.precision, 0.5);
    close(s.strict.recall, 2 / 3);
    close(s.strict.f1, 4 / 7);
    assert.equal(s.sameSentence.tp, 3);
    close(s.sameSentence.precision, 0.75);
    close(s.sameSentence.recall, 1);
    assert.equal(s.trigger.tp, 2);
  });

  test('per type', () => {
    assert.deepEqual(Object.keys(s.byType), ['CONSULT', 'REQUEST', 'ACCUSE', 'ASSAULT']);
    const consult = s.byType.CONSULT!.strict;
    assert.deepEqual([consult.tp, consult.predicted, consult.gold, consult.f1], [1, 1, 1, 1]);
    const accuse = s.byType.ACCUSE!;
    assert.deepEqual([accuse.strict.tp, accuse.strict.predicted, accuse.strict.gold], [0, 1, 1]);
    assert.equal(accuse.strict.f1, 0);
    assert.equal(accuse.sameSentence.f1, 1);
    const request = s.byType.REQUEST!.strict;
    assert.deepEqual([request.tp, request.predicted, request.gold, request.precision], [0, 1, 0, 0]);
    assert.equal(s.byType.ASSAULT!.strict.f1, 1);
  });

  test('auxiliary accuracy on strict matches', () => {
    assert.equal(s.auxiliary.events, 2);
    assert.equal(s.auxiliary.correct, 1);
    close(s.auxiliary.accuracy, 0.5);
    assert.deepEqual(s.auxiliary.confusions, { '(none)→historical': 1 });
  });

  test('actors: an id is right when one of its mentions overlaps a gold span', () => {
    // The CONSULT: e:x's mention is the gold actor span. The ASSAULT has no gold actor: unscored.
    assert.deepEqual(
      [s.actors.events, s.actors.exact, s.actors.rightIds, s.actors.predictedIds, s.actors.unscored],
      [1, 1, 1, 1, 1],
    );
    close(s.actors.accuracy, 1);
    close(s.actors.precision, 1);
    close(s.actors.recall, 1);
  });

  test('recipients: a wrong extra id, and a gold recipient left unfound', () => {
    // CONSULT: e:y right, e:z's mention lies elsewhere; ASSAULT: no recipient predicted.
    assert.deepEqual(
      [s.recipients.events, s.recipients.exact, s.recipients.rightIds, s.recipients.predictedIds],
      [2, 0, 1, 2],
    );
    assert.deepEqual([s.recipients.foundSpans, s.recipients.goldSpans], [1, 2]);
    close(s.recipients.precision, 0.5);
    close(s.recipients.recall, 0.5);
    assert.equal(s.recipients.accuracy, 0);
  });

  test('lists the missed and spurious events', () => {
    assert.deepEqual(
      errors.map((e) => `${e.kind} ${e.type} ${e.trigger.join('-')}`),
      ['missed ACCUSE 30-35', 'spurious ACCUSE 44-48', 'spurious REQUEST 60-65'],
    );
  });

  test('an article without output counts as predicting nothing', () => {
    const none = scoreEvents(GOLD, new Map());
    assert.deepEqual([none.strict.tp, none.predictedEvents, none.strict.recall], [0, 0, 0]);
  });
});

describe('agreement', () => {
  test("Cohen's kappa", () => {
    close(cohenKappa(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']), 0.5);
    assert.equal(cohenKappa(['a', 'b'], ['a', 'b']), 1);
    assert.equal(cohenKappa(['a', 'a'], ['a', 'a']), 1);
  });

  test('detection, type kappa, actors, over the sentences both label', () => {
    const first: GoldSentence[] = [
      {
        article: 'x',
        sentence: [0, 40],
        events: [
          { type: 'CONSULT', trigger: [0, 5], actors: [[6, 10]], recipients: [] },
          { type: 'ASSAULT', trigger: [20, 25], actors: [[26, 30]], recipients: [] },
        ],
      },
      { article: 'x', sentence: [41, 80], events: [] },
      {
        article: 'y',
        sentence: [0, 10],
        events: [{ type: 'ACCUSE', trigger: [0, 4], actors: [], recipients: [] }],
      },
    ];
    const second: GoldSentence[] = [
      {
        article: 'y',
        sentence: [0, 10],
        events: [{ type: 'ACCUSE', trigger: [0, 4], actors: [], recipients: [] }],
      },
      {
        article: 'x',
        sentence: [0, 40],
        events: [
          { type: 'CONSULT', trigger: [1, 5], actors: [[6, 9]], recipients: [] },
          { type: 'ACCUSE', trigger: [21, 24], actors: [], recipients: [] },
        ],
      },
      {
        article: 'x',
        sentence: [41, 80],
        events: [{ type: 'REQUEST', trigger: [43, 46], actors: [], recipients: [] }],
      },
      { article: 'z', sentence: [0, 5], events: [] }, // labelled once only: left out
    ];
    const a = agreement(first, second);
    assert.equal(a.sentences, 3);
    close(a.sentenceAgreement, 2 / 3);
    close(a.sentenceKappa, 0); // the second annotation finds an event in every sentence
    assert.deepEqual([a.firstEvents, a.secondEvents, a.detected, a.strictPairs], [3, 4, 3, 2]);
    close(a.detection, 6 / 7);
    close(a.strict, 4 / 7);
    close(a.typeAgreement, 2 / 3);
    close(a.typeKappa, 0.5); // po 2/3, pe 1/9 + 2/9
    close(a.auxiliaryAgreement, 1);
    close(a.actors.spans, 2 / 3); // both CONSULT actors overlap; the ASSAULT actor has no partner
    close(a.actors.exact, 2 / 3); // two empty lists agree
    close(a.recipients.spans, 1);
  });
});

describe('gold files', () => {
  test('rejects malformed lines with the line number', () => {
    const bad = (line: string, pattern: RegExp) =>
      assert.throws(
        () => parseEventGold(`\n${line}\n`, 'g.jsonl'),
        (e) => e instanceof MarsadError && e.code === 'DATA_CORRUPT' && pattern.test(e.message),
      );
    bad(
      '{"article":"a","sentence":[0,10],"events":[{"type":"DEMAND","trigger":[0,2]}]}',
      /g\.jsonl:2.*DEMAND/,
    );
    bad(
      '{"article":"a","sentence":[0,10],"events":[{"type":"AGREE","trigger":[8,12]}]}',
      /outside the sentence/,
    );
    bad('{"article":"a","sentence":[5,5],"events":[]}', /0 <= start < end/);
    bad(
      '{"article":"a","sentence":[0,10],"events":[{"type":"AGREE","trigger":[0,2],"auxiliary":"past"}]}',
      /auxiliary/,
    );
    bad('{"article":"a","sentence":[0,10]}', /"events" must be a list/);
    bad('not json', /not JSON/);
    assert.throws(
      () =>
        parseEventGold(
          '{"article":"a","sentence":[0,3],"events":[]}\n{"article":"a","sentence":[0,3],"events":[]}',
        ),
      /labelled twice/,
    );
  });

  test('reads actors and recipients as optional lists and keeps the auxiliary', () => {
    const [s] = parseEventGold(
      '{"article":"a","sentence":[0,10],"events":[{"type":"THREATEN","trigger":[1,3],"actors":[[4,6]],"auxiliary":"hypothetical"}]}',
    );
    assert.deepEqual(s!.events[0], {
      type: 'THREATEN',
      trigger: [1, 3],
      actors: [[4, 6]],
      recipients: [],
      auxiliary: 'hypothetical',
    });
  });

  test('goldArticles finds the articles and checks the offsets against their text', () => {
    const article = (id: string, text: string): SaudiArticle => ({
      id,
      source: 'test',
      url: `https://example.org/${id}`,
      date: '2015-08-01',
      title: '',
      text,
    });
    const gold = parseEventGold('{"article":"snn-1","sentence":[0,5],"events":[]}');
    assert.equal(goldArticles(gold, [article('snn-0', 'x'), article('snn-1', 'abcdef')]).size, 1);
    assert.throws(() => goldArticles(gold, [article('snn-1', 'abc')]), /past the article/);
    assert.throws(() => goldArticles(gold, [article('snn-2', 'abcdef')]), /no article snn-1/);
  });
});

describe('runEventEvaluation', () => {
  test('runs the system on each gold article and prints the report with the agreement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-events-'));
    try {
      const gold = join(dir, 'gold.jsonl');
      writeFileSync(
        gold,
        '{"article":"snn-a","sentence":[0,12],"events":[{"type":"CONSULT","trigger":[0,4],"actors":[[5,8]]}]}\n' +
          '{"article":"snn-a","sentence":[13,20],"events":[]}\n',
      );
      writeFileSync(join(dir, 'gold-second.jsonl'), '{"article":"snn-a","sentence":[0,12],"events":[]}\n');
      const text = 'meet Foo now. Quiet.';
      const seen: string[] = [];
      const report = runEventEvaluation(
        (a) => {
          seen.push(`${a.id} ${a.publishedAt} ${a.text.length}`);
          return { events: [event('CONSULT', [0, 4], ['e:foo'])], mentions: [mention(5, 8, 'e:foo')] };
        },
        {
          gold,
          errors: 5,
          articles: [{ id: 'snn-a', source: 't', url: 'u', date: '2015-07-30', title: '', text }],
        },
      );
      assert.deepEqual(seen, ['snn-a 2015-07-30 20']);
      assert.equal(report.gold.articles, 1);
      assert.equal(report.scores.strict.f1, 1);
      assert.equal(report.scores.actors.accuracy, 1);
      assert.deepEqual(report.errors, []);
      assert.equal(report.agreement?.sentences, 1);
      assert.equal(report.agreement?.detection, 0);
      const printed = formatEventReport(report);
      assert.match(printed, /2 sentences in 1 articles, 1 with events; 1 gold events, 1 predicted/);
      assert.match(printed, /CONSULT +P 100\.0 %/);
      assert.match(printed, /Inter-annotator agreement/);
      const without = runEventEvaluation(() => ({ events: [], mentions: [] }), {
        gold,
        second: null,
        articles: [{ id: 'snn-a', source: 't', url: 'u', date: '2015-07-30', title: '', text }],
      });
      assert.equal(without.agreement, undefined);
      assert.doesNotMatch(formatEventReport(without), /agreement/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const skip = existsSync(join(sharedDataDir(), 'saudinewsnet/dataset'))
  ? false
  : `SaudiNewsNet not found under ${sharedDataDir()}`;

describe('the shipped gold set', () => {
  test('every line parses, at least 200 sentences, the second file re-labels 50 of them', () => {
    const gold = readEventGold(EVENT_GOLD_PATH);
    assert.ok(gold.length >= 200, `${gold.length} sentences`);
    assert.ok(
      gold.filter((s) => s.events.length === 0).length >= 40,
      'sentences without events are labelled too',
    );
    const keys = new Set(gold.map((s) => `${s.article}@${s.sentence.join('-')}`));
    const second = readEventGold(EVENT_GOLD_SECOND_PATH);
    assert.equal(second.length, 50);
    for (const s of second) assert.ok(keys.has(`${s.article}@${s.sentence.join('-')}`));
  });

  test('offsets lie inside their SaudiNewsNet article and sentence', { skip }, () => {
    const gold = readEventGold(EVENT_GOLD_PATH);
    const articles = goldArticles(gold);
    assert.ok(articles.size >= 50, `${articles.size} articles`);
    for (const s of gold) {
      const text = articles.get(s.article)!.text;
      const [start, end] = s.sentence;
      assert.ok(end <= text.length);
      assert.notEqual(text.slice(start, end).trim(), '');
      for (const e of s.events) {
        for (const [a, b] of [e.trigger, ...e.actors, ...e.recipients]) {
          assert.ok(a >= start && b <= end, `${s.article} [${a}, ${b}] outside [${start}, ${end}]`);
          assert.notEqual(text.slice(a, b).trim(), '', `${s.article} [${a}, ${b}] is blank`);
        }
      }
    }
  });
});
