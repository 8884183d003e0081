import { markLook, type PageTheme, type UnderlineStyle } from '@/lib/page/highlight-style';
import { ENTITY_KINDS, type EntityKind } from '@/lib/pack/types';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import './legend.css';

/**
 * What each underline colour on a page means, drawn with the pages' own colours and line: one entry per
 * look (kinds that share a colour, country and territory, share an entry), then the dashed grey of names
 * Gloss does not know.
 */
export function UnderlineLegend({ underline, theme }: { underline: UnderlineStyle; theme?: PageTheme }) {
  const shown = theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const entries = new Map<string, { kinds: EntityKind[]; colour: string; style: string }>();
  for (const kind of ENTITY_KINDS) {
    const look = markLook(kind, shown, underline);
    const key = `${look.colour} ${look.style}`;
    const entry = entries.get(key);
    if (entry) entry.kinds.push(kind);
    else entries.set(key, { kinds: [kind], ...look });
  }
  const unknown = markLook('unknown', shown, underline);
  return (
    <ul class="underline-legend" aria-label={t('legendLabel', 'What the underlines mean')}>
      {[...entries.values()].map((e) => (
        <li key={e.kinds.join()} data-kinds={e.kinds.join(' ')}>
          <span class="legend-sample" style={{ textDecorationColor: e.colour, textDecorationStyle: e.style }}>
            {e.kinds.map((k) => kindLabel(k)).join(', ')}
          </span>
        </li>
      ))}
      <li data-kinds="unknown">
        <span
          class="legend-sample legend-unknown"
          style={{ textDecorationColor: unknown.colour, textDecorationStyle: unknown.style }}
        >
          {t('legendUnknown', 'Named in the article, not in your knowledge base')}
        </span>
      </li>
    </ul>
  );
}
