// Builds the rows of the trigger lexicon (triggers.ts) from its three sources: the Arabic CAMEO verb
// dictionary, the CAMEO → PLOVER table and the curated nominal.tsv. Pure: scripts/build-triggers.ts
// reads the files and writes the model; the tests feed it small texts.
//
// What the dictionary contributes, and what it does not:
// - its patterns: verb + object (رفض + طلب → 123; نظم + هجوم → 190), for the verbs the pattern's comment
//   names. The object becomes the row's `requires`; the preposition before it is not kept (news
//   writes دعا إلى الحوار and دعا للحوار alike), so a pattern says "this verb with this noun near".
// - its verbs alone, with their own or their block's code, only when the English gloss the dictionary
//   gives the verb points to the PLOVER type the code maps to (GLOSS_TYPES). The dictionary was
//   carried over from English block by block, and its bare codes often belong to another verb of the
//   block: هاجم "attack" carries 124 (REJECT), قصف "bomb" 085 (RETREAT), حذر "warn" 151 (MOBILIZE). A
//   code whose type the gloss does not name is left out; so are the verbs in UNRELIABLE_VERBS.
// - nothing for speech verbs (REPORTING_VERBS): قال إن … codes what was said, not the saying.
// - a curated row for a word overrides the dictionary's bare readings of that word (its pattern rows,
//   which need an object, stay).
// Even so the dictionary's rows are a weak layer (a pattern was matched on a parse tree, a window of
// words is looser), which is why the lexicon ranks them after the curated ones.

import { PLOVER_TYPES, type PloverType } from '../../core/doc.ts';
import { listCell, readTsv, requiredCell } from '../../kb/tsv.ts';
import { matchKey } from '../../text/normalize.ts';
import { bare, nounKey, parseCameoDictionary } from './cameo-dictionary.ts';
import { type CameoToPlover, PLOVER_CONTEXTS, PLOVER_MODES, readCameoToPlover } from './cameo-plover.ts';
import { verbKeys } from './inflect.ts';
import { formatTriggerRow, type Trigger } from './triggers.ts';

export interface TriggerSources {
  /** CAMEO.ar.0.5.txt */
  readonly dictionary: string;
  /** CAMEO2PLOVER-2021.txt */
  readonly mapping: string;
  /** nominal.tsv */
  readonly curated: string;
}

export interface BuildReport {
  lemmas: number;
  verbsWithCode: number;
  verbsKept: number;
  patternsRead: number;
  patternsKept: number;
  curatedRows: number;
  /** Distinct forms the inflector makes of the dictionary's verbs. */
  forms: number;
  /** Distinct keys and phrases in the lexicon. */
  keys: number;
  overridden: number;
  rowsByType: Record<string, number>;
  rowsBySource: Record<string, number>;
  dropped: Record<string, number>;
}

/**
 * English glosses → the PLOVER types they can name. A bare dictionary verb is kept only when one
 * word of its gloss names the type of its code.
 */
