// RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read in one SAX pass with htmlparser2 in XML mode.
//
// htmlparser2's parseFeed builds a DOM and forgives everything; this reads the same formats but
// also: takes Atom's rel="alternate" link (not whichever <link> comes first), <published> before
// <updated>, RSS content:encoded (the full article) before description, xhtml content, resolves
// relative links; and refuses a malformed document (an element never closed or closed out of
// order, a stray end tag, text or a second element outside the root, nesting deeper than
// MAX_DEPTH) with FEED_MALFORMED, and a page that is not a feed with FEED_NOT_A_FEED.

import { type Handler, Parser } from 'htmlparser2';
import { collapseText, htmlToText } from './html-text.ts';
import { dateOrUndefined, ingestFail } from './item.ts';

export interface FeedEntry {
  /** The entry's article page, absolute. */
  readonly link?: string;
  /** RSS guid or Atom id. */
  readonly id?: string;
  readonly title?: string;
  /** `YYYY-MM-DD` as the feed writes it. */
  readonly publishedAt?: string;
  /** The entry's text, markup removed, one block per line; '' when the entry has none. */
  readonly text: string;
  /** True when `text` is the full article (content:encoded, Atom <content>), not a summary. */
  readonly full: boolean;
}

export interface ParsedFeed {
  readonly kind: 'rss' | 'rdf' | 'atom';
  readonly title?: string;
  readonly entries: readonly FeedEntry[];
}

/** Feeds nest a few levels; xhtml content a few more. Deeper is a hostile or broken document. */
const MAX_DEPTH = 256;

/**
 * True when a document reads as a feed: after an optional XML declaration, comments and doctype,
 * the first element is <rss>, <feed> or <rdf:RDF>.
 */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\]\s*)?>/gi, '');
  return /^\s*<(?:rss|(?:[\w-]+:)?feed|rdf:RDF)[\s>]/.test(head);
}

/**
 * Parses a feed document. `where` names it in errors; `baseUrl` resolves relative links (a feed
 * file has none, and keeps them as written). Throws FEED_MALFORMED or FEED_NOT_A_FEED.
 */
export function parseFeedXml(xml: string, where: string, baseUrl?: string): ParsedFeed {
  const reader = new FeedReader(where, baseUrl);
  const parser = new CheckingParser(reader);
  parser.end(xml);
  return reader.result();
}

interface EntryBuilder {
  fields: Map<string, string>;
  link?: string;
  permalinkGuid?: boolean;
}

/** Entry children whose text is kept, by local name. */
const ENTRY_FIELDS = new Set([
  'title',
  'link',
  'guid',
  'id',
  'pubDate',
  'published',
  'issued',
  'updated',
  'modified',
  'date',
  'description',
  'summary',
  'content',
  'encoded',
]);

class FeedReader implements Partial<Handler> {
  /** Local names of the open elements. */
  readonly stack: string[] = [];
  /** Set by the parser around its own events, to tell a real end tag from an implied one. */
  selfClosing = false;
  ending = false;
  closes = 0;

  private kind: ParsedFeed['kind'] | undefined;
  private rootClosed = false;
  private feedTitle: string | undefined;
  private readonly entries: FeedEntry[] = [];
  private entry: EntryBuilder | undefined;
  private entryDepth = -1;
  /** The entry field being read: its name, type attribute and text so far. */
  private field: { name: string; type: string; parts: string[] } | undefined;
  private titleParts: string[] | undefined;
  /** Inside the internal subset of `<!DOCTYPE rss [ … ]>`, before the root. */
  private inDoctypeSubset = false;

  constructor(
    private readonly where: string,
    private readonly baseUrl: string | undefined,
  ) {}

  onopentag(name: string, attribs: Record<string, string>): void {
    const local = localName(name);
    const depth = this.stack.length;
    if (depth === 0) this.openRoot(name);
    if (depth >= MAX_DEPTH) throw this.malformed(`elements nested deeper than ${MAX_DEPTH}`);
    this.stack.push(local);

    if (this.field) {
      // Markup inside an xhtml field: keep its line structure.
      if (local === 'p' || local === 'div' || local === 'br' || local === 'li') this.field.parts.push('\n');
      return;
    }
    if (this.entry === undefined) {
      if ((local === 'item' || local === 'entry') && depth <= 3) {
        this.entry = { fields: new Map() };
        this.entryDepth = depth + 1;
      } else if (local === 'title' && this.feedTitle === undefined && depth <= 2) this.titleParts = [];
      return;
    }
    if (depth !== this.entryDepth || !ENTRY_FIELDS.has(local)) return;
    if (local === 'link' && attribs.href !== undefined) {
      // Atom: the alternate link (or one without rel) is the article; self, enclosure … are not.
      const rel = attribs.rel ?? 'alternate';
      if (rel === 'alternate' && this.entry.link === undefined) this.entry.link = attribs.href;
      return;
    }
    if (local === 'guid') this.entry.permalinkGuid = attribs.isPermaLink !== 'false';
    if (local === 'content' && attribs.src !== undefined) return;
    this.field = { name: local, type: attribs.type ?? '', parts: [] };
  }

