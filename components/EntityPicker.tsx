import { useState } from 'preact/hooks';
import type { StoredEntity } from '@/lib/kb/db';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { useSearch } from './use-search';

/**
 * Choose one entity by searching for it: an ARIA combobox (WAI-ARIA APG "list autocomplete"). Arrow
 * keys move through the suggestions, Enter picks, Escape closes; the input keeps focus throughout.
 */
export function EntityPicker({ id, label, onPick }: { id: string; label: string; onPick: (entity: StoredEntity) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const { results } = useSearch(query, 8);
  const shown = open && query.trim() !== '' ? results : [];
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const pick = (e: StoredEntity) => {
    onPick(e);
    setQuery('');
    setOpen(false);
  };

  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown.length > 0 ? optionId(Math.min(active, shown.length - 1)) : undefined}
        placeholder={t('pickerPlaceholder', 'Type a name…')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length) {
            e.preventDefault();
            setActive((a) => (a + 1) % shown.length);
          } else if (e.key === 'ArrowUp' && shown.length) {
            e.preventDefault();
            setActive((a) => (a - 1 + shown.length) % shown.length);
          } else if (e.key === 'Enter' && shown.length) {
            e.preventDefault();
            pick(shown[Math.min(active, shown.length - 1)]!);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" class="picker-list" aria-label={t('suggestions', 'Suggestions')} hidden={shown.length === 0}>
        {shown.map((e, i) => (
          <li
            key={e.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            // mousedown, not click: it lands before the input's blur closes the list.
            onMouseDown={(ev) => {
              ev.preventDefault();
              pick(e);
            }}
          >
            <span class="picker-name">{e.name}</span> <span class="muted">{kindLabel(e.kind)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