const GLOSS_TYPES: Readonly<Record<PloverType, readonly string[]>> = {
  AGREE: ['agree', 'pledge', 'promise', 'vow', 'commit', 'offer', 'accept'],
  CONSULT: [
    'meet',
    'visit',
    'host',
    'talk',
    'consult',
    'negotiate',
    'discuss',
    'convene',
    'confer',
    'attend',
  ],
  SUPPORT: [
    'support',
    'back',
    'endorse',
    'praise',
    'commend',
    'welcome',
    'approve',
    'sign',
    'recognize',
    'ratify',
  ],
  CONCEDE: ['yield', 'concede', 'ease', 'abandon', 'relent', 'step', 'apologize'],
  COOPERATE: ['cooperate', 'collaborate'],
  AID: ['aid', 'help', 'assist', 'provide', 'supply', 'grant', 'donate'],
  RETREAT: ['withdraw', 'retreat', 'release', 'free', 'resign', 'evacuate', 'disarm'],
  REQUEST: ['demand', 'request', 'ask', 'urge', 'appeal', 'insist', 'order'],
  ACCUSE: [
    'accuse',
    'charge',
    'blame',
    'condemn',
    'denounce',
    'criticize',
    'complain',
    'censure',
    'protest',
    'disagree',
    'oppose',
    'investigate',
    'probe',
    'sue',
    'allege',
    'convict',
    'indict',
    'dispute',
    'refute',
  ],
  REJECT: ['reject', 'refuse', 'deny', 'rebuff', 'veto', 'resist', 'defy', 'decline'],
  THREATEN: ['threaten', 'warn', 'menace'],
  PROTEST: ['demonstrate', 'rally', 'march', 'protest', 'boycott', 'strike', 'riot'],
  SANCTION: ['sanction', 'cut', 'halt', 'suspend', 'sever', 'cancel', 'expel', 'repeal', 'scrap'],
  MOBILIZE: ['mobilize', 'mobilise', 'deploy', 'alert'],
  COERCE: [
    'arrest',
    'detain',
    'seize',
    'capture',
    'confiscate',
    'blockade',
    'block',
    'surround',
    'besiege',
    'occupy',
    'deport',
    'ban',
    'raid',
  ],
  ASSAULT: [
    'attack',
    'bomb',
    'shell',
    'shoot',
    'kill',
    'clash',
    'fight',
    'blitz',
    'raid',
    'abduct',
    'kidnap',
    'hijack',
    'assassinate',
    'torture',
    'massacre',
    'battle',
  ],
};

/**
 * Verbs whose bare reading survives the gloss check but is still wrong or far too wide for news:
 * each is a common word with many senses, and the code fits only one of them.
 */
export const UNRELIABLE_VERBS: Readonly<Record<string, string>> = {
  [matchKey('منع')]: 'prevent, ban: 1211 (reject economic cooperation) fits a sliver of its uses',
  [matchKey('فرض')]: 'impose anything; 1723 (curfew) is one of them',
  [matchKey('اطلق')]: 'launch, release, fire: three event types',
  [matchKey('طلق')]: 'release or fire, and divorce',
  [matchKey('وقف')]: 'stop, stand: 0871 (ceasefire) is one use',
  [matchKey('خرج')]: 'go out',
  [matchKey('دفع')]: 'push, pay',
  [matchKey('سحب')]: 'pull, withdraw anything',
  [matchKey('حكم')]: 'rule, govern, sentence',
  [matchKey('قدم')]: 'present, offer, submit',
  [matchKey('عرض')]: 'show, offer',
  [matchKey('اصدر')]: 'issue anything',
  [matchKey('قرر')]: 'decide',
  [matchKey('ضرب')]: 'hit, also strike a deal',
  [matchKey('وجه')]: 'direct, address',
  [matchKey('نزع')]: 'remove anything',
  [matchKey('ترك')]: 'leave',
  [matchKey('حرم')]: 'deprive',
  [matchKey('خلف')]: 'succeed, leave behind',
  [matchKey('ساد')]: 'prevail',
  [matchKey('ملك')]: 'own',
  [matchKey('عبر')]: 'cross, express',
  [matchKey('نفا')]: 'a misspelling of نفى, inflected as a w-verb',
  // Denials are CAMEO 016 (deny responsibility, dropped by PLOVER) far more often than refusals.
  [matchKey('نفى')]: 'denied a report or a charge: CAMEO 016, not a refusal',
  [matchKey('انكر')]: 'as نفى',
  [matchKey('نكر')]: 'as نفى',
  [matchKey('جحد')]: 'as نفى',
  [matchKey('تبرا')]: 'disowned: as نفى',
  [matchKey('نبذ')]: 'renounced (نبذ العنف): a concession as often as a refusal',
  [matchKey('تحدث')]: 'spoke: a reporting verb, not a phone call',
  [matchKey('تكلم')]: 'as تحدث',
  [matchKey('صدق')]: 'believed, confirmed; ratified only with على (صادق على is curated)',
  [matchKey('جرح')]: 'wounded, not cut (1623)',
  [matchKey('شق')]: 'split, cut through',
  [matchKey('بتر')]: 'amputated',
  [matchKey('سد')]: 'blocked, filled (a gap), a dam',
  [matchKey('حجز')]: 'booked, held',
  [matchKey('حصر')]: 'limited, counted',
  [matchKey('سدد')]: 'paid, aimed',
  [matchKey('جدل')]: 'mostly the noun controversy',
  [matchKey('خصم')]: 'deducted; mostly the noun opponent',
  [matchKey('اختلف')]: 'differed',
  [matchKey('نقض')]: 'overturned, veto (حق النقض)',
  // Fragments and misspellings the dictionary took for verbs.
  [matchKey('نهو')]: 'not a word',
  [matchKey('نسد')]: 'not a word',
  [matchKey('ذمر')]: 'not a word (تذمر)',
  [matchKey('ضاد')]: 'not a word (تضاد)',
  [matchKey('نشق')]: 'not a word (انشق)',
  [matchKey('حتج')]: 'not a word (احتج)',
};

