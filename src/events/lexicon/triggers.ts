// The event trigger lexicon: which words name a PLOVER event (انعقد، هجوم، رفض، أعرب عن … تضامن), with
// the type, mode and context they give it. Built by scripts/build-triggers.ts into models/triggers/
// from the Arabic CAMEO verb dictionary (every verb inflected, see inflect.ts) and the curated
// nominal.tsv; one line per key and reading, see formatTriggerRow.

import { fileURLToPath } from 'node:url';
import { BoundedMap } from '../../core/bounded-map.ts';
import type { PloverType } from '../../core/doc.ts';
import { loadOncePerFolder, readModelFile } from '../../core/model-files.ts';

/** One reading of a trigger word. */
export interface Trigger {
  readonly type: PloverType;
  readonly mode?: string;
  readonly context: readonly string[];
  /** The CAMEO code the reading comes from, or the nearest one for curated rows. */
  readonly cameo?: string;
  readonly pos: 'verb' | 'noun';
  /**
   * Keys one of which must follow within a few words for the reading to hold (أعرب … عن تضامنه,
   * طرد … السفير). Bare keys without clitics: compare them with triggerKeys of the words after.
   */
  readonly requires?: readonly string[];
  readonly source: 'cameo' | 'curated';
}

/** A trigger of several consecutive words (اتصال هاتفي، تم اعتماد), each given by its key. */
export interface PhraseTrigger extends Trigger {
  readonly keys: readonly string[];
}

export interface TriggerLexicon {
  /** The readings of one key, curated ones first, then those with a requirement before those without. */
  lookup(key: string): readonly Trigger[];
  /** The phrases whose first word has this key, longest first. */
  phrases(firstKey: string): readonly PhraseTrigger[];
  /** The readings of a word as the text writes it: those of its first reading (triggerReadings) that has any. */
  find(tokenNorm: string, options?: ReadingOptions): readonly Trigger[];
  /** Keys and phrases. */
  readonly size: number;
}

export const TRIGGERS_FILE = 'triggers.tsv.gz';
const DEFAULT_DIR = fileURLToPath(new URL('../../../models/triggers/', import.meta.url));
const REBUILD = 'rebuild it with `npm run build:triggers`';

// ---- The file: one reading per line --------------------------------------------------------------

/** `key pos type mode context cameo source requires`, tab separated; lists `,` separated; a phrase's key is its keys joined by spaces. */
export function formatTriggerRow(key: string, t: Trigger): string {
  return [
    key,
    t.pos,
    t.type,
    t.mode ?? '',
    t.context.join(','),
    t.cameo ?? '',
    t.source,
    (t.requires ?? []).join(','),
  ].join('\t');
}

export function parseTriggerRow(line: string): { key: string; trigger: Trigger } {
  const [key = '', pos, type, mode = '', context = '', cameo = '', source, requires = ''] = line.split('\t');
  const list = (cell: string) => (cell === '' ? [] : cell.split(','));
  const trigger: Trigger = {
    type: type as PloverType,
    ...(mode ? { mode } : {}),
    context: list(context),
    ...(cameo ? { cameo } : {}),
    pos: pos as Trigger['pos'],
    ...(requires ? { requires: list(requires) } : {}),
    source: source as Trigger['source'],
  };
  return { key, trigger };
}

// ---- Keys of a written word ----------------------------------------------------------------------

export interface ReadingOptions {
  /**
   * Whether a leading و/ف may be the conjunction. The text layer knows (it splits و only where news
   * supports it): وزارة is a word, not و + زاره "he visited him".
   */
  readonly conjunction?: boolean;
}

export interface Reading {
  readonly key: string;
  /** The part of speech the reading allows: ال and ب/ك make a noun, س an imperfect verb. */
  readonly pos?: 'verb' | 'noun';
}

const MIN_STEM = 3;
const CONJUNCTIONS = ['و', 'ف'];
const NOUN_PREPOSITIONS = ['ب', 'ك', 'ل'];
const ARTICLE = 'ال';
const FUTURE = 'س';
const IMPERFECT_PREFIX = /^[يتن]/;
/** Object and possessive pronouns of the third person, longest first (هما before ها and ه). */
const PRONOUNS = ['هما', 'هم', 'هن', 'ها', 'ه'];

/**
 * The readings of a word, most literal first: the whole word; without a conjunction و/ف; without
 * the article or a preposition with or without it (ال، بال، لل، ب، ل), which leaves a noun; without
 * the future س before an imperfect prefix, which leaves a verb; then each of these without a
 * third-person pronoun (تضامنهم → تضامن، التقاه → التقى، زيارته → زيارة) or, for nouns, the tanwin
 * alef (هجوماً → هجوم).
 *
 * The whole word comes first because many words begin with letters that look like clitics (وقع،
 * فرض، بحث، سلم، لقاء، وصل): a letter is only taken for a clitic when the word itself is not a trigger,
 * and every reading keeps at least three letters. Suffixes come last for the same reason: حملة is
 * not حمل + ه.
 */
