// Loading and error notes, and sections whose content arrives later: each section of a page loads on
// its own, so one slow or failing request never blanks the rest of the page.

import { ApiError, isAbort } from '../api.ts';
import type { PageContext } from '../context.ts';
import { type Attrs, type Child, h, replaceContent } from '../dom.ts';

export function loadingNote(ctx: PageContext): HTMLElement {
  return h('p', { class: 'note note--loading', 'data-testid': 'loading', role: 'status' }, ctx.t('loading'));
}

export function errorNote(ctx: PageContext, error: unknown): HTMLElement {
  const detail =
    error instanceof ApiError
      ? `${error.message} [${error.code}]`
      : error instanceof Error
        ? error.message
        : String(error);
  return h(
    'div',
    { class: 'note note--error', role: 'alert', 'data-testid': 'error' },
    h('strong', null, ctx.t('errorTitle')),
    ' ',
    h('span', { dir: 'auto' }, detail),
  );
}

export function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'note note--empty' }, text);
}

/**
 * A `<section>` with a heading whose body is `load()`'s result, a loading note until then, or an
 * error note. Nothing happens when the page was left before the answer (the signal aborted).
 */
export function asyncSection(
  ctx: PageContext,
  heading: string,
  attrs: Attrs,
  load: () => Promise<Child>,
): HTMLElement {
  const body = h('div', { class: 'section__body', 'aria-busy': 'true' }, loadingNote(ctx));
  const section = h('section', { class: 'section', ...attrs }, h('h2', null, heading), body);
  fillLater(ctx, body, load);
  return section;
}

/** Fills `target` with `load()`'s result once it arrives (errors shown in place). */
export function fillLater(ctx: PageContext, target: Element, load: () => Promise<Child>): void {
  load().then(
    (content) => {
      if (ctx.signal.aborted) return;
      target.removeAttribute('aria-busy');
      replaceContent(target, content);
    },
    (error: unknown) => {
      if (ctx.signal.aborted || isAbort(error)) return;
      target.removeAttribute('aria-busy');
      replaceContent(target, errorNote(ctx, error));
    },
  );
}
