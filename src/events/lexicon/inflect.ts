// The verb forms news writes, generated from a verb as dictionaries cite it: the past tense, third
// person masculine singular (حذر، أعلن، اجتمع، التقى، دعا، استقال). Every form comes out in matching-key
// spelling (text/normalize.ts), so vowel marks, the shadda and hamza seats never need to be right.
//
// Forms: perfect 3ms حذر, 3fs حذرت, 3mp حذروا, 3fd حذرتا, 1p حذرنا (officials quoted in news speak as
// "we"); imperfect 3ms يحذر, 3fs تحذر, 3mp يحذرون, 3mp subjunctive/jussive يحذروا (أن يجتمعوا، لم
// يلتقوا), 1p نحذر. The future س, conjunctions and object pronouns are not forms: triggerKeys (see
// triggers.ts) takes them off the word in the text instead. Verbal nouns are never generated: which
// one a verb takes is not predictable, so they are curated (nominal.tsv).
//
// Unvowelled spelling hides most of what tells the derived forms apart, which is what makes this
// small: form II (حذّر) is written as form I, IV (أعلن → يعلن) and VII, VIII, X (انعقد → ينعقد, اجتمع →
// يجتمع, استنكر → يستنكر) all make the imperfect by putting ي where the first alef was, V and VI (تحدث،
// تعاون) and III (ناقش) by putting ي in front. What the spelling does not settle, it guesses, and the
// guesses are listed here so nobody trusts them blindly:
// - a hollow form I (قال، زار، عاد) gets و in the imperfect (يقول، يزور); the ي and ا verbs (سار → يسير،
//   نام → ينام) come out wrong (يسور) unless the caller passes the imperfect;
// - a three-letter verb that starts with an alef is form I with a hamza (أخذ → يأخذ) or form II (أكد →
//   يؤكد, أيد → يؤيد): both imperfects are generated; a doubled form IV (أعدّ → يعدّ) is not;
// - a verb that starts with و is form I (وصل → يصل) or II (وقّع → يوقّع): both are generated;
// - a final ى is a y-verb (رمى → رمت، يرمي; التقى → التقت، يلتقي), a final ا a w-verb (دعا → دعت، يدعو);
//   a final ي written as such is the i-type (بقي → بقيت، يبقى). The dictionary's misspellings (نفا for
//   نفى) are inflected as written.

import { matchKey } from '../../text/normalize.ts';

export type VerbForm =
  | 'perfect.3ms'
  | 'perfect.3fs'
  | 'perfect.3mp'
  | 'perfect.3fd'
  | 'perfect.1p'
  | 'imperfect.3ms'
  | 'imperfect.3fs'
  | 'imperfect.3mp'
  | 'imperfect.3mp.subjunctive'
  | 'imperfect.1p';

export interface Inflection {
  readonly form: VerbForm;
  /** The form in matching-key spelling. */
  readonly key: string;
}

export interface InflectOptions {
  /** The imperfect 3ms as written (يسير، يؤيد), for the verbs whose imperfect the spelling hides. */
  readonly imperfect?: string;
}

const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u0640]/g;
const HAMZA_ALEFS = /^[أإآ]/;

/** Every form of the verb, in a fixed order; a form with two possible spellings appears twice. */
export function inflectVerb(lemma: string, options: InflectOptions = {}): Inflection[] {
  const w = lemma.replace(DIACRITICS, '').trim();
  if (w.length < 2) return [];
  const out: Inflection[] = [];
  const add = (form: VerbForm, written: string) => out.push({ form, key: matchKey(written) });

  // Perfect: suffixes after the lemma, or after its weak final letter.
  const last = w.at(-1)!;
  const base = w.slice(0, -1);
  add('perfect.3ms', w);
  if (last === 'ا' || last === 'ى') {
    // دعا → دعت، دعوا; التقى → التقت، التقوا
    add('perfect.3fs', `${base}ت`);
    add('perfect.3mp', `${base}وا`);
    add('perfect.3fd', `${base}تا`);
    add('perfect.1p', `${base}${last === 'ا' ? 'و' : 'ي'}نا`);
  } else if (last === 'ي' && w.length === 3) {
    // بقي → بقيت، بقوا
    add('perfect.3fs', `${w}ت`);
    add('perfect.3mp', `${base}وا`);
    add('perfect.3fd', `${w}تا`);
    add('perfect.1p', `${w}نا`);
  } else {
    add('perfect.3fs', `${w}ت`);
    add('perfect.3mp', `${w}وا`);
    if (last === 'أ') add('perfect.3mp', `${base}ؤوا`); // بدأوا and بدؤوا
    add('perfect.3fd', `${w}تا`);
    add('perfect.1p', `${closedSyllableStem(w)}نا`);
  }

  // Imperfect: the stem after the person prefix (يـ|حذر), then the prefixes and the plural ending.
  const given = options.imperfect?.replace(DIACRITICS, '').trim();
  const stems = given?.startsWith('ي') ? [given.slice(1)] : imperfectStems(w);
  for (const stem of stems) {
    add('imperfect.3ms', `ي${stem}`);
    add('imperfect.3fs', `ت${stem}`);
    // A weak final letter gives way to the plural ending: يدعو → يدعون, يلتقي → يلتقون.
    const plural = /[اوىي]$/.test(stem) && stem.length >= 3 ? stem.slice(0, -1) : stem;
    add('imperfect.3mp', `ي${plural}ون`);
    add('imperfect.3mp.subjunctive', `ي${plural}وا`);
    add('imperfect.1p', `ن${stem}`);
  }
  return out;
}