  onclosetag(name: string, isImplied: boolean): void {
    this.closes++;
    if (isImplied && !this.selfClosing)
      throw this.malformed(
        this.ending
          ? `it ends inside <${name}> (cut short?)`
          : `<${name}> is closed by the end tag of an element around it`,
      );
    const depth = this.stack.length - 1;
    this.stack.pop();
    if (depth === 0) this.rootClosed = true;
    if (this.titleParts && depth <= 2) {
      this.feedTitle = textOf(this.titleParts.join(''), 'html');
      this.titleParts = undefined;
    }
    if (!this.entry) return;
    if (this.field && depth === this.entryDepth) {
      this.entry.fields.set(this.field.name, this.fieldText(this.field.name, this.field.type));
      this.field = undefined;
    } else if (depth === this.entryDepth - 1) {
      this.entries.push(this.finishEntry(this.entry));
      this.entry = undefined;
    }
  }

  /**
   * The parser ends a declaration at its first `>`, so an internal subset reaches the reader as
   * `<!DOCTYPE rss [`, more declarations, and text up to its closing `]>`: that text is skipped.
   * The subset's entities are never expanded (only XML's five and numeric references are decoded),
   * so an entity bomb stays inert.
   */
  onprocessinginstruction(name: string, data: string): void {
    if (this.stack.length === 0 && name.toLowerCase() === '!doctype' && /\[[^\]]*$/.test(data))
      this.inDoctypeSubset = true;
  }

  ontext(data: string): void {
    if (this.stack.length === 0) {
      if (this.inDoctypeSubset) {
        if (/\]\s*>/.test(data)) this.inDoctypeSubset = false;
        return;
      }
      if (data.trim() === '') return;
      if (this.kind === undefined) throw ingestFail('FEED_NOT_A_FEED', this.where, 'plain text');
      throw this.malformed('text outside the root element');
    }
    if (this.field) this.field.parts.push(data);
    else if (this.titleParts) this.titleParts.push(data);
  }

  /** Called by the parser for an end tag that matched no open element. */
  strayEndTag(): void {
    throw this.malformed('an end tag without its start tag');
  }

  result(): ParsedFeed {
    if (this.kind === undefined) throw ingestFail('FEED_NOT_A_FEED', this.where, 'empty');
    return {
      kind: this.kind,
      ...(this.feedTitle ? { title: this.feedTitle } : {}),
      entries: this.entries,
    };
  }

  private openRoot(name: string): void {
    if (this.rootClosed) throw this.malformed('a second element after the root');
    if (name === 'rss') this.kind = 'rss';
    else if (name === 'rdf:RDF') this.kind = 'rdf';
    else if (localName(name) === 'feed') this.kind = 'atom';
    else {
      const what = name.toLowerCase() === 'html' ? 'an HTML page' : `an XML document with root <${name}>`;
      throw ingestFail('FEED_NOT_A_FEED', this.where, what);
    }
  }

  private fieldText(name: string, type: string): string {
    const raw = this.field!.parts.join('');
    // RSS text fields hold escaped HTML by custom; Atom says so with type="html"/"xhtml".
    const kind = this.kind === 'atom' ? (type === 'html' || type === 'xhtml' ? 'html' : 'text') : 'html';
    if (name === 'link' || name === 'guid' || name === 'id') return raw.trim();
    return textOf(raw, kind);
  }

  private finishEntry(entry: EntryBuilder): FeedEntry {
    const f = entry.fields;
    const guid = f.get('guid');
    const rawLink =
      entry.link ??
      f.get('link') ??
      (guid && entry.permalinkGuid && /^https?:\/\//i.test(guid) ? guid : undefined);
    const link = rawLink ? this.resolve(rawLink) : undefined;
    const id = guid || f.get('id');
    const title = f.get('title');
    const date = ['published', 'pubDate', 'issued', 'date', 'updated', 'modified']
      .map((key) => dateOrUndefined(f.get(key)))
      .find((d) => d !== undefined);
    const full = f.get('encoded') || f.get('content') || '';
    const text = full || f.get('description') || f.get('summary') || '';
    return {
      ...(link ? { link } : {}),
      ...(id ? { id } : {}),
      ...(title ? { title: title.replace(/\s+/g, ' ') } : {}),
      ...(date ? { publishedAt: date } : {}),
      text,
      full: full !== '',
    };
  }

  private resolve(link: string): string {
    if (this.baseUrl === undefined) return link;
    try {
      return new URL(link, this.baseUrl).href;
    } catch {
      return link;
    }
  }

  private malformed(detail: string) {
    return ingestFail('FEED_MALFORMED', this.where, detail);
  }
}

/** The text of a field: markup (and the entities it was escaped with) removed for html. */
function textOf(raw: string, kind: 'html' | 'text'): string {
  return kind === 'html' ? htmlToText(raw) : collapseText(raw);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The XML parser, telling the reader which end tags were implied and which matched nothing. */
class CheckingParser extends Parser {
  constructor(private readonly reader: FeedReader) {
    super(reader, { xmlMode: true, decodeEntities: true });
  }

  override onselfclosingtag(endIndex: number): void {
    this.reader.selfClosing = true;
    try {
      super.onselfclosingtag(endIndex);
    } finally {
      this.reader.selfClosing = false;
    }
  }

  override onclosetag(start: number, endIndex: number): void {
    const before = this.reader.closes;
    super.onclosetag(start, endIndex);
    if (this.reader.closes === before) this.reader.strayEndTag();
  }

  override onend(): void {
    this.reader.ending = true;
    super.onend();
  }
}
