// `marsad eval text`: segmentation F1 on UD Arabic-PUD and stemming accuracy beside Snowball.
// `marsad eval ner FILE`: CoNLL entity-level precision, recall and F1 of the NER model on a gold file.

import type { Command } from 'commander';
import snowball from 'snowball-stemmers';
import type { Doc, EventRecord } from '../core/doc.ts';
import { fail } from '../core/errors.ts';
import { anercorpTestText } from '../corpus/anercorp.ts';
import { readSaudiNewsNet } from '../corpus/saudinewsnet.ts';
import { requireSharedData } from '../corpus/shared-data.ts';
import { evaluateNer, formatNerScores } from '../eval/conll.ts';
import { EVENT_GOLD_PATH, formatEventReport, readEventGold, runEventEvaluation } from '../eval/events.ts';
import { runLinkEvaluation } from '../eval/link.ts';
import { percent, type Scores } from '../eval/scores.ts';
import { evaluateSegmentation, readConllu } from '../eval/segmentation.ts';
import { readGoldenCorpus, readStemList, type Stemmer, scoreStemmer } from '../eval/stemming.ts';
import { trainWeakClassifier } from '../events/weak-classifier.ts';
import { decodeText, readInput } from '../ingest/decode.ts';
import { createCorpusTagger } from '../ner/tagger.ts';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { createWordShaper } from '../text/clitics.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { matchKey } from '../text/normalize.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import type { Io } from './io.ts';

const NEWS_STEMS = new URL('../eval/data/news-stems.tsv', import.meta.url);

export function registerEval(program: Command, io: Io): void {
  const evaluate = program.command('eval').description('measure quality on held-out gold data');
  evaluate
    .command('text')
    .description('clitic segmentation F1 on UD Arabic-PUD; stemming accuracy beside the Snowball stemmer')
    .option('--json', 'print the figures as JSON')
    .option('--errors <n>', 'list this many stemming errors per word list', '0')
    .action((options: { json?: boolean; errors: string }) => {
      const report = evaluateText();
      if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else io.stdout.write(formatTextReport(report, Number(options.errors) || 0));
    });
  evaluate
    .command('ner')
    .argument(
      '[file]',
      'gold `token TAG` file (IOB1 or IOB2; PER/PERS, LOC, ORG, MISC), or - for standard input',
    )
    .description('entity-level precision, recall and F1 (CoNLL), overall and per type')
    .option('--anercorp-test', 'use the ANERcorp test tail (lines 125,278–end) from ../shared/data')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string | undefined, options: { anercorpTest?: boolean; json?: boolean }) => {
      if ((file === undefined) === !options.anercorpTest)
        throw fail('BAD_OPTION', 'give either a gold FILE or --anercorp-test');
      const gold =
        file === undefined
          ? anercorpTestText()
          : decodeText(await readInput(file, { maxBytes: GOLD_MAX_BYTES, stdin: io.stdin }), file);
      const result = evaluateNer(gold, createCorpusTagger());
      if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const source = file ?? 'ANERcorp test (lines 125,278–end)';
        io.stdout.write(`${source}: ${result.sentences} sentences, ${result.tokens} tokens`);
        io.stdout.write(result.malformed ? `, ${result.malformed} malformed lines skipped\n` : '\n');
        io.stdout.write(formatNerScores(result.scores));
      }
    });
  evaluate
    .command('events')
    .argument(
      '[file]',
      'gold JSON lines of SaudiNewsNet offsets (default: the shipped set, src/eval/data/events-gold.jsonl)',
    )
    .description(
      'PLOVER event type precision/recall/F1 and actor/recipient accuracy on hand-labelled news sentences, with the annotators’ agreement',
    )
    .option('--json', 'print the figures as JSON')
    .option('--errors <n>', 'list this many missed and spurious events', '0')
    .option(
      '--classifier <n>',
      'also score the rules plus a sentence classifier trained on the rules’ output over N SaudiNewsNet articles outside the gold set',
    )
    .action((file: string | undefined, options: { json?: boolean; errors: string; classifier?: string }) => {
      const analyze = createAnalyzer();
      const gold = file ?? EVENT_GOLD_PATH;
      const run = (events: (doc: Doc) => readonly EventRecord[]) =>
        runEventEvaluation(
          (article) => {
            const doc = analyze(article);
            return { events: [...events(doc)], mentions: doc.mentions };
          },
          { gold, errors: Number(options.errors) || 0 },
        );
      const report = run((doc) => doc.events);
      io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatEventReport(report));
      if (options.classifier === undefined) return;
      const goldArticles = new Set(readEventGold(gold).map((s) => s.article));
      const training: Doc[] = [];
      for (const article of readSaudiNewsNet()) {
        if (training.length >= Number(options.classifier)) break;
        if (!goldArticles.has(article.id) && article.text.trim())
          training.push(analyze({ text: article.text, publishedAt: article.date }));
      }
      const classifier = trainWeakClassifier(training);
      const combined = run((doc) => classifier.withLearned(doc));
      io.stdout.write(
        options.json
          ? `${JSON.stringify({ withClassifier: combined.scores }, null, 2)}\n`
          : `\nRules plus the sentence classifier (trained on ${training.length} articles):\n${formatEventReport(combined)}`,
      );
    });
  evaluate
    .command('link')
    .description(
      'transliteration-variant name key on ANETAC: recall of real spelling variants and false merges, beside matchKey',
    )
    .option('--json', 'print the figures as JSON')
    .action((options: { json?: boolean }) => {
      io.stdout.write(runLinkEvaluation({ json: options.json === true }));
    });
}

