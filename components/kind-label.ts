import { KIND_LABELS } from '@/lib/core/kind-labels';
import type { EntityKind } from '@/lib/pack/types';
import { t } from './i18n';

/** "Armed group" for 'armed-group', from `_locales` (message `kind_armed_group`) when there. */
export function kindLabel(kind: EntityKind): string {
  return t(`kind_${kind.replace(/-/g, '_')}`, KIND_LABELS[kind]);
}
