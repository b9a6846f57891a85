// HTML in, one article out: title, publication date and body text, read in one streaming pass with
// htmlparser2 (no DOM). The body is chosen like Readability does it, without a tree: every element
// covers a contiguous run of output lines, so recording the line and character counters when it
// opens and closes is enough to score it and, at the end, to cut its text out.
//
// Hostile input stays linear: no recursion, no per-ancestor loops, and nesting past MAX_DEPTH is
// flattened (htmlparser2's own open-element stack costs O(depth) per tag, quadratic when unbounded).
// The text is the page's text with whitespace runs collapsed, one block per line; offsets in the
// analysis point into this text, not into the HTML.

import { type Handler, Parser } from 'htmlparser2';
import { parseIsoDate } from './article.ts';

export interface ExtractedArticle {
  readonly title?: string;
  /** `YYYY-MM-DD` as the page writes it (the publisher's local date, not converted to UTC). */
  readonly publishedAt?: string;
  /** Body text, one block per line; '' when the page has none. */
  readonly text: string;
}

/** Nesting deeper than this is flattened into the element at this depth (browsers use 512 too). */
const MAX_DEPTH = 512;
/**
 * Elements whose content htmlparser2's tokenizer reads as raw text, whatever the parser decides.
 * They are never flattened: a <script> made void would hand its code to the element around it as
 * text. They cannot hold elements, so they deepen the nesting by one at most.
 */
const RAW_TEXT_TAGS = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'iframe',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
]);
/** Longest class/id string the boilerplate patterns look at. */
const MAX_HINT_CHARS = 300;
/** A "title" longer than this is a page that never closed its <title> or <h1>. */
const MAX_TITLE_CHARS = 1000;
/** Largest JSON-LD block kept for the publication date, and how many of its nodes are visited. */
const MAX_JSON_LD_CHARS = 1 << 20;
const MAX_JSON_LD_NODES = 10_000;

/** Elements whose content is not prose. */
const HIDDEN_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'button',
]);
/** Page furniture around the article. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'dialog', 'menu']);
/** Elements that start and end a line of output. */
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'div',
  'br',
  'blockquote',
  'tr',
  'address',
  'article',
  'section',
  'main',
  'body',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'center',
]);
/** Blocks whose loose text (outside any <p>) counts as paragraph text, for pages that use <br>. */
const CONTAINER_TAGS = new Set(['#root', 'body', 'div', 'td', 'article', 'section', 'main', 'blockquote']);
const CELL_TAGS = new Set(['td', 'th']);
const ARIA_FURNITURE = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'dialog',
  'alert',
]);
/** Tags never dropped for their class or id: a body class such as "category-social" says nothing. */
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);

// A class or id naming comments is dropped whatever else it says; the other patterns only when
// nothing in the same string says "content" (Readability's unlikely/maybe pair).
const COMMENT_HINT = /comment|disqus/i;
const FURNITURE_HINT =
  /(?:^|[^a-z])(?:ads?|advert\w*|adsbygoogle|sponsor\w*|promo\w*|banner|share|sharing|social|newsletter|subscribe|cookies?|gdpr|popup|modal|menu|nav|navbar|breadcrumbs?|sidebar|related|recommend\w*|most-?read|trending|tags?|widget|pagination|pager|footer|masthead|outbrain|taboola)(?:$|[^a-z])/i;
const CONTENT_HINT = /article|body|content|main|story|entry|column/i;

const WHITESPACE_RUN = /[ \t\n\r\f\u00a0]+/g;

/** Meta names (property, name or itemprop) that carry the publication time, best first. */
const DATE_META_RANK = new Map([
  ['article:published_time', 0],
  ['og:article:published_time', 0],
  ['datepublished', 1],
  ['article:published', 1],
  ['publishdate', 1],
  ['publish-date', 1],
  ['pubdate', 1],
  ['parsely-pub-date', 1],
  ['sailthru.date', 1],
  ['dc.date.issued', 1],
  ['dcterms.issued', 1],
  ['date', 2],
]);

