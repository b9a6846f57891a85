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

test('a score is the mean add-k log-ratio of the word trigrams, letters outside the models included', () => {
  const models = {
    PER: countLetters(['ميرزويان', 'سركيسيان']),
    LOC: countLetters(['موسكو']),
    ORG: countLetters(['غازبروم']),
    WORD: countLetters(['الاجتماع', 'التعاون']),
  };
  // The definition, trigram by trigram over ^^word$ (add-0.1 smoothing over 40 letters).
  const logTerm = (counts: ReturnType<typeof countLetters>, gram: string) =>
    Math.log(((counts.grams.get(gram) ?? 0) + 0.1) / ((counts.histories.get(gram.slice(0, -1)) ?? 0) + 4));
  const expected = (word: string) => {
    const padded = `^^${word}$`;
    const grams = Array.from({ length: word.length + 1 }, (_, i) => padded.slice(i, i + 3));
    const mean = (c: keyof typeof models) =>
      grams.reduce((sum, g) => sum + logTerm(models[c], g), 0) / grams.length;
    const ratios = (['PER', 'LOC', 'ORG'] as const).map((c) => [c, mean(c) - mean('WORD')] as const);
    const [type, best] = ratios.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { score: Math.max(-4, Math.min(4, Math.round(best * 2))), type };
  };
  const model = nameLikenessFrom(models);
  // Letters no model has (أ, Latin, a mark), padding marks inside a word, one letter, none.
  for (const word of ['سافاريان', 'أرمينيا', 'Lavrov', 'مو^سكو$', 'يَان', 'ن', ''])
    assert.deepEqual(model.of(word), expected(word), word);
});
