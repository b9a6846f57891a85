// CAMEO event codes → PLOVER, read from the OEDA conversion table (../shared/data/plover/
// CAMEO2PLOVER-2021.txt): one `code: TYPE, mode, context # description` line per code, contexts `;`
// separated, a two-digit line (`03: AGREE`) standing for the whole cue category. A code takes the
// mapping of its longest prefix that has one; CAMEO 01 (statements) and 02 (appeals) have none, since
// PLOVER drops them, so their codes map to nothing.
//
// The table is a 2021 draft and a few of its modes are not modes of their type in the PLOVER manual
// (plover/PLOVER_MANUAL.pdf, tables 3.1–3.11). Those are mapped by hand below, each with its reason;
// any other mode the manual does not list for the type is dropped, the type and context kept. Two of
// its contexts are not the manual's names and are renamed (CONTEXT_NAMES); any other unknown is dropped.

import { PLOVER_TYPES, type PloverType } from '../../core/doc.ts';

export interface PloverCode {
  readonly type: PloverType;
  readonly mode?: string;
  readonly context: readonly string[];
}

/** The modes the PLOVER manual lists per type (AGREE, SUPPORT, COOPERATE and AID have none). */
export const PLOVER_MODES: Readonly<Record<PloverType, readonly string[]>> = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: [
    'seize',
    'restrict',
    'censor',
    'curfew',
    'martial-law',
    'arrest',
    'deport',
    'withhold',
    'misinformation',
    'cyber',
  ],
  ASSAULT: [
    'abduct',
    'beat',
    'torture',
    'sexual',
    'targeted',
    'destroy',
    'primitive',
    'firearms',
    'explosives',
    'suicide-attack',
    'aerial',
    'drone',
    'heavy-weapons',
    'crowd-control',
    'unconventional',
  ],
};

/** The general contexts of the manual (table 2.1). */
export const PLOVER_CONTEXTS: ReadonlySet<string> = new Set([
  'military',
  'intelligence',
  'executive',
  'legislative',
  'election',
  'political_institutions',
  'pro_democracy',
  'pro_autocracy',
  'economic',
  'legal',
  'reparations',
  'human_rights',
  'rights_freedoms',
  'repression',
  'human_security',
  'gender',
  'lgbt',
  'religion_ethnicity',
  'inequality',
  'diplomatic',
  'territory',
  'peacekeeping',
  'health',
  'asylum',
  'migration',
  'disasters',
  'natural_resource',
  'environment',
  'technology',
  'terrorism',
  'cbrn',
  'cyber',
  'misinformation',
  'crime',
  'corruption',
  'illegal_drugs',
  'trafficking',
]);

/** The table's names for contexts the manual names otherwise. */
const CONTEXT_NAMES: Readonly<Record<string, string>> = {
  humanitarian: 'human_security', // aid that gives access to food, water, shelter (manual 4.15)
  democracy: 'pro_democracy',
};

/**
 * Codes whose table row disagrees with the manual, mapped by hand. The manual wins: it is the
 * codebook, the table a draft of how to carry CAMEO over to it.
 */
export const HAND_MAPPED: Readonly<Record<string, PloverCode & { readonly why: string }>> = {
  '163': {
    type: 'SANCTION',
    mode: 'discontinue',
    context: ['economic'],
    why: 'table: COERCE restrict; manual 3.13: "International (political or economic) sanctions are coded as discontinue"',
  },
  '195': {
    type: 'ASSAULT',
    mode: 'aerial',
    context: ['military'],
    why: 'table: heavy-weapons for "Employ aerial weapons"; the manual has an aerial mode',
  },
  '1712': {
    type: 'ASSAULT',
    mode: 'destroy',
    context: ['human_security'],
    why: 'table: mode seize for "Destroy property"; the manual has a destroy mode',
  },
  '185': { type: 'ASSAULT', mode: 'targeted', context: [], why: 'table: assassinate; manual: targeted' },
  '186': { type: 'ASSAULT', mode: 'targeted', context: [], why: 'table: assassinate; manual: targeted' },
  '132': {
    type: 'THREATEN',
    mode: 'restrict',
    context: ['executive'],
    why: 'table: ban; manual: restrict covers "the banning of political activities"',
  },
  '1322': {
    type: 'THREATEN',
    mode: 'restrict',
    context: ['pro_autocracy'],
    why: 'table: ban; manual: restrict covers "the banning of political activities"',
  },
  '1722': {
    type: 'COERCE',
    mode: 'restrict',
    context: ['pro_autocracy'],
    why: 'table: ban; manual: restrict covers "the banning of individuals or organizations"',
  },
};

export interface CameoToPlover {
  /** The PLOVER reading of a CAMEO code, by its longest mapped prefix; undefined for 01x, 02x and unknowns. */
  lookup(code: string): PloverCode | undefined;
  /** Every code the table lists (after hand mapping), for reports. */
  readonly codes: ReadonlyMap<string, PloverCode>;
}

const LINE = /^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$/;

/** Parses the conversion table. A type outside PLOVER_TYPES is an error; an empty one maps nothing. */
export function readCameoToPlover(text: string): CameoToPlover {
  const codes = new Map<string, PloverCode>();
  const seen = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const code = m[1]!;
    const [typeCell = '', modeCell = '', contextCell = ''] = m[2]!.split(',').map((c) => c.trim());
    if (typeCell === '') continue;
    if (!(PLOVER_TYPES as readonly string[]).includes(typeCell))
      throw new Error(`CAMEO2PLOVER: code ${code} maps to ${typeCell}, which is not a PLOVER type`);
    const type = typeCell as PloverType;
    const line = `${type},${modeCell},${contextCell}`;
    // `08:` is listed twice (CONCEDE for 081-083, RETREAT for 084-087): a prefix that names two
    // types names neither. Every 08x code has its own line anyway.
    const before = seen.get(code);
    if (before !== undefined && before.split(',')[0] !== type) ambiguous.add(code);
    seen.set(code, line);
    const context = contextCell
      .split(';')
      .map((c) => CONTEXT_NAMES[c.trim()] ?? c.trim())
      .filter((c) => PLOVER_CONTEXTS.has(c));
    const mode = PLOVER_MODES[type].includes(modeCell) ? modeCell : '';
    codes.set(code, { type, ...(mode ? { mode } : {}), context });
  }
  for (const code of ambiguous) codes.delete(code);
  for (const [code, { why: _why, ...plover }] of Object.entries(HAND_MAPPED)) codes.set(code, plover);
  return {
    codes,
    lookup(code) {
      for (let n = code.length; n >= 2; n--) {
        const hit = codes.get(code.slice(0, n));
        if (hit) return hit;
      }
      return undefined;
    },
  };
}
