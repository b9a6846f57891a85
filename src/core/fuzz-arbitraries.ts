// Hostile inputs for the property and fuzz tests (`*.fuzz.test.ts`), in one place so that every
// suite — the analyzer, HTML, feeds, JSON lines, decoding, and later the HTTP API — draws from the
// same nasty corners: Arabic with marks and tatweel inside names, bidi and zero-width controls,
// lone surrogates, Arabic-Indic and Persian digits, huge tokens, broken and deeply nested markup,
// truncated feeds, entity bombs, invalid UTF-8.
//
// How much runs: MARSAD_FUZZ_RUNS cases per property (DEFAULT_FUZZ_RUNS, so CI stays fast);
// `npm run fuzz -- --runs 100000` for a long run. MARSAD_FUZZ_SEED replays a failure fast-check
// reported. Only tests import this module (fast-check is a devDependency): the build leaves it out.

import fc from 'fast-check';

export const DEFAULT_FUZZ_RUNS = 200;

/** One case slower than this fails its property (MARSAD_FUZZ_CASE_MS): a super-linear path or a near-hang. */
export const DEFAULT_CASE_BUDGET_MS = 2000;

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number: ${raw}`);
  return value;
}

/** Cases per property. */
export function fuzzRuns(): number {
  return positiveFromEnv('MARSAD_FUZZ_RUNS', DEFAULT_FUZZ_RUNS);
}

export function caseBudgetMs(): number {
  return positiveFromEnv('MARSAD_FUZZ_CASE_MS', DEFAULT_CASE_BUDGET_MS);
}

/**
 * fast-check parameters for one property: MARSAD_FUZZ_RUNS cases times `share` (a property whose
 * cases are costly runs a share of them); MARSAD_FUZZ_SEED and MARSAD_FUZZ_PATH replay a failure
 * with the seed and path its report gave.
 */
export function fuzzParameters<T>(share = 1): fc.Parameters<T> {
  const seed = process.env.MARSAD_FUZZ_SEED;
  const path = process.env.MARSAD_FUZZ_PATH;
  return {
    numRuns: Math.max(1, Math.round(fuzzRuns() * share)),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
    plugins: [shortReport],
  };
}

/** Longest failure report printed: a counterexample of a megabyte would bury its seed and cause. */
const MAX_REPORT_CHARS = 3000;

// fast-check's report with the counterexample cut short and the failing assertion's message added.
const shortReport: fc.UniversalPlugin = () => ({
  onAllRunsComplete: (details) => {
    if (!details.failed) return;
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const report = `${shorten(fc.defaultReportMessage(details) ?? 'the property failed')}\nCause: ${shorten(cause)}`;
    throw new Error(report, { cause: details.errorInstance });
  },
});

function shorten(text: string): string {
  if (text.length <= MAX_REPORT_CHARS) return text;
  const tail = MAX_REPORT_CHARS / 4;
  return `${text.slice(0, MAX_REPORT_CHARS - tail)} …(${text.length - MAX_REPORT_CHARS} characters left out)… ${text.slice(-tail)}`;
}

function overBudget(what: string, elapsed: number, budget: number): Error {
  return new Error(`${what} took ${elapsed.toFixed(0)} ms, over the ${budget} ms budget for one case`);
}

/**
 * Runs one case and fails it when it takes longer than the budget. A synchronous loop that never
 * ends cannot be stopped from inside its own thread: that is left to the test runner's
 * --test-timeout, which kills the test file's process (scripts/fuzz.mjs sets it). What this catches
 * is the common form of a hang on hostile input: work that grows faster than the input.
 */
export function withinBudget<T>(what: string, run: () => T, budget = caseBudgetMs()): T {
  const start = performance.now();
  const result = run();
  const elapsed = performance.now() - start;
  if (elapsed > budget) throw overBudget(what, elapsed, budget);
  return result;
}

export async function withinBudgetAsync<T>(
  what: string,
  run: () => Promise<T>,
  budget = caseBudgetMs(),
): Promise<T> {
  const start = performance.now();
  const result = await run();
  const elapsed = performance.now() - start;
  if (elapsed > budget) throw overBudget(what, elapsed, budget);
  return result;
}

// ---- characters -------------------------------------------------------------------------------

const chars = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

export const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىپچژکگی'];
/** Harakat, tanwin, shadda, sukun, dagger alef, hamza marks. */
export const ARABIC_MARKS = [...chars(0x064b, 0x065f), '\u0670'];
export const TATWEEL = '\u0640';
/** LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM and the Arabic letter mark. */
export const BIDI_CONTROLS = [
  ...chars(0x202a, 0x202e),
  ...chars(0x2066, 0x2069),
  '\u200e',
  '\u200f',
  '\u061c',
];
/** Zero width space, non-joiner, joiner, word joiner, BOM. */
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
export const ARABIC_INDIC_DIGITS = chars(0x0660, 0x0669);
export const PERSIAN_DIGITS = chars(0x06f0, 0x06f9);
const PUNCTUATION = [...'.,;:!?،؛؟()[]{}«»"\'-–—%٪٫٬/…*#@&<>'];
const SPACES = [' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028', '\u2029', '\u3000', '\u2009'];
/** Combining marks from other scripts, stacked on Arabic letters too. */
const OTHER_MARKS = ['\u0301', '\u0308', '\u20dd', '\u0489', '\u1ab0', '\ufe20'];

/** Words of news the stages react to: names, offices, speech verbs, dates, numbers, quantities. */
export const NEWS_WORDS = [
  'قال',
  'وقال',
  'وأضاف',
  'أكد',
  'إن',
  'أن',
  'وفقاً',
  'لـ',
  'وزير',
  'الخارجية',
  'الروسي',
  'سيرغي',
  'سيرجي',
  'لافروف',
  'موسكو',
  'مينسك',
  'روسيا',
  'إيران',
  'الرئيس',
  'الفرنسي',
  'إيمانويل',
  'ماكرون',
  'الأمم',
  'المتحدة',
  'رويترز',
  'التقى',
  'نظيره',
  'اجتماع',
  'انعقد',
  'هجوم',
  'بالهجوم',
  'أدانت',
  'ترفض',
  'العقوبات',
  'مقتل',
  'شخصاً',
  'قتلى',
  'جرحى',
  'دولار',
  'مليون',
  'ألف',
  'ثلاثة',
  'عشرين',
  'بالمئة',
  'أمس',
  'الأحد',
  'يناير',
  'نيسان',
  'العام',
  'الماضي',
  'المقبل',
  'في',
  'من',
  'على',
  'إلى',
  'مع',
  'الذي',
  'لن',
  'سوف',
  '2024',
  '١٤٤',
  '۱۲',
  '12.5',
  '٪',
  'Lavrov',
];

const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);
const codeUnit = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

/** A lone high or low surrogate: text that is not well-formed UTF-16. */
export const loneSurrogate = fc.oneof(codeUnit(0xd800, 0xdbff), codeUnit(0xdc00, 0xdfff));

/** Any code point, surrogate code points (lone halves) and controls included. */
export const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** One character (or short cluster) from the corners that break text code. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pick(ARABIC_LETTERS), weight: 6 },
  { arbitrary: pick(ARABIC_MARKS), weight: 3 },
  { arbitrary: fc.constant(TATWEEL), weight: 1 },
  { arbitrary: pick(BIDI_CONTROLS), weight: 2 },
  { arbitrary: pick(ZERO_WIDTH), weight: 2 },
  { arbitrary: pick([...ARABIC_INDIC_DIGITS, ...PERSIAN_DIGITS, ...'0123456789']), weight: 2 },
  { arbitrary: pick(PUNCTUATION), weight: 2 },
  { arbitrary: pick(SPACES), weight: 3 },
  { arbitrary: pick(OTHER_MARKS), weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: anyCodePoint, weight: 2 },
);

/** A news word with marks, tatweel, bidi or zero-width characters slipped between its letters. */
export const decoratedWord: fc.Arbitrary<string> = fc
  .tuple(pick(NEWS_WORDS), fc.array(fc.tuple(fc.nat(), hostileChar), { maxLength: 3 }))
  .map(([word, inserts]) => {
    let out = word;
    for (const [at, c] of inserts) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + c + out.slice(i);
    }
    return out;
  });

const digitRun = fc
  .tuple(pick(['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹']), fc.integer({ min: 1, max: 40 }), fc.nat())
  .map(([digits, length, seed]) => Array.from({ length }, (_, i) => digits[(seed + i * 7) % 10]).join(''));

/**
 * Text that reads partly like news: real words (some decorated), numbers in three digit sets,
 * punctuation and quotes, and every hostile character, in any order. Up to a few thousand characters.
 */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: pick(NEWS_WORDS), weight: 6 },
      { arbitrary: decoratedWord, weight: 2 },
      { arbitrary: pick(SPACES), weight: 6 },
      { arbitrary: pick(PUNCTUATION), weight: 2 },
      { arbitrary: digitRun, weight: 1 },
      { arbitrary: fc.string({ unit: hostileChar, maxLength: 12 }), weight: 2 },
    ),
    { maxLength: 400, size: 'large' },
  )
  .map((parts) => parts.join(''));

/** Any string at all: arbitrary code points, lone surrogates, controls. */
export const anyString: fc.Arbitrary<string> = fc.string({
  unit: anyCodePoint,
  maxLength: 1000,
  size: 'large',
});

/**
 * Inputs far outside news: one token of up to 100,000 letters (with or without marks), thousands of
 * newlines or bidi controls, numbers thousands of digits long, one mark repeated, names without end.
 */
export const hugeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(pick(ARABIC_LETTERS), fc.option(pick(ARABIC_MARKS)), fc.integer({ min: 1000, max: 100_000 }))
    .map(([letter, mark, n]) => (letter + (mark ?? '')).repeat(mark ? n >> 1 : n)),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => '\n'.repeat(n)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => `قال${'\n'.repeat(n)}لافروف\r\n`.repeat(3)),
  fc
    .tuple(pick([...ARABIC_INDIC_DIGITS, ...PERSIAN_DIGITS, '9']), fc.integer({ min: 300, max: 20_000 }))
    .map(([digit, n]) => `مقتل ${digit.repeat(n)} شخصاً`),
  fc
    .tuple(
      pick([...BIDI_CONTROLS, ...ZERO_WIDTH, TATWEEL, ...ARABIC_MARKS]),
      fc.integer({ min: 1000, max: 50_000 }),
    )
    .map(([c, n]) => `لافروف${c.repeat(n)}موسكو`),
  fc
    .tuple(
      pick(['سيرغي لافروف ', 'قال إن ', '« ', '. ', 'في ٢٠٢٤ ', 'الروسي ']),
      fc.integer({ min: 100, max: 1000 }),
    )
    .map(([unit, n]) => unit.repeat(n)),
);

// ---- HTML -------------------------------------------------------------------------------------

/** Script and style bodies carry this: it must never reach extracted text. */
export const SCRIPT_MARK = 'SCRIPTMARKQZX';

const ELEMENT_TAGS = [
  'html',
  'head',
  'body',
  'title',
  'div',
  'p',
  'span',
  'a',
  'b',
  'article',
  'main',
  'section',
  'nav',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'form',
  'blockquote',
  'figure',
  'time',
  'svg',
  'math',
  'noscript',
  'template',
  'select',
  'option',
  'button',
  'textarea',
  'iframe',
  'font',
  'o:p',
];
const ATTRIBUTE_NAMES = [
  'class',
  'id',
  'style',
  'role',
  'itemprop',
  'href',
  'datetime',
  'content',
  'property',
  'hidden',
  'aria-hidden',
  'type',
  'dir',
];
const ATTRIBUTE_VALUES = [
  'article-body',
  'content',
  'share social',
  'comments',
  'sidebar',
  'articleBody',
  'navigation',
  'display:none',
  'true',
  '2024-04-12T10:00:00+03:00',
  '2024-02-30',
  'article:published_time',
  'application/ld+json',
  'rtl',
  'og:title',
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeHtml(s).replace(/"/g, '&quot;');

const attribute = fc
  .tuple(
    pick(ATTRIBUTE_NAMES),
    fc.oneof(
      pick(ATTRIBUTE_VALUES),
      hostileText.map((t) => t.slice(0, 80)),
    ),
  )
  .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`);

