// The shared SQL names its values `@name` (SQLite binds those as they are); PostgreSQL takes numbered
// parameters. Each name becomes `$i::type`, the same name the same number, typed because PostgreSQL
// cannot infer a type from `@x IS NULL` alone; a statement is then sent with exactly the values it uses.

export interface NumberedStatement {
  readonly text: string;
  /** The value of $i is params[names[i - 1]]. */
  readonly names: readonly string[];
}

export function numbered(sql: string, types: Readonly<Record<string, string>>): NumberedStatement {
  const names: string[] = [];
  const text = sql.replace(/@([A-Za-z]\w*)/g, (_, name: string) => {
    const type = types[name];
    if (type === undefined) throw new Error(`no type for @${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}::${type}`;
  });
  return { text, names };
}

/** The statement's values, in its numbering; a value not given is NULL. */
export function boundValues(
  statement: NumberedStatement,
  params: Readonly<Record<string, unknown>>,
): unknown[] {
  return statement.names.map((name) => params[name] ?? null);
}
