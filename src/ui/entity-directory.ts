// Names for entity ids the page only has as ids (facet countries, dyads, an entity's country):
// looked up once each through /api/entities/:id and kept for the session. Entities a response already
// carries in full are remembered, so most ids never need a request.

import type { EntityRef } from '../core/doc.ts';

export interface EntityDirectory {
  /** The entity, or null when the store does not know the id (the caller then shows the id). */
  lookup(id: string): Promise<EntityRef | null>;
  /** What is known now, without a request. */
  known(id: string): EntityRef | undefined;
  remember(entities: Iterable<EntityRef>): void;
}

export function createEntityDirectory(
  fetchEntity: (id: string) => Promise<{ entity: EntityRef }>,
): EntityDirectory {
  const entities = new Map<string, EntityRef>();
  const pending = new Map<string, Promise<EntityRef | null>>();
  return {
    lookup(id) {
      const entity = entities.get(id);
      if (entity) return Promise.resolve(entity);
      let request = pending.get(id);
      if (!request) {
        request = fetchEntity(id).then(
          ({ entity }) => {
            entities.set(id, entity);
            return entity;
          },
          // A failed lookup is not cached, so a later page can try again.
          () => {
            pending.delete(id);
            return null;
          },
        );
        pending.set(id, request);
      }
      return request;
    },
    known: (id) => entities.get(id),
    remember(list) {
      for (const entity of list) if (!entities.has(entity.id)) entities.set(entity.id, entity);
    },
  };
}
