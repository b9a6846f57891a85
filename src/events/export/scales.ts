// The two numbers event-data users aggregate by: the quad class and a conflict–cooperation score.
//
// Quad class (PLOVER manual draft 2.0, 2024, §3.x.4 "Quad category", and its summary table; the
// same 2×2 as GDELT's QuadClass 1–4):
//
//   1 verbal cooperation     AGREE, CONSULT, SUPPORT, CONCEDE
//   2 material cooperation   COOPERATE, AID, RETREAT
//   3 verbal conflict        REQUEST, ACCUSE, REJECT, THREATEN
//   4 material conflict      PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
//
// The 0.8 draft and the repository README put SANCTION under verbal conflict; the 2024 manual (which
// docs/EVENTS-ANNOTATION.md follows where the two differ) and GDELT (CAMEO 16 "reduce relations" is
// QuadClass 4) put it under material conflict, and so do we.
//
// Intensity, on GDELT's −10 (most conflictual) … +10 (most cooperative) Goldstein scale: the "PLOVER
// scores" of the manual's Table 2.2, which its authors derived from the CAMEO Goldstein scores
// (weighted by CAMEO code frequency, then set by expert review) so that PLOVER series splice with
// Goldstein series. The table is theirs; applying it is our choice, and it is not GDELT's own
// scale (GDELT scores each CAMEO code, not PLOVER types). Two decisions are ours:
//   - A story with a mode the table scores (ASSAULT/aerial −9.5, CONSULT/visit 4) takes the mode's
//     score, any other the type's.
//   - The manual prints ACCUSE as 3, while all three of its ACCUSE modes are negative (−2, −3.5,
//     −3.5) and accusations are conflict; we read a lost minus sign and use −3.
// The auxiliary mode does not change the score: a threatened or denied act keeps its type's score,
// so filter on `auxiliary` (negated, future, hypothetical) before summing.

import type { PloverType } from '../../core/doc.ts';

export type QuadClass = 1 | 2 | 3 | 4;

export const QUAD_NAMES: Readonly<Record<QuadClass, string>> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

export const QUAD_CLASS: Readonly<Record<PloverType, QuadClass>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

/** PLOVER manual Table 2.2, type level (ACCUSE's sign restored, see above). */
export const TYPE_INTENSITY: Readonly<Record<PloverType, number>> = {
  AGREE: 2.5,
  CONSULT: 2.5,
  SUPPORT: 5,
  CONCEDE: 4.5,
  COOPERATE: 9.5,
  AID: 10,
  RETREAT: 6.5,
  REQUEST: 0,
  ACCUSE: -3,
  REJECT: -2,
  THREATEN: -3.5,
  PROTEST: -5,
  SANCTION: -6,
  MOBILIZE: -5.5,
  COERCE: -7,
  ASSAULT: -9,
};

/** PLOVER manual Table 2.2, mode level, under the mode names the trigger lexicon uses. */
export const MODE_INTENSITY: Readonly<Partial<Record<PloverType, Readonly<Record<string, number>>>>> = {
  CONSULT: { visit: 4, 'third-party': 1, multilateral: 4, phone: 1.5 },
  RETREAT: { withdraw: 8, release: 6.5, disarm: 10, ceasefire: 7.5, access: 6.5, resign: 4.5 },
  REQUEST: { assist: 0.5, change: -1, yield: -1, meet: 0 },
  ACCUSE: { disapprove: -2, investigate: -3.5, allege: -3.5 },
  REJECT: { assist: -1.5, change: -2, yield: -2, meet: -2 },
  THREATEN: { restrict: -3, arrest: -3.5, relations: -3.5, expel: -3.5, territory: -4, violence: -3.5 },
  PROTEST: { demo: -5, riot: -7, strike: -5, hunger: -4.5, boycott: -4.5, obstruct: -4.5 },
  SANCTION: { convict: -6, expel: -5.5, withdraw: -6, discontinue: -6 },
  MOBILIZE: { troops: -6.5, weapons: -6.5, police: -5.5, militia: -6 },
  COERCE: {
    seize: -7,
    restrict: -7,
    censor: -6.5,
    curfew: -6.5,
    'martial-law': -7.5,
    arrest: -7,
    deport: -7,
    withhold: -7,
    misinformation: -6.5,
    cyber: -7,
  },
  ASSAULT: {
    abduct: -8.5,
    beat: -7.5,
    torture: -8.5,
    sexual: -8.5,
    targeted: -9.5,
    destroy: -8.5,
    primitive: -8,
    firearms: -9,
    explosives: -9,
    'suicide-attack': -9.5,
    aerial: -9.5,
    drone: -9.5,
    'heavy-weapons': -9.5,
    'crowd-control': -7.5,
    unconventional: -10,
  },
};

/** The −10…+10 score of a type, refined by its mode where the table scores the mode. */
export function intensity(type: PloverType, mode?: string): number {
  const byMode = mode === undefined ? undefined : MODE_INTENSITY[type]?.[mode];
  return byMode ?? TYPE_INTENSITY[type];
}
