import { useMemo, useState } from 'preact/hooks';
import { foldText } from '@/lib/core/fold';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { entitiesCount } from '@/lib/ui/counts';
import { pageDb } from '@/lib/kb/page-db';
import { sourceEntities } from '@/lib/kb/variant-buckets';
import type { SourceRecord } from '@/lib/kb/db';
import type { Entity } from '@/lib/pack/types';
import { useLiveQuery } from '@/components/use-live-query';

/** How many entities the list shows at a time; a pack of 2,000 stays quick to open. */
const PAGE = 50;

/**
 * What one source holds, as that source gives it (before other sources are merged in): its
 * entities by name, with a filter over names and other names.
 */
export function SourceContents({ source }: { source: SourceRecord }) {
  const { value: entities } = useLiveQuery(
    async () => (await sourceEntities(pageDb(), source.id)).sort((a, b) => a.name.localeCompare(b.name)),
    [source.id, source.version, source.entityCount],
  );
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const matching = useMemo(() => filterEntities(entities ?? [], query), [entities, query]);
  const inputId = `contents-${source.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (!entities) return <p class="muted">{t('loading', 'Loading…')}</p>;
  return (
    <div class="source-contents" data-contents-of={source.id}>
      <label for={inputId}>{t('sourceContentsFilter', 'Find in “$1”', [source.name])}</label>{' '}
      <input
        id={inputId}
        type="search"
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setShown(PAGE);
        }}
      />
      <p class="muted" role="status">
        {query.trim() === ''
          ? t('sourceContentsAll', '“$1” gives $2.', [source.name, entitiesCount(entities.length)])
          : t('sourceContentsMatchingOf', 'Matching: $1 of $2.', [
              matching.length.toLocaleString(),
              entitiesCount(entities.length),
            ])}
      </p>
      <ul class="contents-list">
        {matching.slice(0, shown).map((e) => (
          <li key={e.id} data-entity-id={e.id}>
            <strong>{e.name}</strong> <span class="muted">{kindLabel(e.kind)}</span>
            {e.alternateName && e.alternateName.length > 0 && (
              <span class="muted"> · {e.alternateName.map((a) => a.text).join(', ')}</span>
            )}
            <div class="small">{e.description}</div>
          </li>
        ))}
      </ul>
      {matching.length > shown && (
        <button type="button" class="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('sourceContentsMore', 'Show $1 more (of $2 left)', [
            String(Math.min(PAGE, matching.length - shown)),
            (matching.length - shown).toLocaleString(),
          ])}
        </button>
      )}
    </div>
  );
}

/** Entities whose name or another name contains every word of the query, accents and case aside. */
export function filterEntities(entities: readonly Entity[], query: string): Entity[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entities];
  return entities.filter((e) => {
    const names = foldText([e.name, ...(e.alternateName ?? []).map((a) => a.text)].join(' | '));
    return words.every((w) => names.includes(w));
  });
}
