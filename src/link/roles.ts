// Office phrases that name a person by the office: وزير الخارجية الروسي، وزير خارجية بيلاروسيا،
// رئيس الوزراء الإسرائيلي، الرئيس الأمريكي. The office is read from the head words and the state
// from the demonym or country name that follows; who held it on the article's date is the
// knowledge base's answer (kb.holders). Phrases are matched on token keys, so spelling folds apply.

import type { Token } from '../core/doc.ts';
import type { RoleName } from '../kb/entity.ts';
import { readingFilter, readingsWithoutProclitics } from './proclitics.ts';
import { offsetAfterLetters } from './surface.ts';

/** How a head phrase names its state: by a demonym after it (الروسي) or a country name (روسيا). */
type StateBy = 'demonym' | 'country' | { readonly title: string };

interface OfficePattern {
  readonly words: readonly string[];
  readonly role: RoleName;
  readonly by: StateBy;
}

// Keys, as matchKey writes them (ة → ه). Longer heads first: رئيس الوزراء before الرئيس. A title
// that belongs to one state's office names it by itself (خادم الحرمين الشريفين: the Saudi king).
const OFFICES: readonly OfficePattern[] = [
  { words: ['خادم', 'الحرمين', 'الشريفين'], role: 'head_of_state', by: { title: 'country:sa' } },
  { words: ['رئيس', 'الوزراء'], role: 'head_of_government', by: 'demonym' },
  { words: ['رئيسه', 'الوزراء'], role: 'head_of_government', by: 'demonym' },
  { words: ['رئيس', 'الحكومه'], role: 'head_of_government', by: 'demonym' },
  { words: ['رئيس', 'وزراء'], role: 'head_of_government', by: 'country' },
  { words: ['رئيسه', 'وزراء'], role: 'head_of_government', by: 'country' },
  { words: ['رئيس', 'حكومه'], role: 'head_of_government', by: 'country' },
  { words: ['وزير', 'الخارجيه'], role: 'foreign_minister', by: 'demonym' },
  { words: ['وزيره', 'الخارجيه'], role: 'foreign_minister', by: 'demonym' },
  { words: ['وزير', 'خارجيه'], role: 'foreign_minister', by: 'country' },
  { words: ['وزيره', 'خارجيه'], role: 'foreign_minister', by: 'country' },
  { words: ['الرئيس'], role: 'head_of_state', by: 'demonym' },
  { words: ['الرئيسه'], role: 'head_of_state', by: 'demonym' },
  { words: ['رئيس'], role: 'head_of_state', by: 'country' },
  { words: ['رئيسه'], role: 'head_of_state', by: 'country' },
  { words: ['العاهل'], role: 'head_of_state', by: 'demonym' },
  { words: ['الملك'], role: 'head_of_state', by: 'demonym' },
  { words: ['ملك'], role: 'head_of_state', by: 'country' },
  { words: ['امير'], role: 'head_of_state', by: 'country' },
];

/** Whether a word may start an office: nearly every word of news does not, and its readings need not be built. */
const officeHeads = readingFilter(OFFICES.map(({ words }) => words[0]!));

/** What the caller knows about the words after a head: the state a demonym or country name there names. */
export interface StateAt {
  /** The country a demonym at token `i` names (الروسي → country:ru), if it is one. */
  demonym(i: number): string | undefined;
  /** The country a name starting at token `i` names, and one past its last token. */
  country(i: number): { id: string; end: number } | undefined;
}

export interface OfficePhrase {
  readonly first: number;
  readonly end: number;
  readonly start: number;
  readonly stop: number;
  readonly role: RoleName;
  /** The country id. */
  readonly of: string;
}

/** Every office phrase in the tokens, left to right, none overlapping. */
export function findOfficePhrases(text: string, tokens: readonly Token[], state: StateAt): OfficePhrase[] {
  const out: OfficePhrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = officeAt(text, tokens, i, state);
    if (found) {
      out.push(found);
      i = found.end - 1;
    }
  }
  return out;
}

function officeAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  state: StateAt,
): OfficePhrase | undefined {
  const first = tokens[i]!;
  if (first.kind !== 'word' || !officeHeads.mayMatch(first.norm)) return undefined;
  for (const reading of readingsWithoutProclitics(first.norm)) {
    for (const { words, role, by } of OFFICES) {
      if (words[0] !== reading.key) continue;
      if (!words.every((w, k) => k === 0 || tokens[i + k]?.norm === w)) continue;
      const after = i + words.length;
      const country =
        by === 'demonym'
          ? demonymAt(state, after)
          : by === 'country'
            ? state.country(after)
            : { id: by.title, end: after };
      if (!country) continue;
      return {
        first: i,
        end: country.end,
        start: offsetAfterLetters(text, first.start, first.end, reading.letters),
        stop: tokens[country.end - 1]!.end,
        role,
        of: country.id,
      };
    }
  }
  return undefined;
}

function demonymAt(state: StateAt, i: number): { id: string; end: number } | undefined {
  const id = state.demonym(i);
  return id === undefined ? undefined : { id, end: i + 1 };
}
