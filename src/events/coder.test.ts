import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventRecord } from '../core/doc.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';

const analyze = createAnalyzer();

/** The events of a text analysed on 2024-04-12, with a helper to find the one a trigger word names. */
function eventsOf(text: string) {
  const doc = analyze({ text, publishedAt: '2024-04-12' });
  const named = (trigger: string): EventRecord => {
    const e = doc.events.find((x) => text.slice(x.trigger.start, x.trigger.end).includes(trigger));
    assert.ok(e, `no event named by ${trigger}: ${doc.events.map((x) => x.type).join(' ')}`);
    return e;
  };
  return { events: doc.events, named, text };
}

describe('PLOVER event coding', () => {
  test('a meeting: the verb, its subject after it, the place after في, the article date', () => {
    const { named } = eventsOf('انعقد في مينسك الاجتماع الدوري لمجلس وزراء خارجية رابطة الدول المستقلة.');
    const e = named('انعقد');
    assert.equal(e.type, 'CONSULT');
    assert.deepEqual(e.actors, ['org:cis-cfm']);
    assert.equal(e.location, 'city:by:minsk');
    assert.equal(e.date, '2024-04-12');
    assert.equal(e.mode, 'multilateral');
  });

  test('an announced meeting is future and takes its own date', () => {
    const { named } = eventsOf(
      'ومن المقرر أن يعقد الاجتماع القادم لمجلس وزراء خارجية رابطة الدول المستقلة في موسكو في 7 أكتوبر.',
    );
    const e = named('يعقد');
    assert.equal(e.auxiliary, 'future');
    assert.equal(e.date, '2024-10-07');
    assert.equal(e.location, 'city:ru:moscow');
  });

  test('a refusal: compound actors joined by و, the demonym after them as recipient, the date before', () => {
    const { named } = eventsOf(
      'في أوائل أبريل، رفض عدد من البنوك في كازاخستان وقيرغيزستان خدمة بطاقات نظام الدفع الروسي “مير”.',
    );
    const e = named('رفض');
    assert.equal(e.type, 'REJECT');
    assert.deepEqual(e.actors, ['country:kz', 'country:kg']);
    assert.ok(e.recipients.includes('country:ru'));
    assert.equal(e.date, '2024-04');
  });

  test('a title’s organisation is not a party: the person who holds it acts', () => {
    const { named } = eventsOf(
      'دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش روسيا إلى وقف الهجمات على المدن الأوكرانية.',
    );
    const e = named('دعا');
    assert.equal(e.type, 'REQUEST');
    assert.deepEqual(e.actors, ['per:antonio-guterres']);
    assert.deepEqual(e.recipients, ['country:ru']);
  });

  test('a verbal noun carried by a verb: the verb’s subject acts, the name after على is the target', () => {
    const { named } = eventsOf('فرض الاتحاد الأوروبي أمس عقوبات جديدة على شركات روسية.');
    const e = named('عقوبات');
    assert.equal(e.type, 'SANCTION');
    assert.deepEqual(e.actors, ['org:eu']);
    assert.deepEqual(e.recipients, ['country:ru']);
  });

  test('a subject no name stands for: nobody named acts, the name after it is acted on', () => {
    const { named } = eventsOf('وطالب المتظاهرون الحكومة برئاسة نجيب ميقاتي بزيادة الرواتب.');
    const e = named('طالب');
    assert.equal(e.type, 'REQUEST');
    assert.deepEqual(e.actors, []);
    assert.deepEqual(e.recipients, ['per:najib-mikati']);
  });

  test('a verbal noun naming the circumstance of the event just told is that event again', () => {
    const killed = eventsOf(
      'قُتل 5 أشخاص، بينهم ثلاثة من عناصر الأمن، وأصيب 12 آخرون في هجوم شنه مسلحون مجهولون على نقطة تفتيش قرب مدينة بعقوبة.',
    ).events;
    assert.deepEqual(
      killed.map((e) => [e.type, e.fatalities, e.injured, e.location]),
      [['ASSAULT', 5, 12, 'city:iq:baqubah']],
    );
    const protest = eventsOf(
      'تظاهر مئات المتقاعدين من القطاع العام والعسكريين المتقاعدين اليوم الثلاثاء في وسط بيروت، احتجاجاً على ارتفاع الأسعار.',
    ).events;
    assert.deepEqual(
      protest.map((e) => [e.type, e.location]),
      [['PROTEST', 'city:lb:beirut']],
    );
  });

  test('a count of people before a killing verb: they were killed, nobody named did it', () => {
    const { named } = eventsOf('وقال مسؤولون إن 5 جنود أتراك قتلوا في هجوم شنه مسلحون.');
    const e = named('قتلوا');
    assert.equal(e.type, 'ASSAULT');
    assert.deepEqual(e.actors, []);
    assert.deepEqual(e.recipients, ['country:tr']);
    assert.equal(e.fatalities, 5);
    // The count may open the article: its first token is a place like any other.
    const opening = eventsOf('5 جنود أتراك قتلوا في هجوم شنه مسلحون.').named('قتلوا');
    assert.deepEqual([opening.actors, opening.recipients], [[], ['country:tr']]);
  });

  test('a denied event is negated', () => {
    const { named } = eventsOf('لم يرفض الاتحاد الأوروبي طلب أوكرانيا.');
    assert.equal(named('يرفض').auxiliary, 'negated');
  });

  test('what a denial verb denies is negated; a new report after it is not', () => {
    const denied = eventsOf('نفى المتحدث باسم الشرطة أن يكون المسلحون قد خطفوا أحداً من الجنود.');
    assert.equal(denied.named('خطفوا').auxiliary, 'negated');
    const reported = eventsOf('نفى المتحدث ذلك، وقال إن المسلحين خطفوا جنديين.');
    assert.equal(reported.named('خطفوا').auxiliary, undefined);
  });

  test('an attack counts its dead, and hits the state it happened in when no target is named', () => {
    const { named } = eventsOf('وقع هجوم إرهابي في موسكو، أسفر عن مقتل 144 شخصاً.');
    const e = named('هجوم');
    assert.equal(e.type, 'ASSAULT');
    assert.equal(e.fatalities, 144);
    assert.equal(e.location, 'city:ru:moscow');
    assert.deepEqual(e.recipients, ['country:ru']);
    assert.ok(e.context.includes('terrorism'));
  });

  test('an accusation in reported speech is the speaker’s, against the name after the noun', () => {
    const { named } = eventsOf('أشار سيرغي لافروف إلى أنه ليس لديه شك في تورط أوكرانيا في الهجوم.');
    const e = named('تورط');
    assert.equal(e.type, 'ACCUSE');
    assert.deepEqual(e.actors, ['per:sergey-lavrov']);
    assert.deepEqual(e.recipients, ['country:ua']);
  });

  test('a passive act is the act of the meeting the article reports', () => {
    const { named } = eventsOf(
      'انعقد في مينسك اجتماع مجلس وزراء خارجية رابطة الدول المستقلة. وتم اعتماد وثيقتين بشأن التعاون.',
    );
    const e = named('اعتماد');
    assert.equal(e.type, 'AGREE');
    assert.deepEqual(e.actors, ['org:cis-cfm']);
    assert.equal(e.location, 'city:by:minsk');
  });

  test('one event however often the article reports it: the report that says most is the evidence', () => {
    const { events, text } = eventsOf(
      'أدان الوزير الهجوم الإرهابي على قاعة الحفلات في مارس. وكان منفذو الهجوم الإرهابي في موسكو، والذي أسفر عن مقتل 144 شخصاً، قد فروا.',
    );
    const attacks = events.filter((e) => e.type === 'ASSAULT');
    assert.equal(attacks.length, 1);
    assert.equal(attacks[0]!.fatalities, 144);
    assert.equal(attacks[0]!.date, '2024-03', 'the date comes from the first report');
    assert.ok(text.slice(attacks[0]!.evidence.start, attacks[0]!.evidence.end).includes('144'));
  });

  test('a topic is not an event: a noun nobody does and nothing undergoes', () => {
    const { events } = eventsOf('إن التهديد حقيقي، والمطلوب ليس التضامن العام.');
    assert.deepEqual(events, []);
  });

  test('every event carries its evidence sentence and trigger inside it', () => {
    const { events, text } = eventsOf(
      'دعا وزير خارجية بيلاروسيا سيرغي ألينيك إلى إيجاد سبل مشتركة لمكافحة الإرهاب. وقاطعت يريفان الرسمية الاجتماعات.',
    );
    assert.ok(events.length >= 2);
    for (const e of events) {
      assert.ok(e.evidence.start <= e.trigger.start && e.trigger.end <= e.evidence.end);
      assert.ok(text.slice(e.evidence.start, e.evidence.end).trim().length > 0);
      assert.ok(e.confidence > 0 && e.confidence <= 1);
    }
  });
});
