import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLetters, loadNameLikeness, nameLikenessFrom, serializeLetterCounts } from './namelike.ts';

test('a word reads like the class whose letters it shares', () => {
  const model = nameLikenessFrom({
    PER: countLetters(['ميرزويان', 'نالبانديان', 'باشينيان', 'سركيسيان']),
    LOC: countLetters(['موسكو', 'مينسك']),
    ORG: countLetters(['غازبروم']),
    WORD: countLetters(['الاجتماع', 'التعاون', 'المشاركين', 'الخارجية']),
  });
  const name = model.of('سافاريان');
  assert.equal(name.type, 'PER');
  assert.ok(name.score > 0, `سافاريان scores ${name.score}`);
  assert.ok(model.of('الاجتماعات').score < 0);
});

test('the shipped model tells unseen foreign names from ordinary words', () => {
  const model = loadNameLikeness();
  for (const name of ['سافاريان', 'نيستلروي', 'شوفكوفسكي']) assert.ok(model.of(name).score > 0, name);
  for (const word of ['الاجتماعات', 'المشتركة', 'يتوقعون']) assert.ok(model.of(word).score <= 0, word);
});

test('counts are written one trigram a line, sorted, so a rebuild is byte-identical', () => {
  const counts = countLetters(['اب']);
  const lines = serializeLetterCounts({ PER: counts, LOC: counts, ORG: counts, WORD: counts });
  assert.deepEqual(lines, [...lines].sort());
  assert.ok(lines.includes('PER\t^^ا\t1\n') && lines.includes('WORD\tاب$\t1\n'));
});