/**
 * True when `text` reads as an HTML page rather than plain text: it opens with a tag, a comment or
 * a doctype, or its first kilobyte holds <html>/<body>, or at least two block tags.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 1024);
  if (
    /^\s*(?:<!doctype\s+html|<!--|<(?:html|head|body|article|main|div|p|meta|title|section)[\s/>])/i.test(
      head,
    )
  )
    return true;
  if (/<!doctype\s+html|<(?:html|body)[\s>]/i.test(head)) return true;
  return (head.match(/<\/?(?:p|article|div|br|h[1-6])[\s/>]/gi)?.length ?? 0) >= 2;
}

/** Title, publication date and body text of one HTML page. Never throws on malformed markup. */
export function extractArticle(html: string): ExtractedArticle {
  const collector = new ArticleCollector();
  const parser = new DepthBoundedParser(collector, () => collector.depth);
  parser.end(html);
  return collector.result();
}

/**
 * htmlparser2's Parser with nesting bounded: past MAX_DEPTH a new element is treated as void (it
 * opens and closes at once, its content goes to the element at the limit), while end tags still
 * close the elements that are open. Raw-text elements (RAW_TEXT_TAGS) still open there.
 */
export class DepthBoundedParser extends Parser {
  private overflow = false;
  private closing = false;
  private readonly depth: () => number;

  constructor(handler: Partial<Handler>, depth: () => number) {
    super(handler, { decodeEntities: true });
    this.depth = depth;
  }

  override onopentagname(start: number, endIndex: number): void {
    this.overflow = this.depth() >= MAX_DEPTH;
    super.onopentagname(start, endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.closing = true;
    try {
      super.onclosetag(start, endIndex);
    } finally {
      this.closing = false;
    }
  }

  protected override isVoidElement(name: string): boolean {
    return super.isVoidElement(name) || (this.overflow && !this.closing && !RAW_TEXT_TAGS.has(name));
  }
}

/** One open element. Counters are snapshots taken when it opened. */
interface Frame {
  readonly tag: string;
  /** Inside script, style, svg …: text that is not prose at all. */
  readonly hidden: boolean;
  /** Hidden, or inside page furniture: left out of the body. */
  readonly skip: boolean;
  readonly inLink: boolean;
  /** Inside <svg> or <math>, whose <title> is not the page's. */
  readonly inForeign: boolean;
  /** Inside an <article> or an itemprop=articleBody element. */
  readonly inArticle: boolean;
  /** This element is one of those, and competes as a whole for the body. */
  readonly articleKind: 'article' | 'articleBody' | undefined;
  /** Index in the stack of the nearest block element (itself if it is one). */
  readonly blockAt: number;
  readonly startLine: number;
  readonly startChars: number;
  readonly startLinkChars: number;
  /** Non-link text of this element's <p> children, plus half of its grandchildren's. */
  paragraphScore: number;
}

interface Candidate {
  readonly startLine: number;
  readonly endLine: number;
  readonly score: number;
}

interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

type H1Kind = 'inArticle' | 'inBody';

class ArticleCollector implements Partial<Handler> {
  private readonly stack: Frame[] = [];
  private readonly lines: string[] = [];
  private lineParts: string[] = [];
  private lineEndsInSpace = true;
  /** Characters of body text so far, and how many of them were link text. */
  private chars = 0;
  private linkChars = 0;

  /** Best <article>, best articleBody (by non-link text) and best paragraph cluster. */
  private readonly best = new Map<'article' | 'articleBody' | 'cluster', Candidate>();
  private readonly forms: LineRange[] = [];

  private ogTitle: string | undefined;
  private titleParts: string[] | undefined;
  private pageTitle: string | undefined;
  private h1Parts: string[] | undefined;
  private readonly h1 = new Map<H1Kind, string>();

