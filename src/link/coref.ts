// Coreference inside one article, after the names have been looked up:
//   - an office phrase followed by a name (وزير خارجية بيلاروسيا سيرغي ألينيك) is that person;
//   - what the knowledge base does not know becomes a provisional entity, one per variant key;
//   - a shorter person name whose words all recur in a longer one (لافروف, ميرزويان) is that person;
//   - a bare الوزير or الرئيس is the minister or head of state the article has named most so far.

import type { Token } from '../core/doc.ts';
import type { RoleName } from '../kb/entity.ts';
import type { Draft } from './link.ts';
import { readingsWithoutProclitics } from './proclitics.ts';
import { offsetAfterLetters } from './surface.ts';
import { variantKey } from './variant-key.ts';

/** Bare office nouns and the office they stand for. */
const BARE_OFFICES: ReadonlyMap<string, RoleName> = new Map([
  ['الوزير', 'foreign_minister'],
  ['الوزيره', 'foreign_minister'],
  ['الرئيس', 'head_of_state'],
  ['الرئيسه', 'head_of_state'],
]);

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
  for (const office of drafts.filter((d) => d.office)) {
    const name = drafts.find((d) => d.first === office.end && d.type === 'PER' && !d.office);
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
  for (const short of people) {
    if (short.d.entity) continue;
    let longest: (typeof people)[number] | undefined;
    for (const long of people)
      if (
        long.words.size > short.words.size &&
        [...short.words].every((w) => long.words.has(w)) &&
        (!longest || long.words.size > longest.words.size)
      )
        longest = long;
    if (!longest) continue;
    short.d.entity = longest.d.entity;
    short.d.provisional = longest.d.provisional;
    short.d.via = 'coref';
  }
}

/** الوزير / الرئيس standing alone: the person of that office the article has named most so far. */
function bareOffices(drafts: readonly Draft[], text: string, tokens: readonly Token[]): Draft[] {
  const out: Draft[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || drafts.some((d) => d.first <= i && i < d.end)) return;
    const reading = readingsWithoutProclitics(token.norm).find((r) => BARE_OFFICES.has(r.key));
    if (!reading) return;
    if (drafts.some((d) => d.first === i + 1 && d.type === 'PER')) return;
    const role = BARE_OFFICES.get(reading.key)!;
    const counts = new Map<string, { n: number; last: number; d: Draft }>();
    for (const d of drafts) {
      if (d.stop > token.start || d.type !== 'PER' || !holds(d, role, drafts)) continue;
      const id = identity(d);
      if (id === undefined) continue;
      const c = counts.get(id) ?? { n: 0, last: 0, d };
      counts.set(id, { n: c.n + 1, last: d.start, d });
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n || b.last - a.last)[0];
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

/** Whether the person of a mention is known to hold `role`: from the knowledge base or an office phrase of the article. */
function holds(d: Draft, role: RoleName, drafts: readonly Draft[]): boolean {
  if (d.entity?.roles?.some((r) => r.role === role)) return true;
  const id = identity(d);
  return drafts.some((o) => o.office?.role === role && identity(o) === id);
}
