// Both HTML readers — extractArticle (a page → its article) and htmlToText (a feed entry's markup →
// its text) — on pages of every shape: well-formed trees, the same cut short, nesting 100,000 deep,
// attributes of a megabyte, fragments of tags and entities, any string. Neither may throw, both
// stay within the per-case budget, script and style bodies never reach the text, and the text is
// what both promise: one trimmed, non-empty line per block.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  anyString,
  brokenHtml,
  deepHtml,
  fuzzParameters,
  htmlPage,
  htmlTree,
  hugeAttributeHtml,
  SCRIPT_MARK,
  truncated,
  withinBudget,
} from '../core/fuzz-arbitraries.ts';
import { parseIsoDate } from './article.ts';
import { extractArticle, looksLikeHtml } from './html.ts';
import { htmlToText } from './sources/html-text.ts';

const READERS: readonly [string, (html: string) => string][] = [
  [
    'extractArticle',
    (html) => {
      const { title, publishedAt, text } = extractArticle(html);
      if (title !== undefined) {
        assert.ok(
          title.length > 0 && title.length <= 1000 && !title.includes('\n'),
          'a title is one short line',
        );
        assert.equal(title, title.trim());
      }
      if (publishedAt !== undefined) assert.equal(parseIsoDate(publishedAt), publishedAt);
      looksLikeHtml(html);
      return text;
    },
  ],
  ['htmlToText', htmlToText],
];

function assertLines(text: string): void {
  if (text === '') return;
  for (const line of text.split('\n')) {
    assert.notEqual(line, '', 'no blank lines');
    assert.equal(line, line.trim(), 'lines are trimmed');
  }
}

for (const [name, read] of READERS) {
  const readChecked = (html: string) => {
    const text = withinBudget(`${name} on ${html.length} characters`, () => read(html));
    assertLines(text);
    return text;
  };

  describe(`fuzz: ${name}`, () => {
    test(`fuzz: ${name} keeps script and style bodies out of the text of whole, cut and deep pages`, () => {
      const pages = fc.oneof(htmlPage, htmlTree, truncated(htmlPage), truncated(htmlTree));
      fc.assert(
        fc.property(pages, (html) => {
          assert.ok(!readChecked(html).includes(SCRIPT_MARK), 'no script or style content in the text');
        }),
        fuzzParameters(),
      );
    });

    test(`fuzz: ${name} on nesting up to 100,000 deep, closed or not`, () => {
      fc.assert(
        fc.property(deepHtml, (html) => {
          const text = readChecked(html);
          assert.ok(!text.includes(SCRIPT_MARK), 'no script or style content in the text');
          assert.match(text, /لافروف في موسكو/);
        }),
        fuzzParameters(0.1),
      );
    });

    test(`fuzz: ${name} on broken markup, huge attributes and any string`, () => {
      fc.assert(
        fc.property(fc.oneof(brokenHtml, anyString, hugeAttributeHtml), (html) => {
          readChecked(html);
        }),
        fuzzParameters(),
      );
    });
  });
}
