import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksLikeFeed, parseFeedXml } from './feed.ts';
import { htmlToText } from './html-text.ts';
import { dateOf, IngestFailure } from './item.ts';

function failsWith(code: string, pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof IngestFailure, `expected an IngestFailure, got ${String(error)}`);
    assert.equal(error.code, code);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>أخبار اليوم</title><link>https://ex.com/</link>
<atom:link href="https://ex.com/feed" rel="self" type="application/rss+xml"/>
<image><title>شعار</title><url>https://ex.com/logo.png</url></image>
<item><title>خبر &amp; أول</title><link>/a/1</link><guid isPermaLink="false">x1</guid>
<pubDate>Sat, 13 Apr 2024 01:30:00 +0300</pubDate>
<description>&lt;p&gt;ملخص &lt;b&gt;الخبر&lt;/b&gt;&lt;/p&gt;&lt;p&gt;سطر&amp;nbsp;ثان&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description></item>
<item><title>ثان</title><guid>https://ex.com/a/2</guid><dc:date>2024-04-14T10:00:00Z</dc:date>
<description><![CDATA[<p>ملخص</p>]]></description>
<content:encoded><![CDATA[<p>الفقرة الأولى</p><div><p>الفقرة الثانية</p></div>]]></content:encoded></item>
<item><title>بلا تاريخ صالح</title><link>https://ex.com/a/3</link><pubDate>yesterday</pubDate><description>نص</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">أخبار &amp;amp; تقارير</title>
<link rel="self" href="https://ex.com/atom.xml"/>
<entry><title>E1</title><link rel="self" href="/self"/><link rel="enclosure" href="/a.mp3"/>
<link href="https://ex.com/e1"/><id>tag:ex.com,2024:1</id>
<updated>2024-04-14T00:00:00Z</updated><published>2024-04-12T23:00:00-05:00</published>
<summary>ملخص &lt;b&gt; يبقى نصا</summary></entry>
<entry><title type="html">&lt;i&gt;E2&lt;/i&gt;</title><link rel="alternate" href="e2"/><updated>2024-04-13T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>الفقرة الأولى</p><p>الثانية &amp; الأخيرة</p></div></content></entry>
<entry><title>E3</title><content type="html">&lt;p&gt;نص &lt;a href="x"&gt;كامل&lt;/a&gt;&lt;/p&gt;</content></entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://ex.com/"><title>RDF</title><items><rdf:Seq><rdf:li rdf:resource="https://ex.com/r1"/></rdf:Seq></items></channel>
<item rdf:about="https://ex.com/r1"><title>R1</title><link>https://ex.com/r1</link><dc:date>2024-04-10</dc:date><description>نص الخبر</description></item>
</rdf:RDF>`;

describe('parseFeedXml', () => {
  test('RSS 2.0: links resolved, dates as written, markup removed, content:encoded preferred', () => {
    const feed = parseFeedXml(RSS, 'rss', 'https://ex.com/feed');
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'أخبار اليوم');
    assert.deepEqual(feed.entries, [
      {
        link: 'https://ex.com/a/1',
        id: 'x1',
        title: 'خبر & أول',
        publishedAt: '2024-04-13',
        text: 'ملخص الخبر\nسطر ثان',
        full: false,
      },
      {
        link: 'https://ex.com/a/2',
        id: 'https://ex.com/a/2',
        title: 'ثان',
        publishedAt: '2024-04-14',
        text: 'الفقرة الأولى\nالفقرة الثانية',
        full: true,
      },
      { link: 'https://ex.com/a/3', title: 'بلا تاريخ صالح', text: 'نص', full: false },
    ]);
  });

  test('a feed file without a base URL keeps relative links as written', () => {
    assert.equal(parseFeedXml(RSS, 'rss').entries[0]!.link, '/a/1');
  });

  test('Atom: the alternate link, <published> before <updated>, text vs html vs xhtml', () => {
    const feed = parseFeedXml(ATOM, 'atom', 'https://ex.com/news/atom.xml');
    assert.equal(feed.kind, 'atom');
    assert.equal(feed.title, 'أخبار & تقارير');
    assert.deepEqual(feed.entries, [
      {
        link: 'https://ex.com/e1',
        id: 'tag:ex.com,2024:1',
        title: 'E1',
        publishedAt: '2024-04-12',
        text: 'ملخص <b> يبقى نصا',
        full: false,
      },
      {
        link: 'https://ex.com/news/e2',
        title: 'E2',
        publishedAt: '2024-04-13',
        text: 'الفقرة الأولى\nالثانية & الأخيرة',
        full: true,
      },
      { title: 'E3', text: 'نص كامل', full: true },
    ]);
  });

  test('RSS 1.0 (RDF)', () => {
    const feed = parseFeedXml(RDF, 'rdf');
    assert.equal(feed.kind, 'rdf');
    assert.deepEqual(feed.entries, [
      { link: 'https://ex.com/r1', title: 'R1', publishedAt: '2024-04-10', text: 'نص الخبر', full: false },
    ]);
  });

  test('an empty channel is a feed with no entries', () => {
    assert.deepEqual(
      parseFeedXml('<rss version="2.0"><channel><title>t</title></channel></rss>', 'x').entries,
      [],
    );
  });

  test('malformed documents are FEED_MALFORMED, saying what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['<rss><channel><item><title>x</title></item>', /ends inside <channel>/],
      ['<rss><channel></item></channel></rss>', /end tag without its start tag/],
      ['<rss><channel><item><b></item></channel></rss>', /<b> is closed by the end tag/],
      ['<rss></rss><rss></rss>', /second element/],
      ['<rss></rss>trailing', /text outside the root/],
      [`<rss>${'<x>'.repeat(300)}`, /nested deeper than 256/],
    ];
    for (const [xml, pattern] of cases)
      assert.throws(() => parseFeedXml(xml, 'f.xml'), failsWith('FEED_MALFORMED', pattern), xml.slice(0, 40));
  });

  test('deep nesting fails fast rather than going quadratic', () => {
    const started = performance.now();
    assert.throws(() => parseFeedXml(`<rss>${'<x>'.repeat(1_000_000)}`, 'f'), failsWith('FEED_MALFORMED'));
    assert.ok(performance.now() - started < 1000);
  });

  test('a document type with an internal subset is read, its entities left unexpanded (no billion laughs)', () => {
    // Found by feed.fuzz.test.ts: the subset's closing `]>` reached the reader as text before the
    // root, and the feed was refused as "plain text, not an RSS or Atom feed".
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
    );
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  ${levels.join('\n  ')}
  <!ENTITY nbsp "&#160;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>لافروف &lol9;</title><link>https://ex.com/a/1</link><description>نص&nbsp;الخبر</description></item>
</channel></rss>`;
    assert.ok(looksLikeFeed(xml));
    const [entry] = parseFeedXml(xml, 'bomb.xml').entries;
    assert.equal(entry?.title, 'لافروف &lol9;');
    assert.equal(entry?.text, 'نص الخبر');
  });

  test('an HTML page, other XML, plain text and nothing are FEED_NOT_A_FEED', () => {
    assert.throws(
      () => parseFeedXml('<!DOCTYPE html><html><body><p>x</p></body></html>', 'page'),
      failsWith('FEED_NOT_A_FEED', /page is an HTML page/),
    );
    assert.throws(
      () => parseFeedXml('<urlset><url/></urlset>', 'sitemap'),
      failsWith('FEED_NOT_A_FEED', /<urlset>/),
    );
    assert.throws(() => parseFeedXml('just words', 'txt'), failsWith('FEED_NOT_A_FEED', /plain text/));
    assert.throws(() => parseFeedXml('  ', 'empty'), failsWith('FEED_NOT_A_FEED', /empty/));
  });
});

