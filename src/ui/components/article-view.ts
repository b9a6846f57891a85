// The reader: an article's text with its mentions marked, beside a panel of what was extracted from
// it (events, quotes, figures), each of which shows its evidence in the text. Used for stored articles
// and for texts analysed on the fly.
//
// The article text is hostile input: it is only ever placed with text nodes (h() children), cut at
// the analysis' UTF-16 offsets. Mentions are marked by type with a colour, an underline style and a
// type badge (CSS), so colour is never the only cue.

import {
  ENTITY_TYPES,
  type EntityRef,
  type Figure,
  type Mention,
  type Quote,
  type Span,
} from '../../core/doc.ts';
import type { AnalysisJson } from '../api.ts';
import type { PageContext } from '../context.ts';
import { type Child, h, uniqueId } from '../dom.ts';
import { entityName, excerpt, formatNumber } from '../format.ts';
import { entityTypeLabel, quoteKindLabel, unitLabel } from '../i18n.ts';
import { buildTextTree, spanAt, spanBoundaries, type TextNode } from '../text-tree.ts';
import { eventLines } from './event-view.ts';
import { createMentionTooltip } from './mention-tooltip.ts';

interface Leaf {
  readonly start: number;
  readonly end: number;
  readonly element: HTMLElement;
}

/** A part of the text to mark: the evidence (a sentence, a quote) or its key words (the trigger). */
interface Mark extends Span {
  readonly strong: boolean;
}

