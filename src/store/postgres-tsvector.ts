// Full-text search on PostgreSQL without its text parser: the index tokens are ours already (light
// stems of letters and digits, entity tokens like e_per_sergey_lavrov), so the adapter writes the
// tsvector and the tsquery as literals of exactly those tokens, and PostgreSQL neither stems, drops
// nor splits anything. to_tsvector would: its parser cuts entity tokens at `_`, and which characters
// make a word follows the database's locale. Both literals travel as bound values ($n::tsvector,
// $n::tsquery), never in the SQL text.
//
// Layout: title words at positions 1…, then the body's, then the entity tokens, one position apart
// between the parts so a phrase never runs from the title into the body. Weights tell the parts
// apart: A title, B entities, C body; a stem matches in the title or body (`:AC`), an entity token
// only among the entities (`:B`), as FTS5's column filters do in src/search/fts5.ts.

import type { SearchDocument } from '../search/index-document.ts';
import { entityToken } from '../search/terms.ts';
import type { ParsedQuery } from '../search/types.ts';

/** ts_rank_cd's weights, in its order {D, C, B, A}: body 1, entities 2, title 3, as bm25 on SQLite. */
export const RANK_WEIGHTS = '{0.1, 0.333333, 0.666667, 1.0}';

/** PostgreSQL's limits: positions past 16383 are 16383; a lexeme keeps 256 positions, 2046 bytes. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_BYTES = 2046;

/** The tsvector literal of an article's search row. */
export function toTsvector(doc: Pick<SearchDocument, 'title' | 'body' | 'entities'>): string {
  const lexemes = new Map<string, string[]>();
  let position = 0;
  const add = (text: string, weight: 'A' | 'B' | 'C') => {
    for (const token of text.split(' ')) {
      if (token === '') continue;
      position = Math.min(position + 1, MAX_POSITION);
      // A token PostgreSQL would refuse keeps its position, so no phrase bridges it.
      if (Buffer.byteLength(token) > MAX_LEXEME_BYTES) continue;
      const list = lexemes.get(token);
      if (list === undefined) lexemes.set(token, [`${position}${weight}`]);
      else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
    }
    position = Math.min(position + 1, MAX_POSITION);
  };
  add(doc.title, 'A');
  add(doc.body, 'C');
  add(doc.entities, 'B');
  return [...lexemes].map(([lexeme, positions]) => `${quote(lexeme)}:${positions.join(',')}`).join(' ');
}

/**
 * The tsquery literal of a parsed query: every clause (AND) of its alternatives (OR), a phrase of
 * several stems as `<->`. Null when the query has no clauses (it only filters).
 */
export function toTsquery(query: ParsedQuery): string | null {
  if (query.clauses.length === 0) return null;
  return query.clauses
    .map(
      (c) =>
        `(${c.alternatives
          .map((a) =>
            a.kind === 'stems'
              ? a.stems.length === 1
                ? `${quote(a.stems[0])}:AC`
                : `(${a.stems.map((s) => `${quote(s)}:AC`).join(' <-> ')})`
              : `${quote(entityToken(a.id))}:B`,
          )
          .join(' | ')})`,
    )
    .join(' & ');
}

/** A lexeme in quotes, with quotes and backslashes doubled (tsvector and tsquery input alike). */
function quote(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
