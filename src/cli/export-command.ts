// `marsad export FILE… [--format plover|tsv|csv] [--date YYYY-MM-DD] [--out FILE]`: analyse many
// articles, group the reports of each real event into one story (src/events/stories.ts), and print
// the stories as PLOVER JSON lines or a GDELT-like TSV/CSV table (src/events/export/).
//
// An input is a text or HTML file, a JSON-lines file of articles (`*.jsonl`, or any input with
// --jsonl), or - for standard input. A bad input (missing, binary, not UTF-8, too large, a malformed
// JSON line) is reported on stderr, one line each, and the rest are still exported; the exit code is
// then 1. The formatting code knows nothing of files: the database-backed export will feed it too.

import { open, writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { EntityRef } from '../core/doc.ts';
import { fail, MarsadError } from '../core/errors.ts';
import { EXPORT_FORMATS, type ExportFormat, exportStories } from '../events/export/format.ts';
import type { ReportInput } from '../events/stories.ts';
import { makeArticle, parseIsoDate } from '../ingest/article.ts';
import { DEFAULT_MAX_BYTES, decodeText, readInput } from '../ingest/decode.ts';
import { extractArticle, looksLikeHtml } from '../ingest/html.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import type { Io } from './io.ts';
import { positiveInt } from './number-options.ts';

interface ExportOptions {
  format: ExportFormat;
  date?: string;
  out?: string;
  jsonl?: boolean;
  maxBytes: number;
}

/** One article read from an input, with where it came from for messages. */
interface ArticleItem {
  readonly where: string;
  readonly text: string;
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly source?: string | undefined;
  readonly title?: string | undefined;
  readonly publishedAt?: string | undefined;
}

/** What reading an input yields: articles, and per-item errors that do not stop the others. */
type Item = { readonly article: ArticleItem } | { readonly error: string };

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .argument(
      '<files...>',
      'text or HTML files, JSON-lines files of articles (*.jsonl), or - for standard input',
    )
    .description(
      'analyse articles, merge the reports of each real event into one story, and export the stories',
    )
    .addOption(
      new Option('--format <format>', 'plover: PLOVER JSON lines, one record per story; tsv or csv: a table')
        .choices(EXPORT_FORMATS)
        .default('plover'),
    )
    .option(
      '--date <YYYY-MM-DD>',
      'publication date for inputs that do not give one (relative dates count from it)',
    )
    .option('--out <file>', 'write the export to FILE instead of standard output')
    .option('--jsonl', 'read every input, standard input included, as JSON lines of articles')
    .addOption(
      new Option('--max-bytes <n>', 'refuse an article (a file, or one JSON line) larger than this')
        .default(DEFAULT_MAX_BYTES)
        .argParser((v) => positiveInt('--max-bytes', v)),
    )
    .addHelpText(
      'after',
      `
A JSON-lines file holds one article per line:
  {"id": "…", "url": "…", "source": "SANA", "publishedAt": "2024-04-12", "title": "…", "text": "…"}
Only "text" is required; an article without "id" is named by a hash of its text. "publishedAt" may
be a date or an ISO date-time (its date is taken). An HTML page's own date and a JSON line's
"publishedAt" win over --date.

Reports of the same real event in several articles become one story with every report kept as
evidence: same PLOVER type and auxiliary mode, dates that agree (or a day apart), the same place
(or none), and overlapping actors and recipients. See src/events/stories.ts for the rules.

Formats: plover prints one PLOVER JSON record per story (the manual's field names, every report
under "reports"); tsv and csv print one row per story with quad class, intensity, actors,
recipients, place, tolls, number of reports and sources (see src/events/export/).

A bad input (missing, binary, a malformed JSON line) is reported on stderr and the others are still
exported; the exit code is then 1.

Examples:
  marsad export tass.txt belta.html --date 2024-04-12
  marsad export feed.jsonl --format csv --out events.csv
  cat feed.jsonl | marsad export - --jsonl --format tsv`,
    )
    .action(async (files: string[], options: ExportOptions) => {
      const fallbackDate = options.date === undefined ? undefined : parseIsoDate(options.date);
      if (files.filter((f) => f === '-').length > 1)
        throw fail('BAD_OPTION', 'standard input (-) can be read only once; give it once');
      const analyze = createAnalyzer();
      const kb = loadCuratedKnowledgeBase();

      const reports: ReportInput[] = [];
      const entities = new Map<string, EntityRef>();
      const seen = new Map<string, string>();
      let failed = 0;
      let articles = 0;
      const report = (message: string) => io.stderr.write(`marsad: ${message}\n`);

      for (const file of files) {
        for await (const item of readItems(file, options, io)) {
          if ('error' in item) {
            failed++;
            report(item.error);
            continue;
          }
          const { article } = item;
          try {
            const publishedAt = article.publishedAt ?? fallbackDate;
            const id = article.id ?? makeArticle({ text: article.text }).id;
            const first = seen.get(id);
            if (first !== undefined) {
              report(`${article.where}: article ${id} was read already (${first}); counted once`);
              continue;
            }
            seen.set(id, article.where);
            const doc = analyze({ text: article.text, id, title: article.title, publishedAt });
            articles++;
            for (const e of doc.entities) if (!entities.has(e.id)) entities.set(e.id, e);
            for (const event of doc.events)
              reports.push({
                articleId: doc.article.id,
                source: article.source,
                url: article.url,
                publishedAt: doc.article.publishedAt,
                event,
                text: doc.article.text,
              });
          } catch (error) {
            failed++;
            report(describe(article.where, error));
          }
        }
      }

      const { output, stories } = exportStories(options.format, reports, entities, kb);
      if (options.out === undefined) io.stdout.write(output);
      else {
        try {
          await writeFile(options.out, output);
        } catch (error) {
          throw fail('BAD_OPTION', `--out ${options.out}: cannot write it (${(error as Error).message})`);
        }
      }
      report(
        `${stories} ${plural(stories, 'story', 'stories')} from ${reports.length} ${plural(reports.length, 'report', 'reports')} in ${articles} ${plural(articles, 'article', 'articles')}${options.out === undefined ? '' : `, written to ${options.out}`}`,
      );
      if (failed > 0)
        throw new MarsadError(
          'INPUT_UNREADABLE',
          `${failed} ${plural(failed, 'input', 'inputs')} could not be read or analysed (see above); ${articles > 0 ? 'the others were exported' : 'nothing else was given'}`,
        );
    });
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** An error as one line, prefixed with where it happened unless its message names that already. */
function describe(where: string, error: unknown): string {
  if (error instanceof MarsadError)
    return `${error.message.includes(where) ? '' : `${where}: `}${error.message} [${error.code}]`;
  return `${where}: analysis failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** The articles of one input: a text or HTML file, or JSON lines. */
async function* readItems(file: string, options: ExportOptions, io: Io): AsyncGenerator<Item> {
  const what = file === '-' ? 'standard input' : file;
  if (options.jsonl || /\.jsonl$/i.test(file)) {
    yield* readJsonLines(file, what, options.maxBytes, io);
    return;
  }
  let raw: string;
  try {
    raw = decodeText(await readInput(file, { maxBytes: options.maxBytes, stdin: io.stdin }), what);
  } catch (error) {
    if (!(error instanceof MarsadError)) throw error;
    yield { error: describe(what, error) };
    return;
  }
  const page = looksLikeHtml(raw) ? extractArticle(raw) : { text: raw };
  yield {
    article: {
      where: what,
      text: page.text,
      ...(page.title !== undefined ? { title: page.title } : {}),
      ...(page.publishedAt !== undefined ? { publishedAt: page.publishedAt } : {}),
    },
  };
}

/**
 * JSON lines, read as a stream so that a large feed is never held whole: each line is decoded and
 * parsed on its own. A line that is not UTF-8 text stops that input (the rest is the same bytes); a
 * malformed line or one without "text" is reported and skipped.
 */
async function* readJsonLines(file: string, what: string, maxBytes: number, io: Io): AsyncGenerator<Item> {
  let source: AsyncIterable<Buffer | string>;
  if (file === '-') source = io.stdin as AsyncIterable<Buffer | string>;
  else {
    try {
      const handle = await open(file, 'r');
      const info = await handle.stat();
      if (info.isDirectory()) {
        await handle.close();
        throw fail('INPUT_IS_DIRECTORY', file);
      }
      source = handle.createReadStream();
    } catch (error) {
      yield { error: describe(what, error instanceof MarsadError ? error : openError(file, error)) };
      return;
    }
  }
  try {
    for await (const line of splitLines(source)) {
      const where = `${what} line ${line.number}`;
      if (line.bytes === undefined) {
        yield { error: describe(where, fail('INPUT_TOO_LARGE', line.size, maxBytes)) };
        continue;
      }
      let text: string;
      try {
        text = decodeText(line.bytes, where);
      } catch (error) {
        if (!(error instanceof MarsadError)) throw error;
        yield { error: `${describe(where, error)}; the rest of ${what} is skipped` };
        return;
      }
      if (text.trim() === '') continue;
      yield parseArticle(text, where);
    }
  } catch (error) {
    yield { error: describe(what, error instanceof MarsadError ? error : openError(file, error)) };
  }

  async function* splitLines(
    chunks: AsyncIterable<Buffer | string>,
  ): AsyncGenerator<{ number: number; bytes?: Buffer; size: number }> {
    let parts: Buffer[] = [];
    let size = 0;
    let number = 1;
    const take = () => {
      const line = size > maxBytes ? { number, size } : { number, bytes: Buffer.concat(parts, size), size };
      parts = [];
      size = 0;
      number++;
      return line;
    };
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let start = 0;
      for (;;) {
        const nl = bytes.indexOf(0x0a, start);
        const piece = bytes.subarray(start, nl < 0 ? bytes.length : nl);
        size += piece.length;
        // Past the limit, only the count goes on: a huge line is never held.
        if (size <= maxBytes) parts.push(piece);
        else parts = [];
        if (nl < 0) break;
        yield take();
        start = nl + 1;
      }
    }
    if (size > 0) yield take();
  }
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T/;

function parseArticle(line: string, where: string): Item {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      error: `${where}: not valid JSON (${(error as Error).message}); give one JSON article per line`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: `${where}: not a JSON object; give one article {"text": …} per line` };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return { error: `${where}: the article has no "text" string` };
  const fields: Record<string, string> = {};
  for (const key of ['id', 'url', 'source', 'title', 'publishedAt'] as const) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || v === '') return { error: `${where}: "${key}" must be a non-empty string` };
    fields[key] = v;
  }
  let publishedAt: string | undefined;
  if (fields.publishedAt !== undefined) {
    try {
      publishedAt = parseIsoDate(DATE_TIME.exec(fields.publishedAt)?.[1] ?? fields.publishedAt);
    } catch (error) {
      return { error: describe(where, error) };
    }
  }
  return {
    article: {
      where,
      text: record.text,
      id: fields.id,
      url: fields.url,
      source: fields.source,
      title: fields.title,
      publishedAt,
    },
  };
}

function openError(path: string, error: unknown): MarsadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('INPUT_NOT_FOUND', path);
  if (code === 'EISDIR') return fail('INPUT_IS_DIRECTORY', path);
  if (code === 'EACCES' || code === 'EPERM') return fail('INPUT_UNREADABLE', path, 'permission denied');
  return fail('INPUT_UNREADABLE', path, error instanceof Error ? error.message : String(error));
}
