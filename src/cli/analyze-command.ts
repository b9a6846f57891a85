// `marsad analyze FILE [--date YYYY-MM-DD] [--json]`: one article through the pipeline.

import { type Command, Option } from 'commander';
import { parseIsoDate } from '../ingest/article.ts';
import { DEFAULT_MAX_BYTES, decodeText, readInput } from '../ingest/decode.ts';
import { extractArticle, looksLikeHtml } from '../ingest/html.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toAnalysisJson } from '../pipeline/contract.ts';
import type { Io } from './io.ts';
import { positiveInt } from './number-options.ts';
import { formatSummary } from './summary.ts';

interface AnalyzeOptions {
  date?: string;
  json?: boolean;
  id?: string;
  title?: string;
  html?: boolean;
  maxBytes: number;
}

export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .argument('<file>', 'UTF-8 text or HTML file, or - for standard input')
    .description('analyse one Arabic article: sentences, tokens, clitics, stems and numbers')
    .option('--date <YYYY-MM-DD>', "the article's publication date: the reference for relative dates")
    .option('--json', 'print the analysis as JSON (the public contract in docs/ANALYSIS.md)')
    .option('--id <id>', 'article id (default: derived from the text, stable across runs)')
    .option('--title <title>', 'article title (HTML input takes it from the page)')
    .addOption(new Option('--html', 'treat the input as HTML even if it does not look like it'))
    .addOption(
      new Option('--max-bytes <n>', 'refuse inputs larger than this')
        .default(DEFAULT_MAX_BYTES)
        .argParser((v) => positiveInt('--max-bytes', v)),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marsad analyze article.txt --date 2024-04-12 --json > analysis.json\n  curl -s URL | marsad analyze - --html',
    )
    .action(async (file: string, options: AnalyzeOptions) => {
      const publishedAt = options.date === undefined ? undefined : parseIsoDate(options.date);
      const what = file === '-' ? 'standard input' : file;
      const raw = decodeText(await readInput(file, { maxBytes: options.maxBytes, stdin: io.stdin }), what);
      const page = options.html || looksLikeHtml(raw) ? extractArticle(raw) : { text: raw };
      const doc = createAnalyzer()({
        text: page.text,
        id: options.id,
        title: options.title ?? page.title,
        publishedAt: publishedAt ?? page.publishedAt,
      });
      io.stdout.write(options.json ? `${JSON.stringify(toAnalysisJson(doc))}\n` : formatSummary(doc));
    });
}