/** Code that looks like markup and entities, never `</script` (which would end it). */
const scriptBody = fc
  .array(
    pick([
      `var x = "${SCRIPT_MARK}";`,
      `document.write("<p>${SCRIPT_MARK}</p>");`,
      '<div>',
      '<!--',
      '-->',
      '&amp;',
      'if (a < b && c > d) {}',
      '</scr',
      '<script>',
      `/* ${SCRIPT_MARK} */`,
      '{"@context":"https://schema.org","datePublished":"2024-04-12"}',
      'لافروف',
    ]),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => `${SCRIPT_MARK} ${parts.join(' ')}`);

const rawTextElement = fc
  .tuple(pick(['script', 'style', 'SCRIPT', 'Style']), fc.array(attribute, { maxLength: 2 }), scriptBody)
  .map(([tag, attrs, body]) => `<${tag}${attrs.join('')}>${body}</${tag}>`);

const voidElement = fc
  .tuple(pick(['br', 'hr', 'img', 'meta', 'input', 'link', 'wbr']), fc.array(attribute, { maxLength: 3 }))
  .map(([tag, attrs]) => `<${tag}${attrs.join('')}${tag === 'br' ? '' : ' /'}>`);

const comment = hostileText.map((t) => `<!--${t.replace(/-->|--!>/g, '')}-->`);

