import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectLanguage, scriptCounts } from './language.ts';

describe('detectLanguage', () => {
  test('Arabic news, with Latin names and digits, is ar', () => {
    assert.equal(
      detectLanguage(
        'أعلنت شركة Apple اليوم عن نتائجها للربع الثاني من عام 2024، وقالت إن الإيرادات ارتفعت بنسبة 5%.',
      ),
      'ar',
    );
    assert.equal(detectLanguage('قال الرئيس إن المحادثات مستمرة'), 'ar');
  });

  test('English is en; French and Turkish in Latin script are other', () => {
    assert.equal(
      detectLanguage('The foreign minister met his counterpart in Paris on Monday to discuss the situation.'),
      'en',
    );
    assert.equal(
      detectLanguage('Le ministre des Affaires étrangères a rencontré son homologue à Paris lundi dernier.'),
      'other',
    );
    assert.equal(detectLanguage('Dışişleri Bakanı bugün Ankara’da mevkidaşı ile bir araya geldi.'), 'other');
  });

  test('Persian and Urdu, though in Arabic script, are other', () => {
    assert.equal(
      detectLanguage(
        'به گزارش خبرگزاری فارس، رئیس جمهور کشورمان در دیدار با وزیر امور خارجه گفت که این کشور آماده همکاری است.',
      ),
      'other',
    );
    assert.equal(
      detectLanguage('پاکستان کے وزیر اعظم نے آج کابینہ کے اجلاس کی صدارت کی اور اہم فیصلے کیے۔'),
      'other',
    );
  });

  test('an Arabic text with one Persian letter typed by mistake stays ar', () => {
    assert.equal(
      detectLanguage('توفي الشيخ سعيد والد الدكتورة هدی بنت سعيد رحمه الله وأسكنه فسيح جناته'),
      'ar',
    );
  });

  test('Cyrillic, Hebrew and half-and-half texts are other', () => {
    assert.equal(detectLanguage('Министр иностранных дел встретился с коллегой в Минске.'), 'other');
    assert.equal(detectLanguage('שר החוץ נפגש היום עם עמיתו בירושלים לשיחות'), 'other');
    assert.equal(detectLanguage('وزير الخارجية وزير الخارجية the foreign minister met today'), 'other');
  });

  test('too few letters is unknown', () => {
    assert.equal(detectLanguage(''), 'unknown');
    assert.equal(detectLanguage('12,450 — 3.5% (2024)'), 'unknown');
    assert.equal(detectLanguage('عاجل'), 'unknown');
  });
});

describe('scriptCounts', () => {
  test('counts letters by script, ignoring digits, marks and punctuation', () => {
    const counts = scriptCounts('مرحبًا Hi ١٢٣ 42! 😀 Ω');
    assert.equal(counts.arabic, 5);
    assert.equal(counts.latin, 2);
    assert.equal(counts.other, 1);
    assert.equal(counts.latinWords, 1);
  });
});
