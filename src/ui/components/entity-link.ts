// A link to an entity's page named in the UI language. Given only an id, it shows the id at once and
// its name when the entity directory finds one.

import type { EntityRef } from '../../core/doc.ts';
import type { PageContext } from '../context.ts';
import { h } from '../dom.ts';
import { entityName } from '../format.ts';
import { entityTypeLabel } from '../i18n.ts';
import { entityHref } from '../route.ts';

export function entityLink(
  ctx: PageContext,
  entity: EntityRef | string,
  attrs: Record<string, string> = {},
): HTMLElement {
  const id = typeof entity === 'string' ? entity : entity.id;
  const known = typeof entity === 'string' ? ctx.entities.known(id) : entity;
  const link = h('a', {
    href: entityHref(id),
    class: 'entity-link',
    dir: 'auto',
    'data-entity': id,
    ...attrs,
  });
  if (known) name(ctx, link, known);
  else {
    link.textContent = id;
    void ctx.entities.lookup(id).then((found) => {
      if (found) name(ctx, link, found);
    });
  }
  return link;
}

/** The entity's name for a label that is not a link (facets, table cells), resolved the same way. */
export function entityLabel(ctx: PageContext, id: string): HTMLElement {
  const known = ctx.entities.known(id);
  const label = h('span', { dir: 'auto', 'data-entity': id }, known ? entityName(known, ctx.lang) : id);
  if (!known)
    void ctx.entities.lookup(id).then((found) => {
      if (found) label.textContent = entityName(found, ctx.lang);
    });
  return label;
}

function name(ctx: PageContext, link: HTMLElement, entity: EntityRef): void {
  link.textContent = entityName(entity, ctx.lang);
  link.classList.add(`type-${entity.type}`);
  link.title = `${entity.name.ar}${entity.name.en ? ` · ${entity.name.en}` : ''} · ${entityTypeLabel(ctx.t, entity.type)}`;
}