  private metaDate: { date: string; rank: number } | undefined;
  private readonly jsonLd: string[] = [];
  private jsonLdParts: string[] | undefined;
  private jsonLdChars = 0;
  private timeDate: { date: string; rank: number } | undefined;

  constructor() {
    this.stack.push(this.frame('#root', undefined, false, false, {}));
  }

  /** Open elements, as htmlparser2 counts them. */
  get depth(): number {
    return this.stack.length - 1;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const parent = this.stack.at(-1)!;
    const hidden = parent.hidden || HIDDEN_TAGS.has(name) || isHiddenByAttributes(attribs);
    const skip = parent.skip || hidden || isFurniture(name, attribs);
    if (BLOCK_TAGS.has(name)) this.breakLine();
    else if (CELL_TAGS.has(name)) this.addSpace();
    this.stack.push(this.frame(name, parent, hidden, skip, attribs));

    this.readMetadata(name, attribs, parent);
    if (
      name === 'title' &&
      this.titleParts === undefined &&
      this.pageTitle === undefined &&
      !parent.inForeign
    )
      this.titleParts = [];
    else if (name === 'h1' && this.h1Parts === undefined) this.h1Parts = [];
    else if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
      this.jsonLdParts = [];
      this.jsonLdChars = 0;
    }
  }

  onclosetag(): void {
    if (this.stack.length === 1) return;
    const frame = this.stack.pop()!;
    const { tag } = frame;
    if (BLOCK_TAGS.has(tag)) this.breakLine();
    else if (CELL_TAGS.has(tag)) this.addSpace();

    if (tag === 'title' && this.titleParts) {
      this.pageTitle = titleText(this.titleParts.join(''));
      this.titleParts = undefined;
    } else if (tag === 'h1' && this.h1Parts) {
      this.recordH1(titleText(this.h1Parts.join('')), frame);
      this.h1Parts = undefined;
    } else if (tag === 'script' && this.jsonLdParts) {
      if (this.jsonLdChars <= MAX_JSON_LD_CHARS) this.jsonLd.push(this.jsonLdParts.join(''));
      this.jsonLdParts = undefined;
    }
    if (!frame.skip) this.score(frame);
  }

