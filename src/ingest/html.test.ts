import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractArticle, looksLikeHtml } from './html.ts';
import { htmlToText } from './sources/html-text.ts';

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>لافروف يلتقي نظيره البيلاروسي في مينسك | موقع الأخبار</title>
  <meta property="og:title" content="لافروف يلتقي نظيره البيلاروسي في مينسك &amp; يبحثان التعاون">
  <meta property="article:published_time" content="2024-04-12T09:30:00+03:00">
  <script>window.dataLayer = []; document.write("<p>لا يجوز أن يظهر هذا</p>");</script>
  <style>p { color: red } /* <p>css</p> */</style>
</head>
<body>
  <header class="site-header"><h1><a href="/">موقع الأخبار</a></h1></header>
  <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li></ul></nav>
  <main>
    <article>
      <header>
        <h1>لافروف يلتقي نظيره البيلاروسي في مينسك</h1>
        <time datetime="2024-04-11">١١ نيسان ٢٠٢٤</time>
      </header>
      <div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
      <p>التقى وزير الخارجية الروسي سيرغي لافروف، يوم الجمعة، نظيرَه البيلاروسي في مينسك.</p>
      <p>وبحث   الجانبان
         التعاون الثنائي &#1608;الأمن الإقليمي، وفق بيان للخارجية.</p>
      <script>document.write("<p>إعلان مدسوس</p>")</script>
      <div class="ad-slot">إعلان</div>
      <p>وقال لافروف: «نحن ملتزمون بالحوار»؟<br>وأضاف أن الاجتماع كان مثمرًا.</p>
      <footer class="tags"><a href="/t/1">روسيا</a></footer>
    </article>
    <section id="comments">
      <h2>التعليقات</h2>
      <p>تعليق طويل من أحد القراء لا علاقة له بنص الخبر ويجب ألا يظهر في النص المستخرج أبدًا.</p>
    </section>
  </main>
  <aside><h3>الأكثر قراءة</h3><p>خبر آخر</p></aside>
  <footer>© ٢٠٢٤ جميع الحقوق محفوظة</footer>
  <noscript><p>فعّل جافاسكربت</p></noscript>
