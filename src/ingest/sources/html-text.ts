// The text of an HTML fragment (a feed entry's description or content): every word kept, one block
// per line, whitespace runs collapsed, scripts and styles dropped. Unlike extractArticle it chooses
// nothing: a feed entry is all article. Nesting is bounded as in html.ts, so work stays linear.

import type { Handler } from 'htmlparser2';
import { DepthBoundedParser } from '../html.ts';

const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'head',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'table',
  'section',
  'article',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'dd',
  'dt',
]);
const WHITESPACE_RUN = /[ \t\n\r\f\u00a0]+/g;

/** True when `text` holds markup or entities worth an HTML pass. */
export function hasMarkup(text: string): boolean {
  return /<[a-zA-Z!/]|&(?:#\d+|#x[\da-fA-F]+|[a-zA-Z]+);/.test(text);
}

/** The text of an HTML fragment, one block per line. Plain text comes back with whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!hasMarkup(html)) return collapseText(html);
  const collector = new TextCollector();
  const parser = new DepthBoundedParser(collector, () => collector.depth);
  parser.end(html);
  return collector.result();
}

/** Plain text with each line's whitespace runs collapsed and blank lines dropped. */
export function collapseText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(WHITESPACE_RUN, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

class TextCollector implements Partial<Handler> {
  depth = 0;
  private hiddenDepth = 0;
  private readonly lines: string[] = [];
  private line: string[] = [];

  onopentag(name: string): void {
    this.depth++;
    if (this.hiddenDepth > 0 || HIDDEN.has(name)) this.hiddenDepth++;
    if (BLOCKS.has(name)) this.breakLine();
  }

  onclosetag(name: string): void {
    if (this.depth === 0) return;
    this.depth--;
    if (this.hiddenDepth > 0) this.hiddenDepth--;
    if (BLOCKS.has(name)) this.breakLine();
  }

  ontext(data: string): void {
    if (this.hiddenDepth === 0) this.line.push(data);
  }

  result(): string {
    this.breakLine();
    return this.lines.join('\n');
  }

  private breakLine(): void {
    if (this.line.length === 0) return;
    const text = this.line.join('').replace(WHITESPACE_RUN, ' ').trim();
    if (text !== '') this.lines.push(text);
    this.line = [];
  }
}