  ontext(data: string): void {
    const top = this.stack.at(-1)!;
    if (this.titleParts && top.tag === 'title') this.titleParts.push(data);
    if (this.h1Parts && !top.hidden) this.h1Parts.push(data);
    if (this.jsonLdParts && top.tag === 'script') {
      this.jsonLdChars += data.length;
      if (this.jsonLdChars <= MAX_JSON_LD_CHARS) this.jsonLdParts.push(data);
    }
    if (top.skip) return;

    let text = data.replace(WHITESPACE_RUN, ' ');
    if (this.lineEndsInSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') return;
    this.lineParts.push(text);
    this.lineEndsInSpace = text.endsWith(' ');
    this.chars += text.length;
    if (top.inLink) this.linkChars += text.length;
    else {
      // Loose text in a container scores it as a paragraph would its parent (<br>-separated pages).
      const block = this.stack[top.blockAt]!;
      if (CONTAINER_TAGS.has(block.tag)) block.paragraphScore += text.trim().length;
    }
  }

  result(): ExtractedArticle {
    while (this.stack.length > 1) this.onclosetag();
    this.breakLine();
    this.score(this.stack[0]!);
    const body = this.chooseBody() ?? { startLine: 0, endLine: this.lines.length, score: 0 };
    const title = this.ogTitle || this.pageTitle || this.h1.get('inArticle') || this.h1.get('inBody');
    const publishedAt = this.publishedAt();
    return {
      ...(title ? { title } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      text: this.textOf(body),
    };
  }

  private frame(
    tag: string,
    parent: Frame | undefined,
    hidden: boolean,
    skip: boolean,
    attribs: Record<string, string>,
  ): Frame {
    const index = this.stack.length;
    const articleKind =
      attribs.itemprop === 'articleBody' ? 'articleBody' : tag === 'article' ? 'article' : undefined;
    return {
      tag,
      hidden,
      skip,
      inLink: tag === 'a' || (parent?.inLink ?? false),
      inForeign: tag === 'svg' || tag === 'math' || (parent?.inForeign ?? false),
      inArticle: articleKind !== undefined || (parent?.inArticle ?? false),
      articleKind,
      blockAt: parent === undefined || BLOCK_TAGS.has(tag) || CELL_TAGS.has(tag) ? index : parent.blockAt,
      startLine: this.lines.length,
      startChars: this.chars,
      startLinkChars: this.linkChars,
      paragraphScore: 0,
    };
  }

  /** Ends the current line; a line that would be empty is not kept. */
  private breakLine(): void {
    if (this.lineParts.length > 0) {
      const line = this.lineParts.join('').trim();
      if (line !== '') this.lines.push(line);
      this.lineParts = [];
    }
    this.lineEndsInSpace = true;
  }

  private addSpace(): void {
    if (!this.lineEndsInSpace) {
      this.lineParts.push(' ');
      this.lineEndsInSpace = true;
    }
  }

  /** Called as a kept element closes, with the counters now covering all of its text. */
  private score(frame: Frame): void {
    const text = this.chars - frame.startChars;
    const linkText = this.linkChars - frame.startLinkChars;
    // The partial line still open belongs to this element's range (it ends up as the next line).
    const endLine = this.lines.length + (this.lineParts.length > 0 ? 1 : 0);
    const range = { startLine: frame.startLine, endLine };
    if (frame.tag === 'p') {
      const own = text - linkText;
      const parent = this.stack.at(-1)!;
      parent.paragraphScore += own;
      if (this.stack.length > 1) this.stack.at(-2)!.paragraphScore += own / 2;
    }
    if (frame.tag === 'form') this.forms.push(range);
    if (frame.paragraphScore > 0) {
      const density = text > 0 ? linkText / text : 0;
      this.offerCandidate('cluster', { ...range, score: frame.paragraphScore * (1 - density) });
    }
    if (frame.articleKind) this.offerCandidate(frame.articleKind, { ...range, score: text - linkText });
  }

  private offerCandidate(kind: 'article' | 'articleBody' | 'cluster', candidate: Candidate): void {
    if (candidate.score > (this.best.get(kind)?.score ?? 0)) this.best.set(kind, candidate);
  }

  /**
   * The marked-up article (articleBody, then <article>) when it holds at least half as much text
   * as the best paragraph cluster: a teaser <article> beside the real body does not win.
   */
  private chooseBody(): Candidate | undefined {
    const cluster = this.best.get('cluster');
    for (const kind of ['articleBody', 'article'] as const) {
      const marked = this.best.get(kind);
      if (marked && marked.score >= 0.5 * (cluster?.score ?? 0)) return marked;
    }
    return cluster;
  }

  private textOf(body: LineRange): string {
    const keep = new Uint8Array(this.lines.length).fill(1);
    for (const form of this.forms) {
      // A form is furniture unless the article lives inside it (ASP.NET pages wrap everything in one).
      if (form.startLine <= body.startLine && body.endLine <= form.endLine) continue;
      keep.fill(0, form.startLine, form.endLine);
    }
    const out: string[] = [];
    const end = Math.min(body.endLine, this.lines.length);
    for (let i = body.startLine; i < end; i++) if (keep[i]) out.push(this.lines[i]!);
    return out.join('\n');
  }

  private readMetadata(name: string, attribs: Record<string, string>, parent: Frame): void {
    if (name === 'meta') {
      const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
      const content = attribs.content ?? '';
      if (key === 'og:title' && this.ogTitle === undefined) this.ogTitle = titleText(content);
      const rank = DATE_META_RANK.get(key);
      if (rank !== undefined) this.offerDate('meta', content, rank);
      return;
    }
    if (attribs.itemprop === 'datePublished')
      this.offerDate('meta', attribs.content ?? attribs.datetime ?? '', 1);
    // A <time> in page furniture dates a related story or the page's clock, not this article.
    if (name === 'time' && attribs.datetime !== undefined && (parent.inArticle || !parent.skip)) {
      const rank = 'pubdate' in attribs ? 0 : parent.inArticle ? 1 : 2;
      this.offerDate('time', attribs.datetime, rank);
    }
  }

  private offerDate(source: 'meta' | 'time', value: string, rank: number): void {
    const date = isoDatePrefix(value);
    if (date === undefined) return;
    const best = source === 'meta' ? this.metaDate : this.timeDate;
    if (best !== undefined && best.rank <= rank) return;
    if (source === 'meta') this.metaDate = { date, rank };
    else this.timeDate = { date, rank };
  }

  private recordH1(text: string | undefined, frame: Frame): void {
    if (text === undefined) return;
    if (frame.inArticle && !this.h1.has('inArticle')) this.h1.set('inArticle', text);
    if (!frame.skip && !this.h1.has('inBody')) this.h1.set('inBody', text);
  }

  /** article:published_time, then JSON-LD datePublished, then other meta, then <time datetime>. */
  private publishedAt(): string | undefined {
    if (this.metaDate?.rank === 0) return this.metaDate.date;
    return jsonLdDatePublished(this.jsonLd) ?? this.metaDate?.date ?? this.timeDate?.date;
  }
}

function isHiddenByAttributes(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return (
    style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style.slice(0, MAX_HINT_CHARS))
  );
}

function isFurniture(tag: string, attribs: Record<string, string>): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (NEVER_FURNITURE.has(tag) || attribs.itemprop === 'articleBody') return false;
  const role = attribs.role;
  if (role !== undefined && ARIA_FURNITURE.has(role.toLowerCase())) return true;
  const hint = `${(attribs.class ?? '').slice(0, MAX_HINT_CHARS)} ${(attribs.id ?? '').slice(0, MAX_HINT_CHARS)}`;
  if (hint.length < 2) return false;
  if (COMMENT_HINT.test(hint)) return true;
  return FURNITURE_HINT.test(hint) && !CONTENT_HINT.test(hint);
}

