import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type Doc, wordSegments } from '../core/doc.ts';
import { readSaudiNewsNet } from '../corpus/saudinewsnet.ts';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { createAnalyzer } from './analyze.ts';

const analyze = createAnalyzer();
const seedPath = `${sharedDataDir()}/../seed/000_9b2053030ae6c209.txt`;

/** Every span of every text layer slices out of the original text and holds what it claims. */
function assertOffsetsRoundTrip(doc: Doc): void {
  const { text } = doc.article;
  const inside = (s: { start: number; end: number }) =>
    s.start >= 0 && s.start < s.end && s.end <= text.length;
  let previousEnd = 0;
  for (const t of doc.tokens) {
    assert.ok(
      inside(t) && t.start >= previousEnd,
      `token ${t.start}-${t.end} is in order and inside the text`,
    );
    assert.ok(/\S/u.test(text.slice(t.start, t.end)), 'a token is never blank');
    previousEnd = t.end;
  }
  previousEnd = 0;
  for (const s of doc.sentences) {
    assert.ok(
      inside(s) && s.start >= previousEnd,
      `sentence ${s.start}-${s.end} is in order and inside the text`,
    );
    assert.equal(
      text.slice(s.start, s.end).trim(),
      text.slice(s.start, s.end),
      'sentences start and end on a token',
    );
    previousEnd = s.end;
  }
  assert.equal(doc.words.length, doc.tokens.length);
  doc.tokens.forEach((token, t) => {
    assert.equal(doc.words[t] !== null, token.kind === 'word', 'every word token and only those has a shape');
    const segments = wordSegments(doc, t);
    if (segments.length === 0) return;
    assert.equal(segments[0]!.start, token.start);
    assert.equal(segments.at(-1)!.end, token.end);
    for (let i = 1; i < segments.length; i++) assert.equal(segments[i]!.start, segments[i - 1]!.end);
  });
  for (const n of doc.numbers) assert.ok(inside(n), `number ${n.start}-${n.end} is inside the text`);
  // Every token lies inside exactly one sentence.
  let si = 0;
  for (const t of doc.tokens) {
    while (doc.sentences[si] && doc.sentences[si]!.end <= t.start) si++;
    const s = doc.sentences[si]!;
    assert.ok(s && s.start <= t.start && t.end <= s.end, `token ${t.start}-${t.end} lies in a sentence`);
  }
}

test('the seed article: offsets round-trip, 16 paragraphs give at least 16 sentences', () => {
  const text = readFileSync(seedPath, 'utf8');
  const doc = analyze({ text, publishedAt: '2024-04-12' });
  assertOffsetsRoundTrip(doc);
  assert.ok(doc.sentences.length >= 16, `${doc.sentences.length} sentences`);
  assert.ok(doc.tokens.length >= 745, `${doc.tokens.length} tokens`);
  const surfaces = doc.tokens.map((t) => text.slice(t.start, t.end));
  for (const word of ['سيرجي', 'لافروف', 'بيلاروسيا', '144', '2023'])
    assert.ok(surfaces.includes(word), word);
});

test('1,000 SaudiNewsNet articles: every token and sentence slices back out of its text', () => {
  let articles = 0;
  let tokens = 0;
  for (const article of readSaudiNewsNet({ limit: 1000 })) {
    const doc = analyze({ text: article.text, id: article.id });
    assertOffsetsRoundTrip(doc);
    articles++;
    tokens += doc.tokens.length;
  }
  assert.equal(articles, 1000);
  assert.ok(tokens > 100_000, `${tokens} tokens`);
});

test('mixed scripts, bidi marks and presentation forms keep their offsets', () => {
  const text = 'قال \u200fLavrov\u200e إن ﻻ شيء تغيّر في 2024/4/12، و١٤٤ قتيلاً 😢.\r\nسطر ثانٍ';
  const doc = analyze({ text });
  assertOffsetsRoundTrip(doc);
  assert.equal(doc.sentences.length, 2);
});

test('empty text and a text of only diacritics give an empty analysis, not an error', () => {
  for (const text of ['', '   \n ', 'ًٌٍَُِّْ'.repeat(1000)]) {
    const doc = analyze({ text });
    assert.deepEqual([doc.tokens.length, doc.sentences.length, doc.words.length], [0, 0, 0]);
  }
});
