import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import { entitiesNamed, type NameClash } from '@/lib/kb/name-clash';
import type { EntityKind } from '@/lib/pack/types';

/**
 * Says, while the reader types a name, that their sources already have an entity by that name, and
 * what that means: on a page the two compete for the name, so the card may well show the other one.
 */
export function NameClashNote({ id, name, exceptId }: { id: string; name: string; exceptId?: string | undefined }) {
  // Kept with the name they were found for: once the name changes (or a save clears it), the old
  // warning goes at once instead of lingering until the next search answers.
  const [found, setFound] = useState<{ name: string; clashes: NameClash[] }>({ name: '', clashes: [] });
  useEffect(() => {
    let stale = false;
    // A short pause: one search when the reader stops typing, not one per key.
    const timer = setTimeout(() => {
      void entitiesNamed(pageDb(), name, exceptId).then(
        (clashes) => !stale && setFound({ name, clashes }),
        () => !stale && setFound({ name, clashes: [] }),
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [name, exceptId]);
  const first = found.name === name ? found.clashes[0] : undefined;
  return (
    <p id={id} class="name-clash" aria-live="polite">
      {first &&
        t(
          'nameClash',
          'Your sources already have “$1” ($2, from $3). On a page, Gloss marks the name as whichever of the two fits the article better, often that one. To add to what its card says, write a note on it instead.',
          [first.name, kindLabel(first.kind as EntityKind), first.sourceName],
        )}
    </p>
  );
}
