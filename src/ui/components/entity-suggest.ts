// Suggestions for a field that takes an entity id: as the analyst types a name (Arabic or English),
// a <datalist> offers matching stored entities, whose id then fills the field.

import type { PageContext } from '../context.ts';
import { h, replaceContent, uniqueId } from '../dom.ts';
import { entityName } from '../format.ts';
import { entityTypeLabel } from '../i18n.ts';

const DELAY_MS = 200;

/** The datalist to place beside `input` (its `list` attribute is set here). */
export function entitySuggestions(
  ctx: PageContext,
  input: HTMLInputElement,
  type?: string,
): HTMLDataListElement {
  const list = h('datalist', { id: uniqueId('suggest') });
  input.setAttribute('list', list.id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || q === asked) return;
    timer = setTimeout(() => {
      asked = q;
      ctx.api.entities({ q, ...(type && { type }), limit: 10 }, ctx.signal).then(
        (page) => {
          if (ctx.signal.aborted || input.value.trim() !== q) return;
          ctx.entities.remember(page.items.map((item) => item.entity));
          replaceContent(
            list,
            page.items.map(({ entity }) =>
              h(
                'option',
                { value: entity.id },
                `${entityName(entity, ctx.lang)} · ${entityTypeLabel(ctx.t, entity.type)}`,
              ),
            ),
          );
        },
        () => {}, // suggestions are a convenience: a failed lookup leaves the field as typed
      );
    }, DELAY_MS);
  });
  return list;
}
