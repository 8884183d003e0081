import { displaySettings } from '@/lib/settings/items';
import { t } from '@/lib/ui/i18n';
import { ShortcutList } from './ShortcutList';
import { UnderlineLegend } from './UnderlineLegend';
import { useStorageItem } from './use-storage-item';
import './legend.css';

/** The popup's key to the marks: what each underline colour means, and the keys that walk them. */
export function MarksHelp() {
  const display = useStorageItem(displaySettings);
  return (
    <section class="marks-help" aria-labelledby="marks-help-heading">
      <h2 id="marks-help-heading">{t('legendHeading', 'What the underlines mean')}</h2>
      {display && <UnderlineLegend underline={display.underline} />}
      <h2>{t('shortcutsHeading', 'Keyboard')}</h2>
      <ShortcutList />
    </section>
  );
}