export function articleView(ctx: PageContext, analysis: AnalysisJson, header: Child): HTMLElement {
  const text = analysis.article.text;
  // A layer no stage had produced when the article was stored is absent (docs/ANALYSIS.md): none.
  const {
    sentences = [],
    mentions = [],
    entities: linked = [],
    events = [],
    quotes = [],
    figures = [],
  } = analysis as Partial<AnalysisJson>;
  const entities = new Map<string, EntityRef>(linked.map((e) => [e.id, e]));
  ctx.entities.remember(linked);

  const cuts = [
    ...spanBoundaries(sentences),
    ...events.flatMap((e) => spanBoundaries([e.evidence, e.trigger])),
    ...quotes.flatMap((q) => spanBoundaries([q, q.cue])),
    ...spanBoundaries(figures),
  ];
  const leaves: Leaf[] = [];
  const textBox = h('div', {
    class: 'article-text',
    dir: 'rtl',
    lang: 'ar',
    'data-testid': 'article-text',
    id: uniqueId('article-text'),
  });

  function renderNodes(parent: HTMLElement, nodes: readonly TextNode[]): void {
    for (const node of nodes) {
      if (node.kind === 'text') {
        const element = h('span', { class: 'leaf' }, text.slice(node.start, node.end));
        leaves.push({ start: node.start, end: node.end, element });
        parent.append(element);
      } else {
        const mention = mentions[node.mention]!;
        const element = mentionElement(mention, entities.get(mention.entity ?? ''));
        renderNodes(element, node.children);
        parent.append(element);
      }
    }
  }

  const tooltip = createMentionTooltip(ctx, textBox, (id) => entities.get(id));
  // After the tooltip: every mention points at it (aria-describedby).
  renderNodes(textBox, buildTextTree(text.length, mentions, cuts));
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let marked: HTMLElement[] = [];

  /** Marks the spans in the text, scrolls the first into view and says what it marked. */
  function show(marks: readonly Mark[]): void {
    for (const element of marked) element.classList.remove('is-marked', 'is-marked-strong');
    marked = [];
    // Leaves were collected in text order, so the first one marked is the one to scroll to.
    for (const leaf of leaves) {
      const covering = marks.filter((mark) => leaf.start >= mark.start && leaf.end <= mark.end);
      if (covering.length === 0) continue;
      leaf.element.classList.add(covering.some((mark) => mark.strong) ? 'is-marked-strong' : 'is-marked');
      marked.push(leaf.element);
    }
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    marked[0]?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    const evidence = marks[0];
    announcer.textContent = evidence
      ? ctx.t('highlighted', { text: excerpt(text.slice(evidence.start, evidence.end), 200) })
      : '';
  }

  const party = (id: string) => {
    const entity = entities.get(id);
    return h('span', { dir: 'auto' }, entity ? entityName(entity, ctx.lang) : id);
  };

  const panel = h(
    'aside',
    { class: 'reader__panel', 'aria-label': ctx.t('panelTitle'), 'data-testid': 'article-panel' },
    h('h2', null, ctx.t('panelTitle')),
    panelSection(
      ctx.t('panelEvents'),
      events.map((event) =>
        panelItem('event', eventLines(ctx, event, party), () =>
          show([
            { ...event.evidence, strong: false },
            { ...event.trigger, strong: true },
          ]),
        ),
      ),
    ),
    panelSection(
      ctx.t('panelQuotes'),
      quotes.map((quote) =>
        panelItem('quote', quoteLines(quote), () =>
          show([
            { start: quote.start, end: quote.end, strong: false },
            { ...quote.cue, strong: true },
          ]),
        ),
      ),
    ),
    panelSection(
      ctx.t('panelFigures'),
      figures.map((figure) => {
        const sentence = spanAt(sentences, figure.start);
        return panelItem('figure', figureLines(figure), () =>
          show([
            ...(sentence ? [{ ...sentence, strong: false }] : []),
            { start: figure.start, end: figure.end, strong: true },
          ]),
        );
      }),
    ),
  );

  function mentionElement(mention: Mention, entity: EntityRef | undefined): HTMLElement {
    const linked = entity !== undefined;
    return h('span', {
      class: `mention type-${mention.type}`,
      'data-type': mention.type,
      'data-testid': 'mention',
      'data-entity': mention.entity ?? undefined,
      'data-via': mention.via,
      tabindex: 0,
      role: linked ? 'link' : undefined,
      'aria-describedby': tooltip.id,
    });
  }

  function quoteLines(quote: Quote): Child[] {
    return [
      h(
        'span',
        { class: 'event__head' },
        h('span', { class: 'badge' }, quoteKindLabel(ctx.t, quote.kind)),
        quote.speaker ? party(quote.speaker) : h('span', { class: 'muted' }, ctx.t('speakerUnknown')),
      ),
      h(
        'span',
        { class: 'quote__text', lang: 'ar', dir: 'rtl' },
        `«${excerpt(text.slice(quote.start, quote.end), 120)}»`,
      ),
    ];
  }

  function figureLines(figure: Figure): Child[] {
    const words = [figure.noun, figure.currency].filter(Boolean).join(' ');
    return [
      h(
        'span',
        { class: 'event__head' },
        h('strong', { class: 'figure__value' }, formatNumber(ctx.lang, figure.value)),
        figure.unit ? h('span', { class: 'badge' }, unitLabel(ctx.t, figure.unit)) : null,
        words ? h('span', { lang: 'ar', dir: 'rtl' }, words) : null,
      ),
      h(
        'span',
        { class: 'quote__text', lang: 'ar', dir: 'rtl' },
        excerpt(text.slice(figure.start, figure.end), 80),
      ),
    ];
  }

  function panelSection(title: string, items: readonly HTMLElement[]): HTMLElement {
    return h(
      'section',
      { class: 'panel-section' },
      h('h3', null, title, ' ', h('span', { class: 'count' }, `(${formatNumber(ctx.lang, items.length)})`)),
      items.length > 0
        ? h('ul', { class: 'panel-list' }, items)
        : h('p', { class: 'note note--empty' }, ctx.t('none')),
    );
  }

  function panelItem(
    kind: 'event' | 'quote' | 'figure',
    lines: readonly Child[],
    onShow: () => void,
  ): HTMLElement {
    return h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'panel-item',
          'data-testid': 'panel-item',
          'data-kind': kind,
          'aria-controls': textBox.id,
          title: ctx.t('showInText'),
          onclick: onShow,
        },
        lines,
      ),
    );
  }

  const article = h(
    'article',
    { class: 'reader__article' },
    header,
    legend(ctx),
    h('h2', { class: 'visually-hidden' }, ctx.t('articleText')),
    textBox,
  );
  return h('div', { class: 'reader' }, article, panel, tooltip.element, announcer);
}

/** What each mention style means, in words. */
function legend(ctx: PageContext): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': ctx.t('mentionsLegend') },
    ENTITY_TYPES.map((type) =>
      h(
        'li',
        null,
        h('span', { class: `mention type-${type}`, 'data-type': type }, entityTypeLabel(ctx.t, type)),
      ),
    ),
  );
}
