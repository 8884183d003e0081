import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { readOptionsHash, sectionId, type OptionsRoute, type OptionsSection } from '@/lib/ui/routes';
import { AboutSection } from './AboutSection';
import { DataSection } from './DataSection';
import { DisplaySection } from './DisplaySection';
import { NotesSection } from './NotesSection';
import { RecoveryNotice } from './RecoveryNotice';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';

const SECTIONS: { id: OptionsSection; label: () => string }[] = [
  { id: 'sources', label: () => t('sourcesHeading', 'Sources') },
  { id: 'sites', label: () => t('sitesHeading', 'Sites') },
  { id: 'display', label: () => t('displayHeading', 'Display') },
  { id: 'notes', label: () => t('notesHeading', 'My notes and entities') },
  { id: 'data', label: () => t('dataHeading', 'Data') },
  { id: 'about', label: () => t('aboutHeading', 'About') },
];

/** One page, every section in order, with a table of contents; `#add?name=…` and `#note?entity=…` open a form. */
export function App() {
  const [route, setRoute] = useState<OptionsRoute | null>(() => readOptionsHash(location.hash));

  useEffect(() => {
    const onHash = () => setRoute(readOptionsHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // A section reached from the popup or a context menu comes into view; forms focus their own field.
  useEffect(() => {
    if (route && !('add' in route) && !('note' in route)) document.getElementById(sectionId(route.section))?.focus();
  }, [route]);

  return (
    <div class="layout">
      <nav aria-label={t('sectionsLabel', 'Settings sections')}>
        <p class="brand">
          <img src="/icons/32.png" alt="" width={24} height={24} /> Gloss
        </p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label()}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h1>{t('optionsTitle', 'Gloss settings')}</h1>
        <RecoveryNotice />
        {/* tabIndex -1: the table of contents moves focus, not only the scroll position. */}
        <div id={sectionId('sources')} tabIndex={-1} class="section-anchor">
          <SourcesSection />
        </div>
        <SitesSection />
        <DisplaySection />
        <NotesSection route={route} />
        <DataSection />
        <AboutSection />
      </main>
    </div>
  );
}
