import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchKey } from '../../text/normalize.ts';
import { inflectVerb, verbKeys } from './inflect.ts';

/** Asserts that every form, as news writes it (with its vowel marks and hamzas), is generated. */
function generates(lemma: string, written: string, options = {}) {
  const keys = new Set(verbKeys(lemma, options));
  const missing = written.split(/\s+/).filter((w) => !keys.has(matchKey(w)));
  assert.deepEqual(missing, [], `${lemma}: ${[...keys].join(' ')}`);
}

test('form I and II, sound: حذّر، حذّرت، حذّروا، حذّرتا، يحذّر، تحذّر، يحذّرون، نحذّر', () => {
  generates('حذر', 'حذّر حذَّرت حذّروا حذّرتا حذّرنا يُحذّر تُحذّر يحذّرون يحذروا نحذّر');
  generates('رفض', 'رفض رفضت رفضوا يرفض ترفض يرفضون نرفض');
  generates('عقد', 'عقد عُقدت عقدوا يعقد يُعقد تعقد تُعقد');
  generates('هدد', 'هدّد هدّدت هددوا يهدد تهدّد يهددون');
});

test('form I with a weak last letter: دعا → دعت، دعوا، يدعو؛ نفى → نفت، ينفي؛ بقي → بقيت', () => {
  generates('دعا', 'دعا دعت دعوا دعتا دعونا يدعو تدعو يدعون ندعو');
  generates('نفى', 'نفى نفت نفوا ينفي تنفي ينفون');
  generates('بقي', 'بقي بقيت بقوا يبقى تبقى');
});

test('form I doubled, written with two letters: شنّ → شنّت، شنّوا، يشنّ، يشنّون', () => {
  generates('شن', 'شنّ شنّت شنّوا يشنّ تشنّ يشنون');
  generates('رد', 'ردّ ردّت ردّوا يردّ تردّ');
});

test('form I hollow: قال → قالت، قالوا، قلنا، يقول؛ زار → زارت، يزور', () => {
  generates('قال', 'قال قالت قالوا قلنا يقول تقول يقولون');
  generates('زار', 'زار زارت زاروا زرنا يزور تزور يزورون');
});

test('form III: ناقش → يناقش؛ نادى → ينادي', () => {
  generates('ناقش', 'ناقش ناقشت ناقشوا يناقش تناقش يناقشون');
  generates('نادى', 'نادى نادت نادوا ينادي تنادي ينادون');
});

test('form IV: أعلن → يعلن؛ أضاف → يضيف، أضفنا؛ أدان → يدين؛ ألقى → ألقت، يلقي', () => {
  generates('أعلن', 'أعلن أعلنت أعلنوا يعلن تعلن يعلنون نعلن');
  generates('اضاف', 'أضاف أضافت أضافوا أضفنا يضيف تضيف يضيفون');
  generates('أدان', 'أدان أدانت أدانوا يدين تدين يدينون');
  generates('ألقى', 'ألقى ألقت ألقوا يلقي تلقي');
});

test('forms V and VI: تحدّث → يتحدّث؛ تولّى → تولّت، يتولّى؛ تعاون → يتعاون', () => {
  generates('تحدث', 'تحدّث تحدّثت تحدّثوا يتحدّث تتحدّث يتحدّثون');
  generates('تولى', 'تولّى تولّت تولّوا يتولّى تتولّى يتولّون');
  generates('تعاون', 'تعاون تعاونت تعاونوا يتعاون تتعاون يتعاونون');
});

test('form VII: انعقد → انعقدت، ينعقد، تنعقد؛ انسحب → ينسحبون', () => {
  generates('انعقد', 'انعقد انعقدت ينعقد تنعقد');
  generates('انسحب', 'انسحب انسحبت انسحبوا ينسحب تنسحب ينسحبون');
});

test('form VIII: اجتمع → يجتمع؛ التقى → التقت، يلتقي؛ اتفق → يتفق؛ احتلّ → يحتلّ؛ اختار → يختار', () => {
  generates('اجتمع', 'اجتمع اجتمعت اجتمعوا اجتمعتا يجتمع تجتمع يجتمعون يجتمعوا نجتمع');
  generates('التقى', 'التقى التقت التقوا التقتا التقينا يلتقي تلتقي يلتقون يلتقوا نلتقي');
  generates('اتفق', 'اتّفق اتّفقت اتّفقوا اتفقنا يتّفق تتّفق يتّفقون');
  generates('احتل', 'احتلّ احتلّت احتلّوا يحتلّ تحتلّ');
  generates('اعتدى', 'اعتدى اعتدت اعتدوا يعتدي تعتدي يعتدون');
  generates('اختار', 'اختار اختارت اختاروا اخترنا يختار تختار');
  generates('ادعى', 'ادّعى ادّعت يدّعي تدّعي');
});

test('form X: استنكر → يستنكر؛ استقال → يستقيل؛ استدعى → استدعت، يستدعي', () => {
  generates('استنكر', 'استنكر استنكرت استنكروا يستنكر تستنكر يستنكرون');
  generates('استقال', 'استقال استقالت استقالوا استقلنا يستقيل تستقيل');
  generates('استدعى', 'استدعى استدعت استدعوا يستدعي تستدعي يستدعون');
});

test('hamza verbs, whose forms key to the same letters whatever seat the hamza takes', () => {
  generates('بدأ', 'بدأ بدأت بدأوا بدؤوا يبدأ تبدأ');
  generates('سأل', 'سأل سألت سألوا يسأل تسأل');
  generates('أكد', 'أكّد أكّدت أكّدوا يؤكّد تؤكّد يؤكّدون');
  generates('أخذ', 'أخذ أخذت يأخذ تأخذ');
  generates('أدى', 'أدّى أدّت يؤدّي تؤدّي يؤدّون');
});

test('form I or II after و: وصل → يصل and وقّع → يوقّع are both generated', () => {
  generates('وصل', 'وصل وصلت يصل تصل');
  generates('وقع', 'وقّع وقّعت وقّعوا يوقّع توقّع يقع');
});

test('what the spelling cannot tell: a hollow verb in ي gets و unless its imperfect is given', () => {
  assert.ok(verbKeys('سار').includes('يسور')); // wrong, and known to be
  assert.ok(!verbKeys('سار').includes('يسير'));
  generates('سار', 'سار سارت ساروا يسير تسير يسيرون', { imperfect: 'يسير' });
  generates('أيد', 'أيّد أيّدت يؤيّد تؤيّد يؤيّدون', { imperfect: 'يؤيّد' });
});

test('names every form, in key spelling, without diacritics', () => {
  assert.deepEqual(
    inflectVerb('حَذَّرَ').map((f) => `${f.form} ${f.key}`),
    [
      'perfect.3ms حذر',
      'perfect.3fs حذرت',
      'perfect.3mp حذروا',
      'perfect.3fd حذرتا',
      'perfect.1p حذرنا',
      'imperfect.3ms يحذر',
      'imperfect.3fs تحذر',
      'imperfect.3mp يحذرون',
      'imperfect.3mp.subjunctive يحذروا',
      'imperfect.1p نحذر',
    ],
  );
  assert.deepEqual(inflectVerb('ا'), []);
});