/**
 * Speech verbs: in news their object is what was said, and the event in it has a trigger of its own
 * (قال إن … الهجوم); the dictionary's patterns for them (قال + مقاطعة → threaten to boycott) code the
 * speech as the event. Neither their bare readings nor their patterns are kept.
 */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(
  [
    'قال',
    'أكد',
    'وكد',
    'أعلن',
    'أضاف',
    'اضاف',
    'أشار',
    'صرح',
    'ذكر',
    'أوضح',
    'كشف',
    'اعتبر',
    'رأى',
    'وصف',
    'تحدث',
    'تكلم',
    'لفظ',
    'نطق',
    'روى',
    'عبر',
    'ردد',
    'كرر',
  ].map(matchKey),
);

/**
 * Forms the inflector rightly makes of a dictionary verb that news mostly writes for another word:
 * يعد (وعد promises, أعدّ prepares) is nearly always "is considered"; يقع (وقع) "lies, happens".
 */
const AMBIGUOUS_FORMS: ReadonlySet<string> = new Set(['يعد', 'تعد', 'نعد', 'يقع', 'تقع']);

/** Words a pattern's object may be that say nothing on their own: particles, and very wide nouns. */
const EMPTY_OBJECTS: ReadonlySet<string> = new Set(
  [
    'ضد',
    'نحو',
    'أجل',
    'تحت',
    'معا',
    'حول',
    'شأن',
    'قبل',
    'بعد',
    'يوم',
    'حد',
    'طريق',
    'مصلحة',
    'صالح',
    'أمام',
    'خلف',
    'عمل',
    'وضع',
    'شكل',
    'جهة',
  ].map(matchKey),
);
/** Shorter object keys are mostly currency codes and fragments (ين، دا، ليك). */
const MIN_OBJECT = 3;

/** A key in ه: a noun in ة, folded (وثيقة → وثيقه). */
const TA_MARBUTA = /ه$/;

/** A noun's keys as a following word: the word, and for a noun in ة its plural and dual (وثيقتين). */
export function requiredKeys(word: string): string[] {
  const key = nounKey(word);
  if (key === undefined) return [];
  if (!TA_MARBUTA.test(key) || key.length < 3) return [key];
  const stem = key.slice(0, -1);
  return [key, `${stem}ات`, `${stem}تان`, `${stem}تين`];
}

/** The keys a noun cue is written with: itself, and the plural ات of a noun in ة. */
function nounCueKeys(word: string): string[] {
  const key = nounKey(word);
  if (key === undefined) return [];
  return key.endsWith('ه') && key.length >= 4 ? [key, `${key.slice(0, -1)}ات`] : [key];
}

interface Row {
  readonly key: string;
  readonly trigger: Trigger;
}

