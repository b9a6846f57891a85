// The feed parser on RSS 2.0, RSS 1.0 and Atom documents of every shape: a well-formed feed gives
// one entry per item with its link; a feed cut short, spliced with junk, or not a feed at all is
// refused with FEED_MALFORMED or FEED_NOT_A_FEED, never another exception; an entity bomb in the
// document type is never expanded; thousands of items or bodies of a megabyte stay within budget.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  entityBombFeed,
  feedLikeXml,
  feedSpec,
  fuzzParameters,
  hugeFeed,
  renderFeed,
  withinBudget,
} from '../../core/fuzz-arbitraries.ts';
import { looksLikeFeed, type ParsedFeed, parseFeedXml } from './feed.ts';
import { IngestFailure } from './item.ts';

/** The parsed feed, or the documented refusal (as null); anything else thrown fails the case. */
function parseOrRefuse(xml: string): ParsedFeed | null {
  return withinBudget(`parsing a feed of ${xml.length} characters`, () => {
    looksLikeFeed(xml);
    try {
      return parseFeedXml(xml, 'feed.xml');
    } catch (error) {
      if (
        error instanceof IngestFailure &&
        (error.code === 'FEED_MALFORMED' || error.code === 'FEED_NOT_A_FEED') &&
        error.message.startsWith('feed.xml ')
      )
        return null;
      throw error;
    }
  });
}

function assertEntryText(feed: ParsedFeed): void {
  for (const entry of feed.entries)
    for (const line of entry.text === '' ? [] : entry.text.split('\n'))
      assert.ok(line !== '' && line === line.trim(), 'entry text: trimmed, non-empty lines');
}

describe('fuzz: parseFeedXml', () => {
  test('fuzz: a well-formed feed gives one entry per item, with the link it names', () => {
    fc.assert(
      fc.property(feedSpec, (spec) => {
        const feed = parseOrRefuse(renderFeed(spec));
        assert.ok(feed, 'a well-formed feed is read');
        assert.equal(feed.kind, spec.kind);
        assert.equal(feed.entries.length, spec.items.length);
        assert.deepEqual(
          feed.entries.map((e) => e.link),
          spec.items.map((item) => item.link ?? undefined),
        );
        assertEntryText(feed);
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: cut short, spliced with junk, a page or any string: entries or a FEED_ error', () => {
    fc.assert(
      fc.property(feedLikeXml, (xml) => {
        const feed = parseOrRefuse(xml);
        if (feed) assertEntryText(feed);
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: a feed behind a billion-laughs document type is read, the entities never expanded', () => {
    fc.assert(
      fc.property(entityBombFeed, (xml) => {
        const feed = parseOrRefuse(xml);
        assert.ok(feed, 'a well-formed feed is read');
        const chars = feed.entries.reduce((n, e) => n + e.text.length + (e.title?.length ?? 0), 0);
        assert.ok(chars <= xml.length, 'the entries hold no more text than the document');
      }),
      fuzzParameters(),
    );
  });

  test('fuzz: thousands of items and bodies of up to a megabyte', () => {
    fc.assert(
      fc.property(hugeFeed, (xml) => {
        const feed = parseOrRefuse(xml);
        assert.ok(feed, 'a well-formed feed is read');
        assert.ok(feed.entries.some((e) => e.text.length >= 100_000));
      }),
      fuzzParameters(0.05),
    );
  });
});