describe('looksLikeFeed', () => {
  test('after a declaration, comments and a doctype, the root is rss, feed or rdf:RDF', () => {
    assert.ok(looksLikeFeed(RSS));
    assert.ok(looksLikeFeed(ATOM));
    assert.ok(looksLikeFeed(RDF));
    assert.ok(looksLikeFeed('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"></atom:feed>'));
    assert.ok(!looksLikeFeed('<!DOCTYPE html><html></html>'));
    assert.ok(!looksLikeFeed('rss feeds are great'));
    assert.ok(!looksLikeFeed('<?xml version="1.0"?><urlset/>'));
  });
});

describe('htmlToText', () => {
  test('keeps every word, one block per line, drops scripts', () => {
    assert.equal(
      htmlToText('<p>a <b>b</b></p><script>x</script><ul><li>c</li><li>d</li></ul>e'),
      'a b\nc\nd\ne',
    );
    assert.equal(htmlToText('plain   text\n\n  second'), 'plain text\nsecond');
    assert.equal(htmlToText('A &amp; B &lt;tag&gt;'), 'A & B <tag>');
  });

  test('nesting is bounded: 300,000 open tags in linear time', () => {
    const started = performance.now();
    assert.equal(htmlToText(`${'<span>'.repeat(300_000)}word`), 'word');
    assert.ok(performance.now() - started < 2000);
  });
});

describe('dateOf', () => {
  test('ISO 8601 and RFC 822 dates, as written', () => {
    assert.equal(dateOf('2024-04-12'), '2024-04-12');
    assert.equal(dateOf('2024-04-12T23:30:00-05:00'), '2024-04-12');
    assert.equal(dateOf('Sat, 13 Apr 2024 01:30:00 +0300'), '2024-04-13');
    assert.equal(dateOf('3 Feb 24 10:00 GMT'), '2024-02-03');
    assert.equal(dateOf('Tue, 1 September 2015 08:00:00 +0000'), '2015-09-01');
  });

  test('impossible or unreadable dates are BAD_DATE', () => {
    for (const value of ['2024-02-30', 'Mon, 31 Apr 2024 00:00:00 GMT', 'yesterday', ''])
      assert.throws(() => dateOf(value), /bad date/, value);
  });
});
