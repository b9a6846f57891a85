// Quotes and speakers on short news sentences analysed by the whole pipeline (tokens, NER, linker),
// and on the seed article, scored by the outside checker as outside checks score it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Doc, Quote } from '../../core/doc.ts';
import { sharedDataDir } from '../../corpus/shared-data.ts';
import { createAnalyzer } from '../../pipeline/analyze.ts';
import { toAnalysisJson } from '../../pipeline/contract.ts';
import { findQuotes } from './quotes.ts';

const analyze = createAnalyzer();
const read = (text: string) => analyze({ text, publishedAt: '2024-04-12' });

interface Seen {
  readonly kind: Quote['kind'];
  readonly text: string;
  readonly cue: string;
  readonly speaker: string | null;
}

function quotesOf(doc: Doc): Seen[] {
  const text = doc.article.text;
  return findQuotes(doc).map((q) => ({
    kind: q.kind,
    text: text.slice(q.start, q.end),
    cue: text.slice(q.cue.start, q.cue.end),
    speaker: q.speaker,
  }));
}

/** The entity the knowledge base calls `en`, as linked in this document. */
function entityNamed(doc: Doc, en: string): string {
  const entity = doc.entities.find((e) => e.name.en === en);
  assert.ok(entity, `${en} is linked`);
  return entity.id;
}