/**
 * A well-formed page tree: elements with attributes, escaped text, scripts and styles (whose
 * bodies carry SCRIPT_MARK), comments, void elements; some elements left unclosed, as pages do.
 */
export const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map(escapeHtml),
    tie('element'),
    rawTextElement,
    voidElement,
    comment,
  ),
  element: fc
    .tuple(
      pick(ELEMENT_TAGS),
      fc.array(attribute, { maxLength: 3 }),
      fc.array(tie('node'), { maxLength: 5 }),
      fc.boolean(),
    )
    // A raw-text element (title, textarea, iframe) holds text, not elements: its children are
    // escaped, and it is always closed, or the elements after it would be its text (a script too).
    .map(([tag, attrs, children, closed]) => {
      const rawText = ['title', 'textarea', 'iframe'].includes(tag);
      const body = rawText ? escapeHtml(children.join('').replaceAll(SCRIPT_MARK, '')) : children.join('');
      return `<${tag}${attrs.join('')}>${body}${closed || rawText ? `</${tag}>` : ''}`;
    }),
})).node;

/** A page: doctype, head with title and meta, body with the tree. */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), hostileText, fc.array(voidElement, { maxLength: 3 }), htmlTree)
  .map(
    ([doctype, title, meta, body]) =>
      `${doctype ? '<!DOCTYPE html>' : ''}<html dir="rtl"><head><title>${escapeHtml(title)}</title>${meta.join('')}</head><body>${body}</body></html>`,
  );