/** The text as a one-line title, or undefined when it is empty or too long to be one. */
function titleText(raw: string): string | undefined {
  if (raw.length > 20 * MAX_TITLE_CHARS) return undefined;
  const text = raw.replace(WHITESPACE_RUN, ' ').trim();
  return text !== '' && text.length <= MAX_TITLE_CHARS ? text : undefined;
}

/** The calendar date a timestamp starts with (2024-04-12T10:00:00+03:00 → 2024-04-12), if real. */
function isoDatePrefix(value: string): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return undefined;
  try {
    return parseIsoDate(m[1]!);
  } catch {
    return undefined;
  }
}

/** The first datePublished in the page's JSON-LD blocks, walked without recursion. */
function jsonLdDatePublished(blocks: readonly string[]): string | undefined {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      continue;
    }
    // Breadth first, so a top-level datePublished beats one on a nested item.
    const queue: unknown[] = [data];
    for (let next = 0; next < queue.length && next < MAX_JSON_LD_NODES; next++) {
      const node = queue[next];
      if (node === null || typeof node !== 'object') continue;
      if (!Array.isArray(node)) {
        const value = (node as Record<string, unknown>).datePublished;
        const date = typeof value === 'string' ? isoDatePrefix(value) : undefined;
        if (date) return date;
      }
      for (const child of Object.values(node)) {
        if (queue.length >= MAX_JSON_LD_NODES) break;
        if (child !== null && typeof child === 'object') queue.push(child);
      }
    }
  }
  return undefined;
}
