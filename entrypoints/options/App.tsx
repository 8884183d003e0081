import { t } from '@/components/i18n';
import { SourcesSection } from './SourcesSection';

export function App() {
  return (
    <main>
      <h1>{t('optionsTitle', 'Gloss settings')}</h1>
      <SourcesSection />
    </main>
  );
}