export function buildTriggerRows(sources: TriggerSources): {
  rows: Row[];
  lines: string[];
  report: BuildReport;
} {
  const mapping = readCameoToPlover(sources.mapping);
  const dictionary = parseCameoDictionary(sources.dictionary);
  const dropped: Record<string, number> = { ...dictionary.counts.dropped };
  const drop = (why: string) => {
    dropped[why] = (dropped[why] ?? 0) + 1;
  };

  const curated = curatedRows(sources.curated, mapping);
  const curatedEntries = readTsv(sources.curated, 'nominal.tsv').length;
  const overriding = new Set(curated.filter((r) => !r.key.includes(' ')).map((r) => r.key));

  const cameo: Row[] = [];
  const lemmas = new Set<string>();
  let verbsWithCode = 0;
  let verbsKept = 0;
  let patternsKept = 0;
  const plover = (code: string) => mapping.lookup(code);
  const fromCode = (code: string, pos: 'verb', requires?: readonly string[]): Trigger | undefined => {
    const p = plover(code);
    if (!p) return undefined;
    return {
      type: p.type,
      ...(p.mode ? { mode: p.mode } : {}),
      context: p.context,
      cameo: code,
      pos,
      ...(requires && requires.length > 0 ? { requires } : {}),
      source: 'cameo',
    };
  };

  for (const block of dictionary.blocks) {
    for (const verb of block.verbs) {
      lemmas.add(verb.lemma);
      if (verb.code === undefined) continue;
      verbsWithCode++;
      const p = plover(verb.code);
      if (!p) {
        drop('verb: code has no PLOVER type (01x, 02x)');
        continue;
      }
      const glossWords = verb.gloss.toLowerCase().split(/[^a-z]+/);
      if (!glossWords.some((g) => GLOSS_TYPES[p.type].includes(g))) {
        drop('verb: gloss does not name the type of its code');
        continue;
      }
      if (UNRELIABLE_VERBS[matchKey(verb.lemma)] !== undefined || REPORTING_VERBS.has(matchKey(verb.lemma))) {
        drop('verb: listed as unreliable');
        continue;
      }
      // A particle: the object noun it names (رفع+دعوى), else its preposition (سعى+إلى).
      const requires =
        verb.particles.length > 0 ? [verb.particles.find((x) => x.length > 1) ?? verb.particles[0]!] : [];
      const trigger = fromCode(verb.code, 'verb', requires)!;
      for (const key of verbKeys(verb.lemma)) cameo.push({ key, trigger });
      verbsKept++;
    }
    for (const pattern of block.patterns) {
      if (!plover(pattern.code)) {
        drop('pattern: code has no PLOVER type (01x, 02x)');
        continue;
      }
      // The comment names the verbs the pattern was written for; one that names none of the block's
      // verbs leaves it unknown which verb it belongs to.
      const named = block.verbs.filter((v) => pattern.verbs.includes(verbName(v.lemma, v.particles)));
      const verbs = named.filter((v) => !REPORTING_VERBS.has(matchKey(v.lemma)));
      if (named.length > 0 && verbs.length === 0) {
        drop('pattern: written for a speech verb');
        continue;
      }
      if (verbs.length === 0) {
        drop("pattern: names none of its block's verbs");
        continue;
      }
      const objects = pattern.objects.filter(
        (o) => o.noun.length >= MIN_OBJECT && !EMPTY_OBJECTS.has(o.noun),
      );
      const requires = [...new Set(objects.flatMap((o) => requiredKeys(o.noun)))].sort(compare);
      if (requires.length === 0) {
        drop('pattern: object too short or empty');
        continue;
      }
      const trigger = fromCode(pattern.code, 'verb', requires)!;
      for (const verb of verbs) for (const key of verbKeys(verb.lemma)) cameo.push({ key, trigger });
      patternsKept++;
    }
  }

  let overridden = 0;
  const kept = cameo.filter((r) => {
    if (AMBIGUOUS_FORMS.has(r.key)) return false;
    if (r.trigger.requires || !overriding.has(r.key)) return true;
    overridden++;
    return false;
  });

  // One row per key and reading; readings of one key that differ only in their objects are merged.
  const merged = new Map<string, { key: string; trigger: Trigger; requires: Set<string> }>();
  for (const { key, trigger } of [...curated, ...kept]) {
    const { requires, ...rest } = trigger;
    const id = formatTriggerRow(key, rest);
    const entry = merged.get(id) ?? { key, trigger: rest, requires: new Set<string>() };
    const bareReading = !requires;
    if (bareReading) entry.requires.add('');
    for (const r of requires ?? []) entry.requires.add(r);
    merged.set(id, entry);
  }
  const rows: Row[] = [];
  for (const { key, trigger, requires } of merged.values()) {
    // A bare reading holds whatever follows: the same reading with objects would add nothing.
    if (requires.has('')) rows.push({ key, trigger });
    else rows.push({ key, trigger: { ...trigger, requires: [...requires].sort(compare) } });
  }
  const lines = [...new Set(rows.map((r) => formatTriggerRow(r.key, r.trigger)))].sort(compare);

  const rowsByType: Record<string, number> = Object.fromEntries(PLOVER_TYPES.map((t) => [t, 0]));
  const rowsBySource: Record<string, number> = { cameo: 0, curated: 0 };
  for (const line of lines) {
    const [, , type, , , , source] = line.split('\t');
    rowsByType[type!]! += 1;
    rowsBySource[source!]! += 1;
  }
  return {
    rows,
    lines,
    report: {
      lemmas: new Set([...lemmas].map(matchKey)).size,
      verbsWithCode,
      verbsKept,
      patternsRead: dictionary.counts.patternLines,
      patternsKept,
      curatedRows: curatedEntries,
      forms: new Set([...lemmas].flatMap((l) => verbKeys(l))).size,
      keys: new Set(lines.map((l) => l.split('\t')[0])).size,
      overridden,
      rowsByType,
      rowsBySource,
      dropped,
    },
  };
}