/** Elements nested up to 100,000 deep, closed or not, with a script at the bottom. */
export const deepHtml: fc.Arbitrary<string> = fc
  .tuple(
    pick(['div', 'span', 'b', 'article', 'li', 'td', 'blockquote', 'section', 'font', 'a']),
    fc.integer({ min: 500, max: 100_000 }),
    fc.boolean(),
    rawTextElement,
  )
  .map(
    ([tag, depth, closed, script]) =>
      `<html><body>${`<${tag} class="c">`.repeat(depth)}<p>لافروف في موسكو</p>${script}${closed ? `</${tag}>`.repeat(depth) : ''}</body></html>`,
  );

/** Markup of any shape: fragments of tags, quotes, comments, CDATA and entities, unescaped text. */
export const brokenHtml: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      pick([
        '<',
        '</',
        '>',
        '/>',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<!DOCTYPE',
        '<?xml',
        '?>',
        '<div',
        '<p',
        '<script>',
        '</script>',
        '<style',
        '<title>',
        '<textarea>',
        '<plaintext>',
        '<xmp>',
        '<svg>',
        '<math>',
        '<table>',
        ' class="',
        "'",
        '"',
        '=',
        '&',
        '&amp',
        '&#',
        '&#x',
        '&#1608;',
        '&#x110000;',
        '&#99999999999;',
        '&nbsp;',
        '&unknown;',
      ]),
      hostileText.map((t) => t.slice(0, 60)),
      htmlTree,
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Huge attribute values, closed or never closed. */
export const hugeAttributeHtml: fc.Arbitrary<string> = fc
  .tuple(
    pick(['class', 'style', 'content', 'href']),
    fc.integer({ min: 10_000, max: 1_000_000 }),
    fc.boolean(),
  )
  .map(
    ([name, n, closed]) =>
      `<html><body><div ${name}="${'a'.repeat(n)}${closed ? '">' : ''}<p>لافروف</p></div></body></html>`,
  );

