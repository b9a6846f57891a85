import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EntityType, Mention } from '../core/doc.ts';
import { makeArticle } from '../ingest/article.ts';
import { applyCuration } from '../kb/curation.ts';
import { knowledgeBaseFrom, loadKnowledgeBase } from '../kb/knowledge-base.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { createLinker } from './link.ts';

const lexicon = loadLexicon();
const layer = createTextAnalyzer(lexicon);
const link = createLinker(loadKnowledgeBase(), { isName: (key) => lexicon.isName(key) });

/** Links `text` as if the tagger had found `tagged` (each the first occurrence of the string, with its type). */
function linked(text: string, tagged: [string, EntityType][] = [], publishedAt = '2024-04-12') {
  const article = makeArticle({ text, publishedAt });
  const mentions: Mention[] = tagged.map(([name, type]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, name);
    return { start, end: start + name.length, text: name, type, entity: null };
  });
  const out = link({ article, ...layer(text), mentions });
  const at = (surface: string, nth = 0) => {
    let from = -1;
    for (let k = 0; k <= nth; k++) from = text.indexOf(surface, from + 1);
    const m = out.mentions.find((x) => x.start === from && x.end === from + surface.length);
    assert.ok(m, `no mention over «${surface}» in ${JSON.stringify(out.mentions.map((x) => x.text))}`);
    return m;
  };
  return { ...out, at };
}

