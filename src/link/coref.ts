// Coreference inside one article, after the names have been looked up:
//   - an office phrase followed by a name (وزير خارجية بيلاروسيا سيرغي ألينيك) is that person;
//   - what the knowledge base does not know becomes a provisional entity, one per variant key;
//   - a shorter person name whose words all recur in a longer one (لافروف, ميرزويان) is that person;
//   - a bare الوزير or الرئيس is the minister or head of state the article has named most so far.

import type { Token } from '../core/doc.ts';
import type { RoleName } from '../kb/entity.ts';
import type { Draft } from './link.ts';
import { readingFilter, readingsWithoutProclitics } from './proclitics.ts';
import { offsetAfterLetters } from './surface.ts';
import { variantKey } from './variant-key.ts';

/** Bare office nouns and the office they stand for. */
const BARE_OFFICES: ReadonlyMap<string, RoleName> = new Map([
  ['الوزير', 'foreign_minister'],
  ['الوزيره', 'foreign_minister'],
  ['الرئيس', 'head_of_state'],
  ['الرئيسه', 'head_of_state'],
]);

/** Whether a word may be a bare office: most words are not, and their readings need not be built. */
const bareOfficeWords = readingFilter(BARE_OFFICES.keys());

type ProvisionalId = (type: Draft['type'], name: string) => string;

export function resolveCoreference(
  drafts: Draft[],
  text: string,
  tokens: readonly Token[],
  provisionalId: ProvisionalId,
): void {
  for (const d of drafts)
    if (!d.entity && !d.office) d.provisional = provisionalId(d.type, text.slice(d.start, d.stop));
  linkSurnames(drafts, text);
  // Each step below indexes what it looks up, so an article of thousands of names stays linear.
  const personAt = new Map<number, Draft>();
  for (const d of drafts)
    if (d.type === 'PER' && !d.office && !personAt.has(d.first)) personAt.set(d.first, d);
  for (const office of drafts.filter((d) => d.office)) {
    const name = personAt.get(office.end);
    if (!name) continue;
    office.entity = name.entity;
    office.provisional = name.provisional;
    office.via = 'role';
  }
  drafts.push(...bareOffices(drafts, text, tokens));
  drafts.sort((a, b) => a.start - b.start || b.stop - a.stop);
}

const identity = (d: Draft) => d.entity?.id ?? d.provisional;

function linkSurnames(drafts: readonly Draft[], text: string): void {
  const people = drafts
    .filter((d) => d.type === 'PER' && !d.office)
    .map((d) => ({ d, words: new Set(text.slice(d.start, d.stop).split(/\s+/).map(variantKey)) }));
  // The people each word occurs in: a longer name holding every word of a short one holds its first.
  const withWord = new Map<string, (typeof people)[number][]>();
  for (const p of people)
    for (const w of p.words) {
      const list = withWord.get(w) ?? [];
      if (list.at(-1) !== p) list.push(p);
      withWord.set(w, list);
    }
  const longestFor = new Map<string, (typeof people)[number] | undefined>();
  for (const short of people) {
    if (short.d.entity) continue;
    const key = [...short.words].join(' ');
    if (!longestFor.has(key)) {
      let longest: (typeof people)[number] | undefined;
      for (const long of withWord.get([...short.words][0]!) ?? [])
        if (
          long.words.size > short.words.size &&
          [...short.words].every((w) => long.words.has(w)) &&
          (!longest || long.words.size > longest.words.size)
        )
          longest = long;
      longestFor.set(key, longest);
    }
    const longest = longestFor.get(key);
    if (!longest) continue;
    short.d.entity = longest.d.entity;
    short.d.provisional = longest.d.provisional;
    short.d.via = 'coref';
  }
}

/** الوزير / الرئيس standing alone: the person of that office the article has named most so far. */
function bareOffices(drafts: readonly Draft[], text: string, tokens: readonly Token[]): Draft[] {
  const out: Draft[] = [];
  const covered = new Uint8Array(tokens.length);
  const personFirst = new Set<number>();
  for (const d of drafts) {
    covered.fill(1, d.first, d.end);
    if (d.type === 'PER') personFirst.add(d.first);
  }
  // Who holds each office by an office phrase of the article.
  const officeHolders = new Map<RoleName, Set<string | undefined>>();
  for (const o of drafts)
    if (o.office)
      officeHolders.set(o.office.role, (officeHolders.get(o.office.role) ?? new Set()).add(identity(o)));
  const holds = (d: Draft, role: RoleName) =>
    d.entity?.roles?.some((r) => r.role === role) === true ||
    officeHolders.get(role)?.has(identity(d)) === true;

  // One sweep: persons are counted per office as the tokens pass their end, the most named (the
  // latest on a tie) kept as each office's best so far.
  const persons = drafts.filter((d) => d.type === 'PER').sort((a, b) => a.stop - b.stop || a.start - b.start);
  const tallies = new Map<RoleName, { counts: Map<string, Tally>; best?: Tally }>();
  for (const role of new Set(BARE_OFFICES.values())) tallies.set(role, { counts: new Map() });
  let next = 0;
  tokens.forEach((token, i) => {
    for (; next < persons.length && persons[next]!.stop <= token.start; next++) {
      const d = persons[next]!;
      const id = identity(d);
      if (id === undefined) continue;
      for (const [role, tally] of tallies) {
        if (!holds(d, role)) continue;
        const c = tally.counts.get(id) ?? { n: 0, last: -1, d };
        const updated = { n: c.n + 1, last: Math.max(c.last, d.start), d: d.start >= c.last ? d : c.d };
        tally.counts.set(id, updated);
        // Counts only grow: the best stays best when it grows, and another can only overtake it.
        const best = tally.best;
        if (!best || best === c || updated.n > best.n || (updated.n === best.n && updated.last > best.last))
          tally.best = updated;
      }
    }
    if (token.kind !== 'word' || covered[i]) return;
    if (!bareOfficeWords.mayMatch(token.norm)) return;
    const reading = readingsWithoutProclitics(token.norm).find((r) => BARE_OFFICES.has(r.key));
    if (!reading || personFirst.has(i + 1)) return;
    const best = tallies.get(BARE_OFFICES.get(reading.key)!)!.best;
    if (!best) return;
    out.push({
      first: i,
      end: i + 1,
      start: offsetAfterLetters(text, token.start, token.end, reading.letters),
      stop: token.end,
      type: 'PER',
      entity: best.d.entity,
      ...(best.d.provisional !== undefined && { provisional: best.d.provisional }),
      via: 'coref',
    });
  });
  return out;
}

interface Tally {
  readonly n: number;
  /** Start of the latest mention counted. */
  readonly last: number;
  readonly d: Draft;
}
