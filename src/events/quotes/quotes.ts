// Quotes and their speakers: what an article says someone said, word for word or reported.
//
// Direct speech is quoted text (“…”، «…»، "…"; to the paragraph's end when the closing mark is
// missing) introduced by a speech verb: وقال لافروف: “…” — the verb, its subject, usually a colon, then
// the quotation — or followed by one: “…”، قال لافروف. A colon after a speech verb and its subject
// with no quotation marks (وأضاف: نحن مستعدون …) quotes the rest of the sentence, also as direct
// speech. Quoted text with no cue is a name or a title (بطاقات “مير”), not a quote; so is quoted text
// inside the subject slot that goes on into more words (ذكرت صحيفة “إزفستيا” أن …).
//
// Reported speech is a speech verb, its subject, and a complementiser (قال إن، أكد أن، أشار إلى أنه،
// أفاد بأن، شدد على أن), or an attribution (وفقاً لـ X، بحسب X، نقلاً عن X، على لسان X), or وجاء في
// (بيان …) أن. The complementiser must come within 20 words of the verb, in its sentence, before any
// other speech verb or clause break. The reported clause runs from after the complementiser (with its
// pronoun: إنها دعت → دعت) to the end of the clause:
//   - the end of the sentence, or
//   - a clause break: a comma, semicolon or dash before a word with the conjunction و/ف (، وكرم …،
//     وفي وقت سابق …) or an opener (من جانبه، في المقابل، بدوره، بينما) — but not before وأن/وإن,
//     which go on with the same speech, nor before و + a relative pronoun (، والذي …), or
//   - the next speech cue: an attribution, a participle (مضيفاً أن), or a speech verb after a comma
//     or with a conjunction (… وأضاف أن). A bare verb inside the clause is nested speech and stays.
// An attribution reports the rest of the sentence after its source and the comma (وفقاً لـ X، فإن Y:
// Y, with فإن left out); when the source ends the sentence (Y، بحسب X.) it reports the clause before.
// Spans leave out the marks, the complementiser, surrounding spaces and closing punctuation.
//
// The speaker is resolved as speaker.ts describes: the subject after the verb, a name right before
// it, else (a pronoun subject) the nearest earlier speaker in this sentence and the two before; for
// an attribution, the source it names; for وجاء في بيان X, X. It is the entity id of a person or
// organisation mention — or of a state heading the subject (قالت روسيا إن) — and null when the
// subject names none that is linked (قال مسؤول أمريكي إن): an unnamed subject is never guessed.

import type { Quote, Span } from '../../core/doc.ts';
import { QuoteContext, type QuoteInput } from './context.ts';
import { type Cue, findCues } from './cues.ts';
import { isComplementiser, isJoinedComplementiser } from './lexicon.ts';
import { MARKS, pairQuotationMarks, type QuotedSpan } from './marks.ts';
import { pronounSpeaker, sourceSpeaker, subjectAfter, subjectBefore } from './speaker.ts';

export type { QuoteInput } from './context.ts';

/** How far after a speech verb its complementiser, colon or quotation may come. */
const MAX_SUBJECT_WORDS = 20;

interface Reading {
  readonly kind: Quote['kind'];
  readonly content: Span;
  /** The quoted span used, if any. */
  readonly marks?: QuotedSpan;
  /** Tokens [from, to) of the verb's subject slot. */
  readonly subject: { readonly from: number; readonly to: number };
}

class QuoteFinder {
  private readonly ctx: QuoteContext;
  private readonly marks: Map<number, QuotedSpan>;
  private readonly byClose = new Map<number, QuotedSpan>();
  private readonly cues: Cue[];
  private readonly cueAt = new Map<number, Cue>();
  private readonly claimed = new Set<QuotedSpan>();
  readonly found: Quote[] = [];

  constructor(doc: QuoteInput) {
    this.ctx = new QuoteContext(doc);
    this.marks = pairQuotationMarks(this.ctx.text, this.ctx.tokens);
    for (const span of this.marks.values()) if (span.close !== null) this.byClose.set(span.close, span);
    this.cues = findCues(this.ctx, this.marks);
    for (const cue of this.cues) this.cueAt.set(cue.first, cue);
  }

