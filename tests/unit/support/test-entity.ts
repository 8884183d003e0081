import type { Entity, EntityKind } from '../../../lib/pack/types';

/** A minimal valid entity for linker tests: its name as description, one source; `more` overrides. */
export const entity = (id: string, kind: EntityKind, name: string, more: Partial<Entity> = {}): Entity => ({
  id,
  kind,
  name,
  description: `${name}.`,
  sources: ['https://example.org/source'],
  ...more,
});
