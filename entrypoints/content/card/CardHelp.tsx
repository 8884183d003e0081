import { ShortcutList } from '@/components/ShortcutList';
import { t } from '@/lib/ui/i18n';

/** The card's help, closed until asked: the keys that walk the marks and open and close cards. */
export function CardHelp() {
  return (
    <details class="gloss-help">
      <summary>{t('card_keysHelp', 'Keys')}</summary>
      <ShortcutList class="gloss-shortcuts" />
    </details>
  );
}