/** `text` cut at a random point (or left whole). */
export function truncated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1)));
}

// ---- feeds ------------------------------------------------------------------------------------

export type FeedKind = 'rss' | 'rdf' | 'atom';

export interface FeedItemSpec {
  readonly title: string;
  readonly link: string | null;
  readonly date: string;
  readonly body: string;
  /** How the body is written: XML-escaped, in CDATA, or (Atom) as xhtml markup. */
  readonly encoding: 'escaped' | 'cdata' | 'xhtml';
}

export interface FeedSpec {
  readonly kind: FeedKind;
  readonly title: string;
  readonly items: readonly FeedItemSpec[];
}

const xmlText = (s: string) => escapeHtml(s);
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const feedDate = fc.oneof(
  pick([
    '2024-04-12T10:00:00+03:00',
    'Fri, 12 Apr 2024 10:00:00 GMT',
    '12 Apr 24 10:00 +0300',
    '2024-02-30',
    'yesterday',
    '',
  ]),
  hostileText.map((t) => t.slice(0, 30)),
);

const feedItem: fc.Arbitrary<FeedItemSpec> = fc.record({
  title: hostileText.map((t) => t.slice(0, 200)),
  link: fc.option(
    fc.oneof(fc.webUrl(), pick(['/relative/path', 'not a url', 'https://example.com/a?b=1&c=2'])),
  ),
  date: feedDate,
  body: fc.oneof(hostileText, htmlTree),
  encoding: pick(['escaped', 'cdata', 'xhtml'] as const),
});

/** A feed as data: render it with renderFeed. */
export const feedSpec: fc.Arbitrary<FeedSpec> = fc.record({
  kind: pick(['rss', 'rdf', 'atom'] as const),
  title: hostileText.map((t) => t.slice(0, 100)),
  items: fc.array(feedItem, { maxLength: 8 }),
});

/** A well-formed RSS 2.0, RSS 1.0 or Atom document of the spec: one entry per item. */
export function renderFeed(feed: FeedSpec, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const body = (item: FeedItemSpec, tag: string, atom: boolean) => {
    if (item.encoding === 'cdata') return `<${tag}${atom ? ' type="html"' : ''}>${cdata(item.body)}</${tag}>`;
    if (item.encoding === 'xhtml' && atom)
      return `<${tag} type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${xmlText(item.body)}</div></${tag}>`;
    return `<${tag}${atom ? ' type="html"' : ''}>${xmlText(item.body)}</${tag}>`;
  };
  if (feed.kind === 'atom') {
    const entries = feed.items.map(
      (item) =>
        `<entry><title>${xmlText(item.title)}</title>${item.link === null ? '' : `<link rel="alternate" href="${escapeAttribute(item.link)}"/>`}<published>${xmlText(item.date)}</published>${body(item, 'content', true)}</entry>`,
    );
    return `${prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText(feed.title)}</title>${entries.join('')}</feed>`;
  }
  const items = feed.items.map(
    (item) =>
      `<item><title>${xmlText(item.title)}</title>${item.link === null ? '' : `<link>${xmlText(item.link)}</link>`}<pubDate>${xmlText(item.date)}</pubDate>${body(item, 'description', false)}</item>`,
  );
  if (feed.kind === 'rdf')
    return `${prolog}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>${xmlText(feed.title)}</title></channel>${items.join('')}</rdf:RDF>`;
  return `${prolog}<rss version="2.0"><channel><title>${xmlText(feed.title)}</title>${items.join('')}</channel></rss>`;
}