  run(): Quote[] {
    for (const cue of this.cues) {
      // Speech verbs inside a quotation belong to the quoted speaker's words.
      if (this.found.some((q) => q.kind === 'direct' && cue.span.start >= q.start && cue.span.start < q.end))
        continue;
      const quote = cue.kind === 'attribution' ? this.attribution(cue) : this.speech(cue);
      if (!quote || quote.end <= quote.start) continue;
      // The same words read from a second cue (وأشارت مصادر، حسبما أوردت الصحيفة، إلى أن …) are one
      // quote; a quote inside another one's words whose cue is inside them too is nested speech.
      const inside = (q: Quote, at: number) => at >= q.start && at < q.end;
      if (
        this.found.some(
          (q) =>
            q.start < quote.end &&
            q.end > quote.start &&
            !inside(q, quote.cue.start) &&
            !inside(quote, q.cue.start),
        )
      )
        continue;
      this.found.push(quote);
    }
    return this.found.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** A speech verb, participle or وجاء في: what follows it, then who speaks. */
  private speech(cue: Cue): Quote | null {
    const reading = this.readAfterVerb(cue);
    if (!reading) return null;
    if (reading.marks) this.claimed.add(reading.marks);
    const { from, to } = reading.subject;
    let speaker: string | null;
    if (cue.kind === 'statement') speaker = sourceSpeaker(this.ctx, from, Math.min(to, from + 3));
    else if (cue.kind === 'participle') speaker = pronounSpeaker(this.ctx, cue.first, this.found);
    else {
      const subject = subjectAfter(this.ctx, from, to);
      speaker = subject.explicit
        ? subject.speaker
        : (subjectBefore(this.ctx, cue.first) ?? pronounSpeaker(this.ctx, cue.first, this.found));
    }
    return { ...reading.content, speaker, kind: reading.kind, cue: cue.span };
  }

  private readAfterVerb(cue: Cue): Reading | null {
    const ctx = this.ctx;
    const end = ctx.sentenceEnd(cue.first);
    const from = cue.last + 1;
    let words = 0;
    let i = from;
    for (; i < end; i++) {
      if (ctx.isWord(i) && ++words > MAX_SUBJECT_WORDS) break;
      const span = this.marks.get(i);
      if (span) {
        if (this.claimed.has(span)) break;
        // In the subject slot (no colon before it), a quotation of three words or more is speech when
        // it ends the sentence, or when a comma follows it that no إن/أن comes after; anything else is a
        // quoted name (ذكرت صحيفة “إزفستيا” أن …، أوردت “عكاظ”، أن …، على موقع “تويتر”.): read on. An
        // unclosed one is not speech.
        if (span.close === null) break;
        const after = span.after;
        const next = ctx.isClausePunct(after) ? after + 1 : after;
        const closes =
          after >= end || ctx.isFinal(after) || (ctx.isClausePunct(after) && !ctx.isComplementiserAt(next));
        if (closes && span.words >= 3) return this.direct(span, from, i);
        i = after - 1;
        continue;
      }
      if (ctx.isPunct(i, ':')) {
        const quoted = this.marks.get(i + 1);
        if (quoted) return this.claimed.has(quoted) ? null : this.direct(quoted, from, i);
        const content = this.trim(i + 1, this.clauseEnd(i + 1, end, true));
        return content ? { kind: 'direct', content, subject: { from, to: i } } : null;
      }
      if (ctx.isComplementiserAt(i)) {
        const quoted = this.marks.get(i + 1);
        if (quoted && !this.claimed.has(quoted) && this.endsSpeech(quoted, end))
          return this.direct(quoted, from, i);
        const content = this.trim(i + 1, this.clauseEnd(i + 1, end));
        return content ? { kind: 'reported', content, subject: { from, to: i } } : null;
      }
      if (i > from && ctx.isSpeechVerb(i)) break;
      if (ctx.isClausePunct(i) && (ctx.opensClause(i + 1) || ctx.isSpeechVerb(i + 1))) break;
    }
    // “…”، قال لافروف: the quotation before the verb.
    let before = cue.first - 1;
    if (ctx.isClausePunct(before)) before--;
    const quoted = this.quotationBefore(before);
    return quoted ? this.direct(quoted, from, i) : null;
  }

  /** An unclaimed quotation that closes at token `close` and opens its clause (not اسمها “مير”، قال). */
  private quotationBefore(close: number): QuotedSpan | null {
    const quoted = this.byClose.get(close);
    if (!quoted || this.claimed.has(quoted)) return null;
    const open = quoted.open;
    const opensClause =
      open === this.ctx.sentenceFirst(open) ||
      this.ctx.isPunct(open - 1, ':') ||
      this.ctx.clauseStart(open) === open ||
      (this.ctx.isClausePunct(open - 1) && !this.ctx.isWord(open - 2));
    return opensClause ? quoted : null;
  }

  /** Whether a quotation closes its clause: the sentence ends or a clause mark follows it. */
  private endsSpeech(span: QuotedSpan, sentenceEnd: number): boolean {
    const after = span.after;
    return (
      span.close === null || after >= sentenceEnd || this.ctx.isFinal(after) || this.ctx.isClausePunct(after)
    );
  }

  private direct(span: QuotedSpan, from: number, to: number): Reading {
    return {
      kind: 'direct',
      content: { start: span.start, end: span.end },
      marks: span,
      subject: { from, to },
    };
  }

  /** وفقاً لـ X، Y · Y، بحسب X. */
  private attribution(cue: Cue): Quote | null {
    const ctx = this.ctx;
    const source = cue.source!;
    const speaker = sourceSpeaker(ctx, source.from, source.to);
    const end = ctx.sentenceEnd(cue.first);
    let k = source.to;
    const opensNew = (i: number) => ctx.opensClause(i) || this.cueAt.has(i);
    if (k < end && !ctx.isFinal(k) && !(ctx.isClausePunct(k) && opensNew(k + 1))) {
      if (ctx.isPunct(k)) k++;
      if (isComplementiser(ctx.key(k)) || isJoinedComplementiser(ctx.key(k))) k++;
      const content = this.trim(k, this.clauseEnd(k, end));
      return content ? { ...content, speaker, kind: 'reported', cue: cue.span } : null;
    }
    // The source closes the clause: what it reports comes before it.
    const first = ctx.sentenceFirst(cue.first);
    let last = cue.first - 1;
    while (last >= first && ctx.isClausePunct(last)) last--;
    if (last < first) return null;
    const quoted = this.quotationBefore(last);
    if (quoted) {
      this.claimed.add(quoted);
      return { start: quoted.start, end: quoted.end, speaker, kind: 'direct', cue: cue.span };
    }
    let start = last;
    while (start > first && !(ctx.isClausePunct(start - 1) && opensNew(start))) start--;
    const content = this.trim(start, last + 1);
    if (!content || this.found.some((q) => q.start < content.end && q.end > content.start)) return null;
    return { ...content, speaker, kind: 'reported', cue: cue.span };
  }

  /**
   * The end (token, exclusive) of the clause that starts at token `from`; with `cuesOnly`, only the next
   * speech cue ends it (an unmarked quotation after a colon). Quoted text is read through whole.
   */
  private clauseEnd(from: number, end: number, cuesOnly = false): number {
    const ctx = this.ctx;
    for (let k = from; k < end; k++) {
      const quoted = this.marks.get(k);
      if (quoted?.close != null) {
        k = quoted.close;
        if (k >= end) end = ctx.sentenceEnd(k);
        continue;
      }
      if (ctx.isFinal(k)) return k;
      if (k === from) continue;
      const cue = this.cueAt.get(k);
      if (cue && (cue.kind !== 'verb' || ctx.hasConjunction(k) || ctx.isClausePunct(k - 1))) return k;
      if (cuesOnly) continue;
      if (ctx.isClausePunct(k) && (ctx.opensClause(k + 1) || this.cueAt.has(k + 1))) return k;
    }
    return end;
  }

  /**
   * The text of tokens [from, to) without leading or trailing punctuation; brackets and the marks of
   * quotations wholly inside stay, stray quotation marks go.
   */
  private trim(from: number, to: number): Span | null {
    const ctx = this.ctx;
    let first = from;
    let last = to - 1;
    const stray = (i: number) => {
      if (!ctx.isPunct(i, MARKS)) return false;
      const opened = this.marks.get(i);
      const closed = this.byClose.get(i);
      return !(opened && opened.close !== null && opened.close <= last) && !(closed && closed.open >= first);
    };
    const edge = (i: number) => ctx.isClausePunct(i) || ctx.isPunct(i, ':') || stray(i);
    while (first <= last && edge(first)) first++;
    while (last >= first && (edge(last) || ctx.isFinal(last))) last--;
    if (last < first) return null;
    return { start: ctx.tokens[first]!.start, end: ctx.tokens[last]!.end };
  }
}

/** The quotes of a document, in text order, each with its speaker's entity id or null. Pure. */
export function findQuotes(doc: QuoteInput): Quote[] {
  return new QuoteFinder(doc).run();
}
