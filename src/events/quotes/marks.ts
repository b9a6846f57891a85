// Quotation marks paired into quoted spans. Marks pair within a paragraph, by family: curly (“ ” „ ‟),
// guillemets (« ») and straight ("). Which glyph opens is not trusted (right-to-left text often has
// ” … “ or » … «): the first mark of a family opens and the next of the same family closes; marks of
// another family inside a quoted span are left alone (nested quotes). An opening mark with no closing
// mark before the paragraph ends quotes to the end of the paragraph.

import type { Token } from '../../core/doc.ts';

const FAMILY: Readonly<Record<string, number>> = {
  '“': 1,
  '”': 1,
  '„': 1,
  '‟': 1,
  '«': 2,
  '»': 2,
  '"': 3,
};

/** Every quotation mark the pairing knows. */
export const MARKS = Object.keys(FAMILY).join('');

export interface QuotedSpan {
  /** Token index of the opening mark. */
  readonly open: number;
  /** Token index of the closing mark; null when the paragraph ends first. */
  readonly close: number | null;
  /** The quoted text without the marks, trimmed of spaces. */
  readonly start: number;
  readonly end: number;
  /** Token index just past the span: the token after the closing mark, or after the paragraph's last token. */
  readonly after: number;
  /** Word tokens inside. */
  readonly words: number;
}

const isBreak = (text: string, from: number, to: number) => /[\n\r\u2028\u2029]/.test(text.slice(from, to));

/** Every quoted span of the text, in order; `byOpen` finds one by its opening mark's token. */
export function pairQuotationMarks(text: string, tokens: readonly Token[]): Map<number, QuotedSpan> {
  const byOpen = new Map<number, QuotedSpan>();
  let open: { index: number; family: number } | null = null;
  const finish = (close: number | null, lastInside: number) => {
    if (!open) return;
    const from = tokens[open.index]!.end;
    const to = close === null ? tokens[lastInside]!.end : tokens[close]!.start;
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    let words = 0;
    for (let i = open.index + 1; i <= lastInside; i++) if (tokens[i]!.kind === 'word') words++;
    if (end > start)
      byOpen.set(open.index, {
        open: open.index,
        close,
        start,
        end,
        after: (close ?? lastInside) + 1,
        words,
      });
    open = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (open && i > 0 && isBreak(text, tokens[i - 1]!.end, token.start)) finish(null, i - 1);
    if (token.kind !== 'punct') continue;
    const family = FAMILY[text[token.start]!];
    if (family === undefined) continue;
    if (!open) open = { index: i, family };
    else if (open.family === family) finish(i, i - 1);
  }
  if (open) finish(null, tokens.length - 1);
  return byOpen;
}
