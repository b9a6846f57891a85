// Every error a user can meet has a code in this one table, with a message they can act on.

export const ERRORS = {
  INPUT_NOT_FOUND: (path: string) => `cannot read ${path}: no such file`,
  INPUT_IS_DIRECTORY: (path: string) => `${path} is a directory; give a file, or - for standard input`,
  INPUT_TOO_LARGE: (bytes: number, limit: number) =>
    `input is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit for one article; split it or raise --max-bytes`,
  INPUT_BINARY: (what: string) => `${what} looks like binary data (NUL or control bytes), not text`,
  INPUT_NOT_UTF8: (what: string, offset: number) =>
    `${what} is not valid UTF-8 (first bad byte at offset ${offset}); convert it, e.g. iconv -f WINDOWS-1256 -t UTF-8`,
  INPUT_UTF16: (what: string) => `${what} is UTF-16 text; convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8`,
  INPUT_UNREADABLE: (path: string, reason: string) => `cannot read ${path}: ${reason}`,
  BAD_DATE: (value: string) => `bad date "${value}": expected a real calendar date as YYYY-MM-DD`,
  BAD_OPTION: (detail: string) => detail,
  DATA_MISSING: (path: string, hint: string) => `data not found at ${path}: ${hint}`,
  DATA_CORRUPT: (path: string, detail: string, hint: string) =>
    `${path} is not the file its manifest describes (${detail}); ${hint}`,
  UNKNOWN_ENTITY: (what: string) =>
    `no entity ${what} in the knowledge base; find its id with \`marsad kb search NAME\``,
  CURATION_MALFORMED: (where: string, line: number, detail: string) =>
    `${where} line ${line}: ${detail}; fix or delete that line (one JSON operation per line)`,
  CURATION_REFUSED: (where: string, detail: string) => `${where}: ${detail}`,
  CURATION_UNWRITABLE: (path: string, reason: string) => `cannot write the curation log ${path}: ${reason}`,
  STORE_NOT_FOUND: (path: string) =>
    `no SQLite store at ${path}; name it with --db PATH (or $MARSAD_DB), or create it with \`marsad db migrate --db PATH\``,
  STORE_NOT_MARSAD: (path: string, detail: string) =>
    `${path} is not a Marsad SQLite store (${detail}); give a file made by \`marsad db backup\``,
  STORE_TOO_NEW: (path: string, version: number, latest: number) =>
    `${path} is at schema ${version}, newer than this Marsad's ${latest}; restore it with the Marsad that wrote it, or a newer one`,
  STORE_FILE_EXISTS: (path: string) => `${path} already exists; add --force to replace it`,
  STORE_COPY_FAILED: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  STORE_USE_PG_TOOLS: (action: string, commands: string) =>
    `marsad db ${action} copies SQLite stores only; for PostgreSQL, use its own tools:\n  ${commands}`,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class MarsadError extends Error {
  override readonly name = 'MarsadError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Builds the error for `code` from the table, with the arguments its message needs. */
export function fail<C extends ErrorCode>(code: C, ...args: Parameters<(typeof ERRORS)[C]>): MarsadError {
  const message = (ERRORS[code] as (...a: unknown[]) => string)(...args);
  return new MarsadError(code, message);
}

function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}