/** How a pattern's comment names a verb: its key, with its particles after `+`. */
function verbName(lemma: string, particles: readonly string[]): string {
  return [matchKey(bare(lemma)), ...particles].join('+');
}

/** Code-unit order, as the other model builds sort: the same on every machine. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows of nominal.tsv, every verb inflected; a malformed row fails with its line. */
export function curatedRows(text: string, mapping: CameoToPlover): Row[] {
  const rows: Row[] = [];
  for (const row of readTsv(text, 'nominal.tsv')) {
    const cue = requiredCell(row, 'cue');
    const pos = requiredCell(row, 'pos');
    const type = requiredCell(row, 'type');
    const mode = row.mode ?? '';
    const context = listCell(row.context);
    const cameo = row.cameo ?? '';
    if (pos !== 'verb' && pos !== 'noun') throw new Error(`${row.line}: pos ${pos} is not verb or noun`);
    if (!(PLOVER_TYPES as readonly string[]).includes(type))
      throw new Error(`${row.line}: ${type} is not a PLOVER type`);
    const ploverType = type as PloverType;
    if (mode !== '' && !PLOVER_MODES[ploverType].includes(mode))
      throw new Error(`${row.line}: ${mode} is not a mode of ${type} in the PLOVER manual`);
    const unknown = context.find((c) => !PLOVER_CONTEXTS.has(c));
    if (unknown !== undefined) throw new Error(`${row.line}: ${unknown} is not a PLOVER context`);
    if (cameo !== '' && mapping.lookup(cameo)?.type !== ploverType)
      throw new Error(
        `${row.line}: CAMEO ${cameo} maps to ${mapping.lookup(cameo)?.type ?? 'nothing'}, not ${type}`,
      );
    const requires = [...new Set(listCell(row.requires).flatMap(requiredKeys))].sort();
    const imperfect = row.imperfect ?? '';
    const trigger: Trigger = {
      type: ploverType,
      ...(mode ? { mode } : {}),
      context,
      ...(cameo ? { cameo } : {}),
      pos,
      ...(requires.length > 0 ? { requires } : {}),
      source: 'curated',
    };
    const [first = '', ...rest] = cue.split(/\s+/);
    const firstKeys = pos === 'verb' ? verbKeys(first, imperfect ? { imperfect } : {}) : nounCueKeys(first);
    const restKeys = rest.map((w) => nounKey(w));
    if (firstKeys.length === 0 || restKeys.some((k) => k === undefined))
      throw new Error(`${row.line}: ${cue} is not written in Arabic letters`);
    for (const key of firstKeys) rows.push({ key: [key, ...(restKeys as string[])].join(' '), trigger });
  }
  return rows;
}