/** Gold files are whole corpora, not one article. */
const GOLD_MAX_BYTES = 512 * 1024 * 1024;

function evaluateText() {
  const lexicon = loadLexicon();
  const pud = readConllu(`${requireSharedData('ud_arabic_pud')}/ar_pud-ud-test.conllu`);
  const segmentation = evaluateSegmentation(pud, createTextAnalyzer(lexicon));
  const shape = createWordShaper(lexicon);
  const ours: Stemmer = (word) => shape(word, matchKey(word)).stem;
  const snowballArabic = snowball.newStemmer('arabic');
  const theirs: Stemmer = (word) => snowballArabic.stem(word);
  const lists = {
    golden: readGoldenCorpus(`${requireSharedData('golden_corpus_arabic')}/core`),
    news: readStemList(NEWS_STEMS.pathname),
  };
  const stemming = Object.fromEntries(
    Object.entries(lists).map(([name, cases]) => [
      name,
      { marsad: scoreStemmer(cases, ours), snowball: scoreStemmer(cases, theirs) },
    ]),
  );
  return { segmentation, stemming };
}

type TextReport = ReturnType<typeof evaluateText>;

function formatTextReport({ segmentation, stemming }: TextReport, showErrors: number): string {
  const row = (name: string, s: Scores) =>
    `  ${name.padEnd(28)} P ${percent(s.precision)}  R ${percent(s.recall)}  F1 ${percent(s.f1)}`;
  const lines = [
    `Segmentation, UD Arabic-PUD (${segmentation.sentences} sentences, ${segmentation.goldSegments} gold words)`,
    row('tokens + clitics (Marsad)', segmentation.clitics),
    row('tokens only (no clitics)', segmentation.tokensOnly),
    '',
    'Stemming accuracy (stems compared as matching keys)',
  ];
  for (const [name, { marsad, snowball: sb }] of Object.entries(stemming)) {
    const label = name === 'golden' ? 'golden_corpus_arabic' : 'news words (src/eval/data)';
    lines.push(
      `  ${label.padEnd(28)} Marsad ${percent(marsad.accuracy)}% · Snowball ${percent(sb.accuracy)}%  (${marsad.cases} words)`,
    );
    for (const e of marsad.errors.slice(0, showErrors))
      lines.push(`    ${e.word} → ${e.got} (gold ${e.expected})`);
  }
  return `${lines.join('\n')}\n`;
}
