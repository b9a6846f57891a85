// The card a mention shows on hover or focus: the canonical entity's Arabic and English names, its
// type and how the mention was linked. One card per reader, moved to the mention in question; the
// mentions also act as links to their entity's page on click or Enter.

import type { EntityRef } from '../../core/doc.ts';
import type { PageContext } from '../context.ts';
import { h, replaceContent, uniqueId } from '../dom.ts';
import { entityTypeLabel, viaLabel } from '../i18n.ts';
import { entityHref } from '../route.ts';

export interface MentionTooltip {
  readonly id: string;
  readonly element: HTMLElement;
}

/**
 * Wires the mentions inside `textBox` (by event delegation) to one tooltip. The tooltip is placed
 * in the positioned `.reader` around the text (element.style, which a strict CSP allows).
 */
export function createMentionTooltip(
  ctx: PageContext,
  textBox: HTMLElement,
  entityOf: (id: string) => EntityRef | undefined,
): MentionTooltip {
  const id = uniqueId('mention-tooltip');
  const element = h('div', {
    id,
    role: 'tooltip',
    class: 'tooltip',
    'data-testid': 'mention-tooltip',
    hidden: true,
  });
  let current: HTMLElement | null = null;

  const mentionOf = (target: EventTarget | null) =>
    target instanceof Element ? (target.closest('.mention') as HTMLElement | null) : null;

  function show(mention: HTMLElement): void {
    current = mention;
    const entityId = mention.dataset.entity;
    const entity = entityId ? entityOf(entityId) : undefined;
    const type = entity?.type ?? mention.dataset.type ?? '';
    replaceContent(
      element,
      entity
        ? [
            h('span', { class: 'tooltip__ar', lang: 'ar', dir: 'rtl' }, entity.name.ar),
            entity.name.en
              ? h('span', { class: 'tooltip__en', lang: 'en', dir: 'ltr' }, entity.name.en)
              : null,
          ]
        : h('span', { class: 'tooltip__ar', lang: 'ar', dir: 'rtl' }, mention.textContent ?? ''),
      h(
        'span',
        { class: 'tooltip__meta' },
        entityTypeLabel(ctx.t, type),
        entity && mention.dataset.via ? ` · ${viaLabel(ctx.t, mention.dataset.via)}` : null,
        entity ? null : ` · ${ctx.t('notLinked')}`,
      ),
      entity ? h('span', { class: 'tooltip__id', dir: 'ltr' }, entity.id) : null,
    );
    element.hidden = false;
    place(mention);
  }

  function hide(): void {
    current = null;
    element.hidden = true;
  }

  /** Below the mention, kept inside the reader horizontally. */
  function place(mention: HTMLElement): void {
    const box = element.offsetParent ?? element.parentElement;
    if (!box) return;
    const outer = box.getBoundingClientRect();
    const rect = mention.getBoundingClientRect();
    const width = element.offsetWidth;
    const left = Math.min(Math.max(0, rect.left - outer.left), Math.max(0, outer.width - width));
    element.style.left = `${Math.round(left)}px`;
    element.style.top = `${Math.round(rect.bottom - outer.top + 6)}px`;
  }

  function follow(mention: HTMLElement): void {
    const entityId = mention.dataset.entity;
    // Selecting text inside a mention is not a click on it.
    if (!entityId || (window.getSelection()?.toString() ?? '') !== '') return;
    window.location.hash = entityHref(entityId);
  }

  textBox.addEventListener('mouseover', (event) => {
    const mention = mentionOf(event.target);
    if (mention && mention !== current) show(mention);
  });
  textBox.addEventListener('mouseout', (event) => {
    const to = mentionOf(event.relatedTarget);
    if (to) {
      if (to !== current) show(to);
    } else if (document.activeElement !== current) hide();
  });
  textBox.addEventListener('focusin', (event) => {
    const mention = mentionOf(event.target);
    if (mention) show(mention);
  });
  textBox.addEventListener('focusout', () => hide());
  textBox.addEventListener('click', (event) => {
    const mention = mentionOf(event.target);
    if (mention) follow(mention);
  });
  textBox.addEventListener('keydown', (event) => {
    const mention = mentionOf(event.target);
    if (!mention) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      follow(mention);
    } else if (event.key === 'Escape') hide();
  });
  return { id, element };
}