</body>
</html>`;

describe('looksLikeHtml', () => {
  test('recognises pages by doctype, <html>, <body>, <article> or <p> near the start', () => {
    assert.ok(looksLikeHtml(NEWS_PAGE));
    assert.ok(looksLikeHtml('\n  <html><body>نص</body></html>'));
    assert.ok(looksLikeHtml('<article><p>نص</p></article>'));
    assert.ok(looksLikeHtml('<p>فقرة أولى</p>\n<p>فقرة ثانية</p>'));
    assert.ok(looksLikeHtml('<!-- saved page --><div>نص</div>'));
  });

  test('takes plain text, even with a stray angle bracket, as text', () => {
    assert.equal(looksLikeHtml('قال الوزير إن 3 < 5 وإن العلاقات ممتازة.\nسطر ثان.'), false);
    assert.equal(looksLikeHtml(''), false);
    assert.equal(looksLikeHtml('<<< عاجل >>> وصول الوفد'), false);
  });
});

describe('extractArticle', () => {
  test('takes the <article> body of a news page, leaving nav, share, ads, comments and scripts out', () => {
    const page = extractArticle(NEWS_PAGE);
    assert.equal(
      page.text,
      [
        'التقى وزير الخارجية الروسي سيرغي لافروف، يوم الجمعة، نظيرَه البيلاروسي في مينسك.',
        'وبحث الجانبان التعاون الثنائي والأمن الإقليمي، وفق بيان للخارجية.',
        'وقال لافروف: «نحن ملتزمون بالحوار»؟',
        'وأضاف أن الاجتماع كان مثمرًا.',
      ].join('\n'),
    );
  });

  test('takes the title from og:title, with entities decoded', () => {
    assert.equal(extractArticle(NEWS_PAGE).title, 'لافروف يلتقي نظيره البيلاروسي في مينسك & يبحثان التعاون');
  });

  test('falls back to <title>, then to the first h1 of the article', () => {
    assert.equal(extractArticle('<title> عنوان\n الصفحة </title><p>نص</p>').title, 'عنوان الصفحة');
    const h1 = '<header><h1>اسم الموقع</h1></header><article><h1>عنوان <b>الخبر</b></h1><p>نص</p></article>';
    assert.equal(extractArticle(h1).title, 'عنوان الخبر');
    assert.equal(extractArticle('<p>نص بلا عنوان</p>').title, undefined);
  });

  test('ignores the <title> of an inline SVG icon', () => {
    assert.equal(extractArticle('<body><svg><title>أيقونة</title></svg><p>نص</p></body>').title, undefined);
  });

  test('takes the publication date from article:published_time as the page writes it', () => {
    assert.equal(extractArticle(NEWS_PAGE).publishedAt, '2024-04-12');
    const lateUtc = '<meta property="article:published_time" content="2024-04-12T23:30:00-05:00"><p>نص</p>';
    assert.equal(extractArticle(lateUtc).publishedAt, '2024-04-12');
  });

  test('takes the publication date from JSON-LD datePublished when it is a real date', () => {
    const page = `<script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "x"},
        {"@type": "NewsArticle", "datePublished": "2023-02-30T10:00:00Z"},
        {"@type": "NewsArticle", "datePublished": "2024-03-01T10:00:00+02:00"}]}
    </script><p>نص</p>`;
    assert.equal(extractArticle(page).publishedAt, '2024-03-01');
    const broken = '<script type="application/ld+json">{"datePublished": </script><p>نص</p>';
    assert.equal(extractArticle(broken).publishedAt, undefined);
  });

  test('takes the publication date from <time datetime>, preferring the article over related links', () => {
    const page = `<div class="related"><time datetime="2020-01-01">قديم</time></div>
      <article><time datetime="2024-05-06T10:00">٦ أيار</time><p>نص الخبر</p></article>`;
    assert.equal(extractArticle(page).publishedAt, '2024-05-06');
    assert.equal(extractArticle('<time datetime="yesterday">أمس</time>').publishedAt, undefined);
    assert.equal(extractArticle('<time datetime="2024-13-01">x</time>').publishedAt, undefined);
  });

  test('without an <article>, takes the block whose paragraphs hold the most text', () => {
    const page = `<html><body>
      <div id="menu"><a href="/">الرئيسية</a> | <a href="/x">اقتصاد</a></div>
      <div class="teasers"><p><a href="/1">خبر قصير أول مع رابط طويل نوعًا ما يحمل عنوانًا آخر</a></p>
        <p><a href="/2">خبر قصير ثان</a></p></div>
      <div class="col-8"><h1>العنوان الرئيسي</h1>
        <div class="text">
          <p>الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتكون النص الرئيسي للصفحة.</p>
          <p>الفقرة الثانية تضيف تفاصيل عن الاجتماع الذي عُقد في القاهرة يوم ٣ آذار.</p>
          <p>الفقرة الثالثة تختم الخبر بتصريح للمتحدث الرسمي.</p>
        </div>
      </div>
      <div class="box"><p>فقرة قصيرة في عمود جانبي</p></div>
    </body></html>`;
    assert.equal(
      extractArticle(page).text,
      [
        'الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتكون النص الرئيسي للصفحة.',
        'الفقرة الثانية تضيف تفاصيل عن الاجتماع الذي عُقد في القاهرة يوم ٣ آذار.',
        'الفقرة الثالثة تختم الخبر بتصريح للمتحدث الرسمي.',
      ].join('\n'),
    );
  });

  test('prefers the longest paragraph cluster over a teaser <article>', () => {
    const page = `<article class="teaser"><p><a href="/a">عنوان خبر آخر</a></p></article>
      <div class="body"><p>${'نص الخبر الحقيقي. '.repeat(20)}</p><p>${'تتمة الخبر. '.repeat(10)}</p></div>`;
    const text = extractArticle(page).text;
    assert.ok(text.startsWith('نص الخبر الحقيقي.'), text);
    assert.ok(!text.includes('عنوان خبر آخر'));
  });

  test('reads a <br>-separated body without <p> tags, as old pages write it', () => {
    const page = `<html><body><form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">
      <table><tr><td class="content"><span id="lblBody">النص الأول للخبر في الموقع القديم.<br><br>
      النص الثاني يكمل التفاصيل.<br></span></td></tr></table></form></body></html>`;
    assert.equal(extractArticle(page).text, 'النص الأول للخبر في الموقع القديم.\nالنص الثاني يكمل التفاصيل.');
  });

  test('leaves a newsletter form inside the article out', () => {
    const page = `<article><p>نص المقال الأساسي هنا، وهو طويل نسبيًا.</p>
      <form><label>اشترك في النشرة</label><input name="email"><button>اشترك</button></form><p>تتمة.</p></article>`;
    assert.equal(extractArticle(page).text, 'نص المقال الأساسي هنا، وهو طويل نسبيًا.\nتتمة.');
  });

  test('never lets script or style text into the body, even when it contains </p>', () => {
    const page = `<article><p>قبل</p><script>var s = "</p><p>تسريب</p>"; if (a < b) {}</script>
      <style>.x::after { content: "</p>تسريب" }</style><p>بعد</p></article>`;
    assert.equal(extractArticle(page).text, 'قبل\nبعد');
  });

  test('decodes entities and keeps Arabic text, marks and punctuation exactly', () => {
    const page =
      '<p>&#1605;&#x0635;&#1585; &amp; &quot;الأردن&quot; &lt;&gt; ١٢٣، ؛ ؟ « » الْمَسْجِدُ آ ء ى ـ\u200f</p>';
    assert.equal(extractArticle(page).text, 'مصر & "الأردن" <> ١٢٣، ؛ ؟ « » الْمَسْجِدُ آ ء ى ـ\u200f');
  });

  test('joins block elements with line breaks and collapses spaces within a line', () => {
    const page = `<div><h2>عنوان  فرعي</h2><ul><li>بند أول</li><li>بند&nbsp;&nbsp;ثان</li></ul>
      <blockquote>اقتباس</blockquote><table><tr><td>الاسم</td><td>القيمة</td></tr></table>
      <p>نص <b>غامق</b><i>مائل</i>   ونهاية</p></div>`;
    assert.equal(
      extractArticle(page).text,
      'عنوان فرعي\nبند أول\nبند ثان\nاقتباس\nالاسم القيمة\nنص غامقمائل ونهاية',
    );
  });

  test('keeps elements hidden by the page out', () => {
    const page =
      '<p>ظاهر</p><p hidden>مخفي</p><p style="display: none">مخفي</p><p aria-hidden="true">مخفي</p>';
    assert.equal(extractArticle(page).text, 'ظاهر');
  });

  test('does not drop the page for a section-like class on <body> or <article>', () => {
    const page =
      '<body class="category-social"><article class="post social-affairs"><p>خبر اجتماعي</p></article></body>';
    assert.equal(extractArticle(page).text, 'خبر اجتماعي');
  });

  test('returns empty text for empty and text-free documents', () => {
    assert.deepEqual(extractArticle(''), { text: '' });
    assert.deepEqual(extractArticle('   \n '), { text: '' });
    assert.deepEqual(extractArticle('<html><head><script>x()</script></head><body></body></html>'), {
      text: '',
    });
    assert.deepEqual(extractArticle('<!-- only a comment -->'), { text: '' });
  });

  test('survives garbage, unclosed tags and a truncated document', () => {
    assert.equal(extractArticle('<<<>>>&&&<div').text, '<<<>>>&&&');
    assert.equal(extractArticle('<div><p>فقرة بلا إغلاق<div><span>نص').text, 'فقرة بلا إغلاق\nنص');
    assert.equal(extractArticle('<p class="x>نص').text, '');
    assert.equal(extractArticle('</p></div></html>نص').text, 'نص');
    assert.equal(extractArticle('\u0000\uFFFD<p>\u0000نص</p>').text.includes('نص'), true);
  });

  test('finishes 100,000 nested divs quickly, and reads on after them', () => {
    const depth = 100_000;
    const after = 'فقرة بعد العمق، أطول من الفقرة التي فيه.';
    const started = performance.now();
    const deep = extractArticle(`${'<div>'.repeat(depth)}<p>في العمق</p>${'</div>'.repeat(depth)}`);
    const closed = extractArticle(
      `${'<div>'.repeat(depth)}<p>في العمق</p>${'</div>'.repeat(depth)}<div><p>${after}</p></div>`,
    );
    const unclosed = extractArticle(`${'<div>'.repeat(depth)}نص${'</span>'.repeat(depth)}`);
    const elapsed = performance.now() - started;
    assert.equal(deep.text, 'في العمق');
    assert.equal(closed.text, after);
    assert.equal(unclosed.text, 'نص');
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
  });

  test('keeps script and style code out of the text below the nesting limit too', () => {
    // Found by html.fuzz.test.ts: past 512 levels elements were flattened, a <script> with them, and
    // the tokenizer, which reads its body as raw text anyway, handed the code to the div around it.
    const page = `${'<div>'.repeat(600)}<p>نص المقال</p><script>var tracker = 1;</script><style>.ad{}</style>`;
    assert.equal(extractArticle(page).text, 'نص المقال');
    assert.equal(htmlToText(page), 'نص المقال');
  });

  test('stays linear on entity floods, huge attributes and runs of tags', () => {
    const started = performance.now();
    const entities = extractArticle(`<p>${'&amp;&#1605;'.repeat(200_000)}</p>`);
    assert.equal(entities.text, '&م'.repeat(200_000));
    const attribute = extractArticle(
      `<p class="${'a'.repeat(5_000_000)}" data-x='${'&amp;'.repeat(100_000)}'>نص</p>`,
    );
    assert.equal(attribute.text, 'نص');
    const paragraphs = extractArticle('<p>كلمة'.repeat(100_000));
    assert.equal(paragraphs.text.split('\n').length, 100_000);
    const brackets = extractArticle('<'.repeat(500_000));
    assert.equal(brackets.text.length, 500_000);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
  });
});