describe('entity linking', () => {
  test('spelling variants of a known name reach one entity', () => {
    const { at } = linked('قال سيرجي لافروف إن الاجتماع مهم، وأضاف سيرغي لافروف أن التعاون مستمر.');
    assert.equal(at('سيرجي لافروف').entity, 'per:sergey-lavrov');
    assert.equal(at('سيرغي لافروف').entity, 'per:sergey-lavrov');
  });

  test('a name after a proclitic is linked without it, and the span leaves it out', () => {
    const { at } = linked('نقل الخبر للأمم المتحدة ولروسيا.');
    // ل + الأمم is written للأمم: the span keeps the article's lam and drops the preposition.
    assert.equal(at('لأمم المتحدة').entity, 'org:un');
    assert.equal(at('روسيا').entity, 'country:ru');
  });

  test('an office phrase is the holder of the office on the article date', () => {
    const text = 'وقال وزير الخارجية الروسي إن المحادثات بناءة.';
    assert.equal(linked(text).at('وزير الخارجية الروسي').entity, 'per:sergey-lavrov');
    assert.equal(linked(text).at('وزير الخارجية الروسي').via, 'role');
    assert.equal(linked(text).at('الروسي').entity, 'country:ru', 'the demonym inside is Russia');
  });

  test('a title that belongs to one office is its holder on the date: خادم الحرمين الشريفين', () => {
    const text = 'استقبل خادم الحرمين الشريفين وزير الخارجية الأمريكي.';
    assert.equal(
      linked(text, [], '2016-05-01').at('خادم الحرمين الشريفين').entity,
      'per:salman-bin-abdulaziz',
    );
  });

  test('an office phrase followed by a name is that person, whatever the date', () => {
    const text = 'دعا وزير خارجية بيلاروسيا سيرغي ألينيك إلى التعاون.';
    const { at } = linked(text, [['سيرغي ألينيك', 'PER']], '2030-01-01');
    assert.equal(at('وزير خارجية بيلاروسيا').entity, 'per:sergei-aleinik');
  });

  test('demonyms link to their country', () => {
    const { at } = linked('أعلنت القيادة الأرمنية ذلك، ورحب الشركاء الروس.');
    assert.equal(at('الأرمنية').entity, 'country:am');
    assert.equal(at('الأرمنية').via, 'demonym');
    assert.equal(at('الروس').entity, 'country:ru');
  });

  test('a capital with الرسمية stands for its state', () => {
    const { at } = linked('قاطعت يريفان الرسمية الاجتماعات.', [['يريفان', 'LOC']]);
    assert.equal(at('يريفان').entity, 'country:am');
    assert.equal(at('يريفان').via, 'metonym');
  });

  test('same-named places: vowel marks or a demonym beside the name choose the city over the state', () => {
    const { at } = linked('وصل الوزير إلى العاصمة الأردنية عمان ثم إلى عمّان مجدداً، وزار سلطنة عُمان.');
    assert.equal(at('عمان').entity, 'city:jo:amman');
    assert.equal(at('عمّان').entity, 'city:jo:amman');
    assert.equal(at('سلطنة عُمان').entity, 'country:om');
  });

  test('currency names the tagger finds are currencies, not provisional entities', () => {
    const { at } = linked('ارتفع الدولار أمام اليورو والجنيه المصري.', [
      ['الدولار', 'MISC'],
      ['اليورو', 'MISC'],
    ]);
    assert.equal(at('الدولار').entity, 'currency:usd');
    assert.equal(at('اليورو').entity, 'currency:eur');
    assert.equal(at('الجنيه المصري').entity, 'currency:egp');
  });

  test('a name inside an organisation name is a mention of its own', () => {
    const { at } = linked('انعقد اجتماع مجلس وزراء خارجية رابطة الدول المستقلة في مينسك.');
    assert.equal(at('مجلس وزراء خارجية رابطة الدول المستقلة').entity, 'org:cis-cfm');
    assert.equal(at('رابطة الدول المستقلة').entity, 'org:cis');
  });

  test('a single word the tagger missed is linked when the article names its entity elsewhere', () => {
    const { at } = linked('تأسست رابطة الدول المستقلة عام 1991، ودول الكومنولث تتعاون.');
    assert.equal(at('الكومنولث').entity, 'org:cis');
  });

  test('an unknown person is a provisional entity, and the surname alone corefers', () => {
    const text = 'وصل مناتساكان سافاريان من يريفان. وقال سافاريان إن بلاده مهتمة.';
    const { at, entities } = linked(text, [
      ['مناتساكان سافاريان', 'PER'],
      ['سافاريان إن', 'PER'],
    ]);
    const full = at('مناتساكان سافاريان');
    assert.match(full.entity ?? '', /^new:per:/);
    const entity = entities.find((e) => e.id === full.entity);
    assert.deepEqual(entity?.name, { ar: 'مناتساكان سافاريان', en: null });
    assert.equal(entity?.provisional, true);
  });

  test('a provisional id is the same for another spelling in another article', () => {
    const a = linked('وصل مناتساكان سافاريان.', [['مناتساكان سافاريان', 'PER']]).at('مناتساكان سافاريان');
    const b = linked('غادر مناتساكان صافاريان.', [['مناتساكان صافاريان', 'PER']]).at('مناتساكان صافاريان');
    assert.equal(a.entity, b.entity);
  });

  test('a provisional entity an analyst merged into a known one links to that one', () => {
    const text = 'وصل مناتساكان سافاريان.';
    const provisional = linked(text, [['مناتساكان سافاريان', 'PER']]).at('مناتساكان سافاريان').entity ?? '';
    const merge = { op: 'merge', from: provisional, into: 'per:ararat-mirzoyan' } as const;
    const { entities, redirects } = applyCuration(loadKnowledgeBase().all(), [merge]);
    const curated = createLinker(knowledgeBaseFrom(entities, redirects));
    const start = text.indexOf('مناتساكان');
    const mention = {
      start,
      end: start + 18,
      text: 'مناتساكان سافاريان',
      type: 'PER',
      entity: null,
    } as const;
    const out = curated({ article: makeArticle({ text }), ...layer(text), mentions: [mention] });
    assert.equal(out.mentions[0]?.entity, 'per:ararat-mirzoyan');
    assert.ok(out.entities.some((e) => e.id === 'per:ararat-mirzoyan' && e.name.en === 'Ararat Mirzoyan'));
  });

  test('a bare الوزير is the minister the article names most', () => {
    const text =
      'قال سيرغي لافروف إن الحوار مهم. وأكد لافروف ذلك. ودعا سيرغي ألينيك إلى التعاون. وشدد الوزير على الوحدة.';
    const { at } = linked(text, [
      ['سيرغي لافروف', 'PER'],
      ['لافروف ذلك', 'PER'],
      ['سيرغي ألينيك', 'PER'],
    ]);
    assert.equal(at('الوزير').entity, 'per:sergey-lavrov');
    assert.equal(at('الوزير').via, 'coref');
  });

  test('a single word the name lists know as an organisation is taken without the tagger', () => {
    const { at } = linked('دعت روسيا زملاءها إلى دورة ألعاب البريكس الرياضية.');
    assert.equal(at('البريكس').entity, 'org:brics');
  });

  test('a quoted name after an organisation noun is an organisation, whatever the tagger said', () => {
    const text = 'رفضت البنوك خدمة بطاقات نظام الدفع الروسي “مير” هذا الشهر.';
    const { at } = linked(text, [['مير', 'PER']]);
    assert.equal(at('مير').type, 'ORG');
    assert.match(at('مير').entity ?? '', /^new:org:/);
  });

  test('a single common word is not a name unless the tagger or the article says so', () => {
    const { mentions } = linked('تعتمد القاعدة العامة على القانون.');
    assert.deepEqual(mentions, []);
  });

  test('every mention span is evidence in the text', () => {
    const text = 'وقال وزير الخارجية الروسي سيرجي لافروف في مينسك إن دوشانبي تتوقع ردا.';
    const out = linked(text, [
      ['سيرجي لافروف', 'PER'],
      ['مينسك', 'LOC'],
      ['دوشانبي', 'LOC'],
    ]);
    for (const m of out.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (const m of out.mentions)
      if (m.entity)
        assert.ok(
          out.entities.some((e) => e.id === m.entity),
          m.text,
        );
  });
});