/** The billion-laughs document type: ten levels of entities, each ten of the one below. */
export const ENTITY_BOMB_DOCTYPE = `<!DOCTYPE rss [
<!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>`;

/** A well-formed feed, behind the entity bomb, with the bomb's entity used in titles and bodies. */
export const entityBombFeed: fc.Arbitrary<string> = feedSpec.map((feed) =>
  renderFeed(
    {
      ...feed,
      items: feed.items.map((item) => ({ ...item, title: `${item.title} &lol9;`, encoding: 'escaped' })),
    },
    `<?xml version="1.0"?>${ENTITY_BOMB_DOCTYPE}`,
  ).replaceAll('&amp;lol9;', '&lol9;'),
);

/** A feed whose items are huge: bodies of 100,000 characters and more, or thousands of items. */
export const hugeFeed: fc.Arbitrary<string> = fc
  .tuple(feedSpec, fc.integer({ min: 100_000, max: 1_000_000 }), fc.integer({ min: 1, max: 3000 }))
  .map(([feed, bodyChars, copies]) => {
    const item: FeedItemSpec = {
      title: 'لافروف',
      link: 'https://example.com/a',
      date: '2024-04-12',
      body: 'ب'.repeat(bodyChars),
      encoding: 'cdata',
    };
    const small: FeedItemSpec = { ...item, body: 'قال لافروف إن روسيا ترفض العقوبات.' };
    return renderFeed({
      ...feed,
      items: [...feed.items, item, ...Array.from({ length: copies }, () => small)],
    });
  });

/** Anything a feed URL might answer: real feeds, cut-off feeds, feeds with junk, pages, bytes as text. */
export const feedLikeXml: fc.Arbitrary<string> = fc.oneof(
  feedSpec.map((f) => renderFeed(f)),
  truncated(feedSpec.map((f) => renderFeed(f))),
  fc.tuple(feedSpec, brokenHtml, fc.nat()).map(([f, junk, at]) => {
    const xml = renderFeed(f);
    const i = at % (xml.length + 1);
    return xml.slice(0, i) + junk + xml.slice(i);
  }),
  entityBombFeed,
  htmlPage,
  anyString,
);

// ---- bytes ------------------------------------------------------------------------------------

const utf8 = new TextEncoder();

/** Byte sequences UTF-8 forbids: overlongs, surrogates, past U+10FFFF, stray continuations, cut sequences. */
export const invalidUtf8: fc.Arbitrary<Uint8Array> = fc
  .constantFrom(
    [0xc0, 0x80],
    [0xc1, 0xbf],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xed, 0xbf, 0xbf],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80, 0x80, 0x80],
    [0xff],
    [0xfe],
    [0x80],
    [0xbf, 0xbf],
    [0xd9],
    [0xe2, 0x80],
    [0xf0, 0x9f, 0x98],
  )
  .map((bytes) => Uint8Array.from(bytes));

/**
 * Bytes a file might hold: UTF-8 of hostile text (with or without a BOM, or a UTF-16 BOM), with
 * invalid sequences spliced in, cut in the middle of a character, or random bytes.
 */
