// The invariants every analysis keeps, whatever text went in (core/doc.ts, docs/ANALYSIS.md): each
// span lies inside the text with start < end, a mention's text is the slice it points at, a word's
// segments tile its token, no span cuts a surrogate pair in two, tokens and sentences run in order without overlapping, and every linked
// mention's entity is listed once. The fuzz tests hold the analyzer to them; anything that hands
// out analysis JSON (the store, the API) can check what it returns the same way.

import type { AnalysisJson } from './contract.ts';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Every broken invariant of `json`, as one line each; empty when it holds them all. */
export function contractViolations(json: AnalysisJson): string[] {
  const text = json.article.text;
  const out: string[] = [];
  const span = (what: string, s: Span) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length)
      out.push(`${what} [${s.start}, ${s.end}) lies outside the text (length ${text.length})`);
    else if (s.start >= s.end) out.push(`${what} [${s.start}, ${s.end}) is empty or reversed`);
    else if (splitsPair(text, s.start) || splitsPair(text, s.end))
      out.push(`${what} [${s.start}, ${s.end}) cuts a surrogate pair in two`);
  };
  const ordered = (what: string, spans: readonly Span[]) => {
    spans.forEach((s, i) => {
      span(`${what} ${i}`, s);
      const before = spans[i - 1];
      if (before !== undefined && s.start < before.end)
        out.push(`${what} ${i} overlaps or precedes ${what} ${i - 1}`);
    });
  };

  ordered('sentence', json.sentences);
  ordered('token', json.tokens);
  for (const w of json.words) {
    const token = json.tokens[w.token];
    if (token === undefined || token.kind !== 'word') {
      out.push(`word of token ${w.token}, which is not a word token`);
      continue;
    }
    let at = token.start;
    for (const s of w.segments) {
      span(`segment of token ${w.token}`, s);
      if (s.start !== at) out.push(`the segments of token ${w.token} do not tile it`);
      at = s.end;
    }
    if (at !== token.end) out.push(`the segments of token ${w.token} stop short of its end`);
  }
  json.numbers.forEach((n, i) => {
    span(`number ${i}`, n);
  });
  const listed = new Set(json.entities.map((e) => e.id));
  if (listed.size !== json.entities.length) out.push('an entity is listed twice');
  json.mentions.forEach((m, i) => {
    span(`mention ${i}`, m);
    if (m.text !== text.slice(m.start, m.end))
      out.push(
        `mention ${i} reads ${JSON.stringify(m.text)}, the text there ${JSON.stringify(text.slice(m.start, m.end))}`,
      );
    if (m.entity !== null && !listed.has(m.entity))
      out.push(`mention ${i} names entity ${m.entity}, not listed`);
  });
  json.dates.forEach((d, i) => {
    span(`date ${i}`, d);
  });
  json.figures.forEach((f, i) => {
    span(`figure ${i}`, f);
  });
  json.events.forEach((e, i) => {
    span(`event ${i} evidence`, e.evidence);
    span(`event ${i} trigger`, e.trigger);
    if (e.trigger.start < e.evidence.start || e.trigger.end > e.evidence.end)
      out.push(`event ${i}'s trigger lies outside its evidence`);
  });
  json.quotes.forEach((q, i) => {
    span(`quote ${i}`, q);
    span(`quote ${i} cue`, q.cue);
  });
  return out;
}

/** Whether offset `at` falls between the two halves of one astral character. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
