import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demonymForms } from './demonyms.ts';

test('inflects a stem into masculine, feminine and sound plural, bare and definite', () => {
  const forms = demonymForms({ stems: ['روسي'], plurals: ['روس'], forms: [] });
  for (const form of ['روسي', 'الروسي', 'روسية', 'الروسية', 'الروسيون', 'الروسيين', 'روس', 'الروس'])
    assert.ok(forms.includes(form), form);
});

test('puts the ending and the article on every word of a two-word stem', () => {
  const forms = demonymForms({ stems: ['كوري جنوبي'], plurals: [], forms: [] });
  assert.ok(forms.includes('الكورية الجنوبية'));
  assert.ok(forms.includes('الكوريون الجنوبيون'));
  assert.ok(!forms.includes('الكوري جنوبي'));
});

test('takes curated forms as they are', () => {
  const forms = demonymForms({ stems: [], plurals: [], forms: ['الجنوب أفريقي'] });
  assert.deepEqual(forms, ['الجنوب أفريقي']);
});

test('rejects a stem that is not an indefinite nisba', () => {
  assert.throws(() => demonymForms({ stems: ['روسيا'], plurals: [], forms: [] }), /روسيا/);
  assert.throws(() => demonymForms({ stems: ['الروسي'], plurals: [], forms: [] }), /الروسي/);
});
