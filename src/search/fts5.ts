// A parsed query as an SQLite FTS5 MATCH expression. The expression is passed to the database as a
// bound value, never spliced into SQL. Stems are searched in the title and body columns, entity
// tokens only in the entities column, so an entity token can only match a linked entity.

import { entityToken } from './terms.ts';
import type { Alternative, ParsedQuery } from './types.ts';

/** Null when the query has no clauses (it only filters). */
export function toFts5Match(query: ParsedQuery): string | null {
  if (query.clauses.length === 0) return null;
  return query.clauses.map((c) => `(${c.alternatives.map(alternative).join(' OR ')})`).join(' AND ');
}

function alternative(a: Alternative): string {
  // A quoted string of several tokens is an FTS5 phrase: the stems in order, adjacent.
  return a.kind === 'stems'
    ? `{title body} : ${quote(a.stems.join(' '))}`
    : `entities : ${quote(entityToken(a.id))}`;
}

/** An FTS5 string: terms are letters and digits already, but a quote is doubled all the same. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
