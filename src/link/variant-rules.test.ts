import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../core/random.ts';
import { CONTRAST_RULES, SPELLING_RULES, type SpellingRule, spellingVariant } from './variant-rules.ts';

const byName = (rules: readonly SpellingRule[], prefix: string) =>
  rules.find((r) => r.name.startsWith(prefix))!;

/** Every variant a rule can make of `name`, by drawing many times. */
function outcomes(rule: SpellingRule, name: string): Set<string | undefined> {
  const random = seededRandom(5);
  const seen = new Set<string | undefined>();
  for (let k = 0; k < 200; k++) seen.add(rule.apply(name, random));
  return seen;
}

describe('spelling rules', () => {
  test('swap a letter for another of its class, at one site', () => {
    assert.deepEqual(outcomes(byName(SPELLING_RULES, 'g:'), 'سيرغي'), new Set(['سيرجي', 'سيرگي']));
    assert.deepEqual(outcomes(byName(SPELLING_RULES, 'ch:'), 'تشاد'), new Set(['چاد']));
    assert.deepEqual(outcomes(byName(SPELLING_RULES, 'final ي'), 'يحيي'), new Set(['يحيى']));
  });

  test('add a long vowel only between letters of different classes, never before a final h', () => {
    const made = outcomes(byName(SPELLING_RULES, 'long vowel added'), 'ببه');
    assert.deepEqual(made, new Set([undefined]));
    assert.ok(outcomes(byName(SPELLING_RULES, 'long vowel added'), 'مرزا').has('ميرزا'));
  });

  test('drop a long vowel only inside the word', () => {
    assert.deepEqual(
      outcomes(byName(SPELLING_RULES, 'long vowel dropped'), 'ماريو'),
      new Set(['مريو', 'مارو']),
    );
  });

  test('give undefined where the rule has no site', () => {
    assert.equal(byName(SPELLING_RULES, 'lam-alef').apply('بوتين', seededRandom(1)), undefined);
    assert.equal(byName(SPELLING_RULES, 'alef with').apply('بوتين', seededRandom(1)), undefined);
    assert.equal(byName(CONTRAST_RULES, 'sh/s').apply('بوتين', seededRandom(1)), undefined);
  });

  test('mark the diacritic and ligature rules late', () => {
    assert.deepEqual(
      SPELLING_RULES.filter((r) => r.late).map((r) => r.name),
      ['diacritic or tatweel', 'lam-alef ligature'],
    );
  });
});

describe('contrast rules', () => {
  test('change a sound and leave neighbours of the new letter’s class alone', () => {
    assert.deepEqual(outcomes(byName(CONTRAST_RULES, 'sh/s'), 'بوش'), new Set(['بوس']));
    assert.deepEqual(outcomes(byName(CONTRAST_RULES, 'r/l'), 'رل'), new Set([undefined]));
    assert.deepEqual(outcomes(byName(CONTRAST_RULES, 'final vowel'), 'ماريا'), new Set([undefined]));
    assert.deepEqual(outcomes(byName(CONTRAST_RULES, 'final vowel'), 'مالي'), new Set(['مالا', 'مالو']));
  });
});

describe('spellingVariant', () => {
  test('is reproducible from its seed and changes the name', () => {
    const a = spellingVariant('فلاديمير بوتين', seededRandom(9), 3);
    const b = spellingVariant('فلاديمير بوتين', seededRandom(9), 3);
    assert.equal(a, b);
    assert.notEqual(a, 'فلاديمير بوتين');
  });

  test('returns the name when no rule applies', () => {
    assert.equal(spellingVariant('', seededRandom(1), 3), '');
  });
});