export function triggerReadings(tokenNorm: string, { conjunction = true }: ReadingOptions = {}): Reading[] {
  const out: Reading[] = [];
  const seen = new Map<string, Reading['pos'] | 'any'>();
  const push = (key: string, pos?: Reading['pos']) => {
    if (key.length < 2) return;
    const before = seen.get(key);
    if (before === 'any' || (before !== undefined && before === pos)) return;
    seen.set(key, before !== undefined ? 'any' : (pos ?? 'any'));
    out.push(pos ? { key, pos } : { key });
  };
  const long = (s: string, from: number) => s.length - from >= MIN_STEM;

  push(tokenNorm);
  const bases = [tokenNorm];
  for (const c of conjunction ? CONJUNCTIONS : [])
    if (tokenNorm.startsWith(c) && long(tokenNorm, 1)) {
      push(tokenNorm.slice(1));
      bases.push(tokenNorm.slice(1));
    }
  for (const s of bases) {
    // ل before the article drops its alef: للاجتماع is ل + الاجتماع.
    if (s.startsWith('لل') && long(s, 2)) push(s.slice(2), 'noun');
    for (const p of NOUN_PREPOSITIONS) if (s.startsWith(p + ARTICLE) && long(s, 3)) push(s.slice(3), 'noun');
    if (s.startsWith(ARTICLE) && long(s, 2)) push(s.slice(2), 'noun');
    for (const p of NOUN_PREPOSITIONS)
      if (s.startsWith(p) && long(s, 1)) {
        const rest = s.slice(1);
        // ل also stands before an imperfect verb (ليعقد: so that it holds); ب and ك never do.
        push(rest, p === 'ل' && IMPERFECT_PREFIX.test(rest) ? undefined : 'noun');
      }
    if (s.startsWith(FUTURE) && IMPERFECT_PREFIX.test(s.slice(1)) && long(s, 1)) push(s.slice(1), 'verb');
  }
  for (const r of [...out]) {
    for (const pronoun of PRONOUNS) {
      if (!r.key.endsWith(pronoun) || !long(r.key, pronoun.length)) continue;
      const stem = r.key.slice(0, -pronoun.length);
      push(stem, r.pos);
      // زيارته: the ta marbuta is written ت before a suffix; التقاه: final ى is written ا.
      if (stem.endsWith('ت')) push(`${stem.slice(0, -1)}ه`, 'noun');
      if (stem.endsWith('ا') && r.pos !== 'noun') push(`${stem.slice(0, -1)}ي`, 'verb');
      break;
    }
    if (r.key.endsWith('ا') && r.pos !== 'verb' && r.key.length > MIN_STEM) push(r.key.slice(0, -1), 'noun');
  }
  return out;
}

/** The candidate keys of a word in the order to try them (see triggerReadings). */
export function triggerKeys(tokenNorm: string, options: ReadingOptions = {}): readonly string[] {
  // Every token of every article asks, and news repeats its words: remember the answers.
  const cache = keyCaches[options.conjunction === false ? 0 : 1];
  return (
    cache.get(tokenNorm) ??
    cache.set(
      tokenNorm,
      triggerReadings(tokenNorm, options).map((r) => r.key),
    )
  );
}

/**
 * Above this many distinct words a cache starts afresh. The coder asks for the words after every
 * trigger candidate and phrase start; at 20,000 the cache emptied every few hundred articles of
 * SaudiNewsNet and a tenth of the questions were asked anew. A few MB at most.
 */
const CACHE_LIMIT = 100_000;
/**
 * Answers by the word itself, one cache without and one with the conjunction reading: a key built
 * of both (`1` + word) was a new string to hash at every question, which cost more than the answer.
 */
const keyCaches = [
  new BoundedMap<string, readonly string[]>(CACHE_LIMIT),
  new BoundedMap<string, readonly string[]>(CACHE_LIMIT),
] as const;

// ---- The loader ----------------------------------------------------------------------------------

const NONE: readonly never[] = Object.freeze([]);

/** Builds the lexicon from the file's lines (exported for tests on small inputs). */
export function createTriggerLexicon(lines: Iterable<string>): TriggerLexicon {
  const byKey = new Map<string, Trigger[]>();
  const byFirst = new Map<string, PhraseTrigger[]>();
  // Many keys share one reading (every form of a verb): keep one object per distinct reading.
  const interned = new Map<string, Trigger>();
  for (const line of lines) {
    if (line === '') continue;
    const { key, trigger } = parseTriggerRow(line);
    const id = formatTriggerRow('', trigger);
    const shared = interned.get(id) ?? Object.freeze(trigger);
    interned.set(id, shared);
    const keys = key.split(' ');
    if (keys.length === 1) {
      const list = byKey.get(key) ?? [];
      list.push(shared);
      byKey.set(key, list);
    } else {
      const list = byFirst.get(keys[0]!) ?? [];
      list.push(Object.freeze({ ...shared, keys: Object.freeze(keys) }));
      byFirst.set(keys[0]!, list);
    }
  }
  const rank = (t: Trigger) => (t.source === 'curated' ? 0 : 2) + (t.requires ? 0 : 1);
  for (const list of byKey.values()) list.sort((a, b) => rank(a) - rank(b));
  for (const list of byFirst.values())
    list.sort((a, b) => b.keys.length - a.keys.length || rank(a) - rank(b));

  const lookup = (key: string): readonly Trigger[] => byKey.get(key) ?? NONE;
  return {
    lookup,
    phrases: (firstKey) => byFirst.get(firstKey) ?? NONE,
    // Not remembered here: the event coder remembers what it asks per word (coder.ts).
    find(tokenNorm, options = {}) {
      for (const { key, pos } of triggerReadings(tokenNorm, options)) {
        const readings = lookup(key);
        const fitting = pos ? readings.filter((t) => t.pos === pos) : readings;
        if (fitting.length > 0) return fitting;
      }
      return NONE;
    },
    size: byKey.size + byFirst.size,
  };
}

export const loadTriggers = loadOncePerFolder(
  DEFAULT_DIR,
  (dir): TriggerLexicon => createTriggerLexicon(readModelFile(dir, TRIGGERS_FILE, REBUILD).split('\n')),
);
