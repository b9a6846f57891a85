// PLOVER's auxiliary modes, read from the words around a trigger: an event announced for later
// (من المقرر أن يعقد، سيعقد، الاجتماع المقبل), denied (لم يعقد، لن يشارك), already past when reported
// (في وقت سابق، الاجتماع السابق), or conditional (إذا، في حال). Markers are matching keys.

import type { Auxiliary, Token } from '../core/doc.ts';

/** Words right before a trigger that deny it. */
const NEGATIONS = new Set(['لم', 'لن', 'لا', 'ما', 'ليس', 'ليست', 'عدم', 'دون']);
/** Phrases anywhere before the trigger in its sentence that put it in the future. */
const FUTURE_BEFORE: readonly (readonly string[])[] = [
  ['من', 'المقرر'],
  ['من', 'المنتظر'],
  ['من', 'المتوقع'],
  ['سوف'],
  ['يعتزم'],
  ['تعتزم'],
  ['يعتزمون'],
];
/** Adjectives after a nominal trigger: الاجتماع المقبل / القادم (future), السابق / الماضي (historical). */
const FUTURE_AFTER = new Set(['المقبل', 'القادم', 'المقبله', 'القادمه']);
const PAST_AFTER = new Set(['السابق', 'السابقه', 'الماضي', 'الماضيه']);
const HISTORICAL_BEFORE: readonly (readonly string[])[] = [['في', 'وقت', 'سابق'], ['سابقا'], ['من', 'قبل']];
const CONDITIONALS = new Set(['لو', 'اذا']);
/** Verbs of denial: what follows their أن is denied (نفى المتحدث أن يكون المسلحون قد خطفوا أحداً). */
const DENIALS = new Set([
  'نفي',
  'نفت',
  'ينفي',
  'تنفي',
  'نفوا',
  'انكر',
  'انكرت',
  'ينكر',
  'تنكر',
  'نافيا',
  'نافيه',
]);
/** Speech verbs that start a new report after a denial (نفى ذلك، وقال إن …): what they report is not denied. */
const SPEECH = new Set(['قال', 'قالت', 'اكد', 'اكدت', 'اضاف', 'اضافت', 'اوضح', 'اوضحت', 'اشار', 'اشارت']);
/** How many words before a trigger a negation or condition may stand. */
const NEAR = 2;

const hasPhrase = (keys: readonly string[], phrase: readonly string[]) =>
  keys.some((_, i) => phrase.every((w, k) => keys[i + k] === w));

/**
 * The auxiliary mode of the trigger at token `t` of the sentence starting at token `from`; `verb` tells a
 * verb (whose future prefix س counts) from a noun.
 */
export function auxiliaryOf(
  tokens: readonly Token[],
  from: number,
  t: number,
  verb: boolean,
): Auxiliary | undefined {
  // Markers may carry the conjunction: ومن المقرر, فلم.
  const before = tokens.slice(from, t).map((x) => x.norm.replace(/^[وف](?=..)/, ''));
  const near = before.slice(-NEAR);
  const after = tokens[t + 1]?.norm ?? '';
  const trigger = tokens[t]!.norm;
  if (near.some((w) => NEGATIONS.has(w)) || denied(before)) return 'negated';
  if (near.some((w) => CONDITIONALS.has(w)) || hasPhrase(near, ['في', 'حال'])) return 'hypothetical';
  if (FUTURE_BEFORE.some((p) => hasPhrase(before, p)) || FUTURE_AFTER.has(after)) return 'future';
  if (verb && /^[وف]?س[يتن]/.test(trigger) && trigger.length > 4) return 'future';
  if (PAST_AFTER.has(after) || HISTORICAL_BEFORE.some((p) => hasPhrase(before, p))) return 'historical';
  return undefined;
}

/** The words before a trigger hold a denial verb, then its أن, and no new report in between. */
function denied(before: readonly string[]): boolean {
  const denial = before.findLastIndex((w) => DENIALS.has(w));
  if (denial < 0) return false;
  const rest = before.slice(denial + 1);
  return rest.includes('ان') && !rest.some((w) => SPEECH.has(w));
}