/** The distinct keys of the verb's forms. */
export function verbKeys(lemma: string, options: InflectOptions = {}): string[] {
  return [...new Set(inflectVerb(lemma, options).map((f) => f.key))];
}

/**
 * The perfect stem before a consonant suffix: a hollow verb loses its middle alef there (قال → قلنا،
 * أضاف → أضفنا، اختار → اخترنا، استقال → استقلنا); every other verb keeps its lemma.
 */
function closedSyllableStem(w: string): string {
  const n = w.length;
  const alefInitial = HAMZA_ALEFS.test(w) || w.startsWith('ا');
  const middle =
    n === 3 && w[1] === 'ا'
      ? 1
      : alefInitial && n === 4 && w[2] === 'ا'
        ? 2
        : alefInitial && n === 5 && w[3] === 'ا'
          ? 3
          : alefInitial && n === 6 && w.startsWith('است') && w[4] === 'ا'
            ? 4
            : -1;
  return middle < 0 ? w : w.slice(0, middle) + w.slice(middle + 1);
}

/** What follows the person prefix of the imperfect, as written (ى kept: the key folds it to ي). */
function imperfectStems(w: string): string[] {
  const n = w.length;
  const last = w.at(-1)!;
  // A final ى of a derived verb is ي in the imperfect (ألقى → يلقي, التقى → يلتقي); keys do not tell
  // the two apart, so this only matters for reading the code.
  const yFinal = (s: string) => (s.endsWith('ى') ? `${s.slice(0, -1)}ي` : s);

  if (n === 2) return [w]; // رد → يرد، شن → يشن (doubled form I)

  if (HAMZA_ALEFS.test(w) || w.startsWith('ا')) {
    const rest = w.slice(1);
    if (w.startsWith('آ')) return [`ؤ${rest}`]; // آمن → يؤمن
    if (n === 3) {
      // Form I with a first hamza (أخذ → يأخذ) or form II (أكد → يؤكد): both.
      return [`أ${yFinal(rest)}`, `ؤ${yFinal(rest)}`];
    }
    if (n === 4 && w[2] === 'ا') return [`${w[1]}ي${w[3]}`]; // hollow IV: أضاف → يضيف, أدان → يدين
    if (n === 6 && w.startsWith('است') && w[4] === 'ا') return [`ست${w[3]}ي${w[5]}`]; // استقال → يستقيل
    // IV (أعلن → يعلن), VII (انعقد → ينعقد), VIII (اجتمع → يجتمع, اتفق → يتفق, اختار → يختار), X.
    return [yFinal(rest)];
  }

  if (w.startsWith('ت') && n >= 4) return [w]; // V, VI: تحدث → يتحدث, تولى → يتولى, تعاون → يتعاون

  if (n === 3) {
    if (w[1] === 'ا') return [`${w[0]}و${w[2]}`]; // hollow I: قال → يقول (see the header)
    if (last === 'ا') return [`${w.slice(0, 2)}و`]; // دعا → يدعو
    if (last === 'ى' || last === 'ي') return [`${w.slice(0, 2)}ي`]; // رمى → يرمي, بقي → يبقى (same key)
    if (w[0] === 'و') return [w.slice(1), w]; // وصل → يصل; وقّع → يوقّع
  }
  // Form I and II sound (رفض → يرفض), III (ناقش → يناقش, نادى → ينادي), quadriliterals (سيطر).
  return [w];
}