describe('direct speech', () => {
  test('a quotation after a speech verb, its subject and a colon', () => {
    const doc = read('وقال لافروف: “نحن مستعدون للحوار مع الجميع”.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'direct',
        text: 'نحن مستعدون للحوار مع الجميع',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('guillemets and straight quotes, and a quotation with no closing mark before the paragraph ends', () => {
    const doc = read(
      'وأضاف لافروف: «لن نسمح بذلك».\nوكتب لافروف: "نحن مستعدون للحوار\nوانتهى الاجتماع في موسكو.',
    );
    const lavrov = entityNamed(doc, 'Sergey Lavrov');
    assert.deepEqual(quotesOf(doc), [
      { kind: 'direct', text: 'لن نسمح بذلك', cue: 'أضاف', speaker: lavrov },
      { kind: 'direct', text: 'نحن مستعدون للحوار', cue: 'كتب', speaker: lavrov },
    ]);
  });

  test('a quotation of a few words right after the subject, with no colon', () => {
    const doc = read('وقال لافروف “نحن مستعدون للحوار مع الجميع”.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'direct',
        text: 'نحن مستعدون للحوار مع الجميع',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('a quotation followed by its speech verb', () => {
    const doc = read('“نحن مستعدون للحوار مع الجميع”، قال لافروف.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'direct',
        text: 'نحن مستعدون للحوار مع الجميع',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('a quoted name is not a quote, with or without a speech verb in the sentence', () => {
    assert.deepEqual(quotesOf(read('رفضت البنوك خدمة بطاقات نظام الدفع الروسي “مير”.')), []);
    assert.deepEqual(quotesOf(read('وأعلنت البنوك وقف خدمة بطاقات “مير” الروسية.')), []);
    assert.deepEqual(quotesOf(read('وأعلن لافروف موقفه على موقع التواصل الاجتماعي “تويتر”.')), []);
    // The newspaper's quoted name sits in the subject slot; what it reported is reported speech.
    assert.deepEqual(
      quotesOf(read('ذكرت صحيفة “إزفستيا” أن الاجتماع سيعقد في موسكو.')).map(({ kind, text }) => ({
        kind,
        text,
      })),
      [{ kind: 'reported', text: 'الاجتماع سيعقد في موسكو' }],
    );
  });
});

describe('reported speech', () => {
  test('قال إن with a named speaker after the verb, title and name', () => {
    const doc = read('وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع الصين كانت بناءة.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'reported',
        text: 'المحادثات مع الصين كانت بناءة',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('a speaker named by an office phrase alone, resolved on the article date', () => {
    const doc = read('وقال وزير الخارجية الروسي إن المحادثات مع الصين كانت بناءة.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'reported',
        text: 'المحادثات مع الصين كانت بناءة',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('أشار إلى أنه: the clause after the complementiser and its pronoun', () => {
    const doc = read('وأشار لافروف إلى أنه لا يرى بديلاً عن الحوار.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'reported',
        text: 'لا يرى بديلاً عن الحوار',
        cue: 'أشار',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('وفقاً لـ X، فإن …: the rest of the sentence after the source and its comma', () => {
    const doc = read('وفقاً لـ لافروف، فإن العلاقات بين روسيا والصين قوية.');
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'reported',
        text: 'العلاقات بين روسيا والصين قوية',
        cue: 'وفقاً لـ',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('a source that closes the sentence reports the clause before it', () => {
    const [quote] = quotesOf(read('ارتفع عدد القتلى إلى 30 شخصاً، بحسب وزارة الصحة.'));
    assert.equal(quote?.kind, 'reported');
    assert.equal(quote?.text, 'ارتفع عدد القتلى إلى 30 شخصاً');
    assert.equal(quote?.cue, 'بحسب');
  });

  test('an attribution that names no source is not one', () => {
    assert.deepEqual(quotesOf(read('ووفقاً للقانون، يجب على الحكومة أن تستقيل.')), []);
  });

  test('the reported clause ends where a new clause begins after a comma, but not at وأن', () => {
    const doc = read(
      'قال لافروف إن المشاركين أعربوا عن تضامنهم مع روسيا، وكرم المشاركون ذكرى الضحايا. وأكد لافروف أن الحوار ممكن، وأن موسكو مستعدة له.',
    );
    assert.deepEqual(
      quotesOf(doc).map((q) => q.text),
      ['المشاركين أعربوا عن تضامنهم مع روسيا', 'الحوار ممكن، وأن موسكو مستعدة له'],
    );
  });

  test('بعد أن and إلا أن are not complementisers of speech', () => {
    assert.deepEqual(quotesOf(read('وتابع الوزير جولته في المنطقة بعد أن زار موسكو.')), []);
  });
});

describe('speakers', () => {
  test('a subject before the verb', () => {
    const doc = read('بوتين قال إن الحرب ستنتهي قريباً.');
    assert.equal(quotesOf(doc)[0]?.speaker, entityNamed(doc, 'Vladimir Putin'));
  });

  test('a coreferent office word the linker tied to the minister', () => {
    const doc = read('التقى سيرغي لافروف نظيره الصيني وانغ يي في موسكو. وشدد الوزير على أن العلاقات قوية.');
    assert.deepEqual(quotesOf(doc), [
      { kind: 'reported', text: 'العلاقات قوية', cue: 'شدد', speaker: entityNamed(doc, 'Sergey Lavrov') },
    ]);
  });

  test('a bare pronoun subject: the subject of the sentence before, not its object', () => {
    const doc = read(
      'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو. وقال إن المحادثات كانت بناءة.',
    );
    assert.deepEqual(quotesOf(doc), [
      {
        kind: 'reported',
        text: 'المحادثات كانت بناءة',
        cue: 'قال',
        speaker: entityNamed(doc, 'Sergey Lavrov'),
      },
    ]);
  });

  test('a pronoun subject goes on with the last speaker, whose quoted words do not count', () => {
    const doc = read(
      'وقال لافروف إن بوتين سيزور الصين، وأضاف أن موسكو سترد. من جانبه، قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا تدين الهجوم، مشيراً إلى أن الحوار ضروري.',
    );
    const lavrov = entityNamed(doc, 'Sergey Lavrov');
    const macron = entityNamed(doc, 'Emmanuel Macron');
    assert.deepEqual(
      quotesOf(doc).map(({ text, speaker }) => ({ text, speaker })),
      [
        { text: 'بوتين سيزور الصين', speaker: lavrov },
        { text: 'موسكو سترد', speaker: lavrov },
        { text: 'فرنسا تدين الهجوم', speaker: macron },
        { text: 'الحوار ضروري', speaker: macron },
      ],
    );
  });

  test('a participle goes on with its own sentence’s subject, not with an earlier sentence’s speaker', () => {
    const doc = read(
      'وقال لافروف إن الوضع خطير. ودعت منظمة الصحة العالمية المانحين إلى تقديم تمويل عاجل، مشيرة إلى أن الخطة لم تمول.',
    );
    const who = entityNamed(doc, 'World Health Organization');
    assert.deepEqual(
      quotesOf(doc).map(({ text, speaker }) => ({ text, speaker })),
      [
        { text: 'الوضع خطير', speaker: entityNamed(doc, 'Sergey Lavrov') },
        { text: 'الخطة لم تمول', speaker: who },
      ],
    );
  });

  test('a subject that names no linked person or body gives no speaker, not a guess', () => {
    const doc = read('التقى لافروف بلينكن. وقال مسؤول أمريكي إن الاجتماع كان صعباً.');
    assert.deepEqual(quotesOf(doc), [
      { kind: 'reported', text: 'الاجتماع كان صعباً', cue: 'قال', speaker: null },
    ]);
  });

  test('the addressee of the verb is not the speaker', () => {
    const doc = read('قال الرئيس فلاديمير بوتين لنظيره الصيني شي جين بينغ إن روسيا لن تتراجع.');
    assert.equal(quotesOf(doc)[0]?.speaker, entityNamed(doc, 'Vladimir Putin'));
  });
});

const seedDir = join(sharedDataDir(), '..', 'seed');
const seedPath = join(seedDir, '000_9b2053030ae6c209.txt');
const seedDoc = read(readFileSync(seedPath, 'utf8'));

describe('the seed article', () => {
  const text = seedDoc.article.text;
  const quotes = findQuotes(seedDoc);

  test('offsets are clean: trimmed content without marks, the cue before or after it', () => {
    assert.ok(quotes.length > 0);
    for (const q of quotes) {
      const content = text.slice(q.start, q.end);
      assert.equal(content, content.trim());
      assert.doesNotMatch(content, /^[“”«»"]|[“”«»"]$/);
      assert.ok(q.cue.start < q.cue.end && (q.cue.end <= q.start || q.cue.start >= q.end));
    }
  });

  test("Lavrov's words on security are a direct quote, his account of the solidarity a reported one", () => {
    const lavrov = entityNamed(seedDoc, 'Sergey Lavrov');
    const security = quotes.find((q) => text.slice(q.start, q.end).startsWith('لقد أولينا اهتماماً كبيراً'));
    assert.equal(security?.kind, 'direct');
    assert.equal(security?.speaker, lavrov);
    assert.ok(text.slice(security.start, security.end).endsWith('بما في ذلك في مجال الهجرة'));
    const solidarity = quotes.filter((q) =>
      text.slice(q.start, q.end).includes('أعربوا مرة أخرى عن تضامنهم'),
    );
    assert.ok(
      solidarity.length > 0 && solidarity.every((q) => q.kind === 'reported' && q.speaker === lavrov),
    );
  });

  test('every quote of the checklist, optional ones too, with its kind and speaker', () => {
    const expected = JSON.parse(readFileSync(join(seedDir, 'expected.json'), 'utf8')) as {
      entities: { key: string; en: string }[];
      quotes: { key: string; speaker: string; kind: string; contains?: string; startsWith?: string }[];
    };
    for (const item of expected.quotes) {
      const needle = item.contains ?? item.startsWith ?? '';
      const en = expected.entities.find((e) => e.key === item.speaker)!.en;
      const speaker = entityNamed(seedDoc, en);
      assert.ok(
        quotes.some(
          (q) => text.slice(q.start, q.end).includes(needle) && q.kind === item.kind && q.speaker === speaker,
        ),
        item.key,
      );
    }
  });

  test('the quoted names “مير”, “الهاربين البيلاروسيين” and “السلام” are not quotes', () => {
    for (const name of ['مير', 'الهاربين البيلاروسيين', 'السلام'])
      assert.ok(!quotes.some((q) => text.slice(q.start, q.end) === name), name);
  });

  test('the same quotes without the clitic segmentation, from the five layers the signature asks for', () => {
    const { article, tokens, sentences, mentions, entities } = seedDoc;
    assert.deepEqual(findQuotes({ article, tokens, sentences, mentions, entities }), quotes);
  });

  test('the outside checker finds every required quote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-quotes-'));
    const analysis = join(dir, 'seed.json');
    writeFileSync(analysis, JSON.stringify({ ...toAnalysisJson(seedDoc), quotes }));
    const checker = join(sharedDataDir(), '..', 'tools', 'seedcheck.mjs');
    const result = spawnSync(
      process.execPath,
      [checker, analysis, join(seedDir, 'expected.json'), seedPath, 'quotes', '1'],
      { encoding: 'utf8' },
    );
    rmSync(dir, { recursive: true, force: true });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.doesNotMatch(result.stdout, /missed:/);
  });
});