export const textBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  hostileText.map((t) => utf8.encode(t)),
  fc.tuple(pick(['\ufeff', '\ufeff\ufeff', '']), hostileText).map(([bom, t]) => utf8.encode(bom + t)),
  fc
    .tuple(hostileText, fc.array(fc.tuple(fc.nat(), invalidUtf8), { minLength: 1, maxLength: 3 }))
    .map(([t, splices]) => {
      let bytes = utf8.encode(t);
      for (const [at, bad] of splices) {
        const i = at % (bytes.length + 1);
        bytes = Uint8Array.from([...bytes.subarray(0, i), ...bad, ...bytes.subarray(i)]);
      }
      return bytes;
    }),
  fc.tuple(hostileText, fc.nat()).map(([t, n]) => {
    const bytes = utf8.encode(t);
    return bytes.subarray(0, n % (bytes.length + 1));
  }),
  fc
    .tuple(
      pick([
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xef, 0xbb, 0xbf],
      ]),
      fc.uint8Array({ maxLength: 200 }),
    )
    .map(([head, rest]) => Uint8Array.from([...head, ...rest])),
  fc.uint8Array({ maxLength: 2000 }),
);

// ---- JSON lines -------------------------------------------------------------------------------

/** A value where a JSON-lines field should hold a string. */
const fieldValue = fc.oneof(
  { arbitrary: hostileText, weight: 4 },
  { arbitrary: pick(['2024-04-12', '2024-02-30', '12/04/2024', '']), weight: 1 },
  {
    arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.nat(), { maxLength: 2 })),
    weight: 1,
  },
);

/** One line of a JSON-lines file: an article record, a broken one, or not JSON at all. */
export const jsonLine: fc.Arbitrary<Uint8Array> = fc.oneof(
  {
    arbitrary: fc
      .record(
        {
          text: fieldValue,
          title: fieldValue,
          url: fieldValue,
          source: fieldValue,
          id: fieldValue,
          publishedAt: fieldValue,
          extra: fc.anything({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((record) => utf8.encode(JSON.stringify(record) ?? '')),
    weight: 6,
  },
  { arbitrary: fc.json({ maxDepth: 3 }).map((j) => utf8.encode(j)), weight: 1 },
  { arbitrary: hostileText.map((t) => utf8.encode(t.replace(/\n/g, ' '))), weight: 1 },
  {
    arbitrary: fc
      .tuple(hostileText, invalidUtf8)
      .map(([t, bad]) =>
        Uint8Array.from([...utf8.encode(JSON.stringify({ text: t }).slice(0, -2)), ...bad, 0x22, 0x7d]),
      ),
    weight: 1,
  },
  {
    arbitrary: fc.uint8Array({ maxLength: 100 }).map((b) => b.map((x) => (x === 0x0a ? 0x20 : x))),
    weight: 1,
  },
  {
    arbitrary: pick(['', '   ', '\t', '\r', '{', '{"text":', '[]', 'null', '"text"']).map((s) =>
      utf8.encode(s),
    ),
    weight: 1,
  },
);

/** A JSON-lines file: lines joined by \n or \r\n, maybe a BOM, maybe cut short. */
export const jsonLinesFile: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.array(jsonLine, { maxLength: 20 }),
    pick(['\n', '\r\n']),
    fc.boolean(),
    fc.option(fc.nat()),
    fc.boolean(),
  )
  .map(([lines, eol, bom, cut, finalEol]) => {
    const parts: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
    lines.forEach((line, i) => {
      parts.push(...line);
      if (i < lines.length - 1 || finalEol) parts.push(...utf8.encode(eol));
    });
    const bytes = Uint8Array.from(parts);
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

// ---- HTTP parameters --------------------------------------------------------------------------

/** A query-string or path value an API must refuse or answer, never crash on. */
export const hostileParameter: fc.Arbitrary<string> = fc.oneof(
  hostileText.map((t) => t.slice(0, 200)),
  anyString,
  pick([
    '',
    ' ',
    '-1',
    '0',
    '1e309',
    'NaN',
    'Infinity',
    '0x10',
    '9007199254740993',
    '2024-02-30',
    '2024-13-01',
    '../../etc/passwd',
    '%00',
    '%',
    '%E0%A4%A',
    "' OR 1=1 --",
    '"',
    '\\',
    '*',
    'NEAR(',
    'per:sergey-lavrov',
    'a'.repeat(10_000),
  ]),
);
