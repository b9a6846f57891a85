// The readable form of an analysis: what a person at a terminal wants to see first.

import type { Doc, EntityType } from '../core/doc.ts';

const MAX_SENTENCE_CHARS = 100;
const MAX_LISTED = 12;
const TYPE_NAMES: Record<EntityType, string> = {
  PER: 'people',
  ORG: 'organisations',
  LOC: 'places',
  MISC: 'other names',
};

/** Up to MAX_LISTED items joined with ·, and … when there are more. */
const list = (items: readonly string[]) =>
  `${items.slice(0, MAX_LISTED).join(' · ')}${items.length > MAX_LISTED ? ' …' : ''}`;

export function formatSummary(doc: Doc): string {
  const { article, sentences, tokens, words, mentions, entities, dates, figures } = doc;
  const byId = new Map(entities.map((e) => [e.id, e]));
  /** An entity as a reader knows it: English and Arabic names; a mention without one, as written. */
  const label = (m: (typeof mentions)[number]) => {
    const e = m.entity === null ? undefined : byId.get(m.entity);
    if (!e) return m.text;
    return e.name.en ? `${e.name.en} (${e.name.ar})` : e.name.ar;
  };
  const text = article.text;
  const wordCount = words.filter((w) => w !== null).length;
  const segmented = words.filter((w) => w && w.segments.length > 1).length;
  const lines = [
    `article ${article.id}${article.publishedAt ? ` · ${article.publishedAt}` : ''}${article.title ? ` · ${article.title}` : ''}`,
    `${text.length} characters · ${sentences.length} sentences · ${tokens.length} tokens · ${wordCount} words (${segmented} with clitics)`,
  ];
  for (const type of Object.keys(TYPE_NAMES) as EntityType[]) {
    // Each entity once, with how often the article mentions it, most frequent first.
    const counts = new Map<string, number>();
    for (const m of mentions) if (m.type === type) counts.set(label(m), (counts.get(label(m)) ?? 0) + 1);
    if (counts.size === 0) continue;
    const named = [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
    lines.push(`${TYPE_NAMES[type]}: ${list(named)}`);
  }
  const name = (id: string) => {
    const e = byId.get(id);
    return e ? (e.name.en ?? e.name.ar) : id;
  };
  for (const e of doc.events) {
    const who = e.actors.map(name).join(' + ') || '?';
    const whom = e.recipients.length > 0 ? ` → ${e.recipients.map(name).join(' + ')}` : '';
    const where = e.location ? ` in ${name(e.location)}` : '';
    const extra = [e.auxiliary, e.fatalities !== undefined ? `${e.fatalities} killed` : undefined].filter(
      Boolean,
    );
    lines.push(
      `event ${e.type}${e.mode ? `/${e.mode}` : ''}: ${who}${whom}${where}${e.date ? `, ${e.date}` : ''}${extra.length ? ` (${extra.join(', ')})` : ''} «${text.slice(e.trigger.start, e.trigger.end)}»`,
    );
  }
  for (const q of doc.quotes) {
    const said = text.slice(q.start, q.end).replace(/\s+/g, ' ');
    lines.push(
      `quote ${q.kind} ${q.speaker ? name(q.speaker) : '?'}: ${said.length > 80 ? `${said.slice(0, 80)}…` : said}`,
    );
  }
  if (dates.length > 0)
    lines.push(`dates: ${list(dates.map((d) => `${text.slice(d.start, d.end)} = ${d.value}`))}`);
  if (figures.length > 0)
    lines.push(
      `figures: ${list(figures.map((f) => `${text.slice(f.start, f.end)} = ${f.value}${f.unit ? ` (${f.unit})` : ''}`))}`,
    );
  lines.push('');
  sentences.forEach((s, i) => {
    const body = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const short = body.length > MAX_SENTENCE_CHARS ? `${body.slice(0, MAX_SENTENCE_CHARS)}…` : body;
    lines.push(`${String(i + 1).padStart(4)}  [${s.start}–${s.end}]  ${short}`);
  });
  return `${lines.join('\n')}\n`;
}
