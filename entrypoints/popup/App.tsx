import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/ui/i18n';
import { readPopupParams } from '@/lib/ui/routes';
import { MarksHelp } from '@/components/MarksHelp';
import { SearchBox } from '@/components/SearchBox';
import { Switch } from '@/components/Switch';
import { useStorageItem } from '@/components/use-storage-item';
import { disabledSites, paused } from '@/lib/settings/items';
import { pendingSearch } from '@/lib/settings/pending-search';
import { ruleFor, siteOf, withSite } from '@/lib/settings/site-rules';
import { OnThisPage } from './OnThisPage';
import { ResultExtras } from './ResultExtras';
import { useTargetTab } from './use-target-tab';

const openOptions = () => {
  void browser.runtime.openOptionsPage();
  window.close();
};

export function App() {
  const params = readPopupParams(location.search);
  const [query, setQuery] = useState(params.query);
  const tab = useTargetTab(params.tabId);
  const sites = useStorageItem(disabledSites);
  const isPaused = useStorageItem(paused);

  // "Explain with Gloss" leaves the selected text here; it may land just after the popup opens.
  useEffect(() => {
    const take = (text: string | null) => {
      if (!text) return;
      setQuery(text);
      void pendingSearch.setValue(null);
    };
    void pendingSearch.getValue().then(take);
    return pendingSearch.watch(take);
  }, []);

  const site = siteOf(tab?.url);
  const rule = site && sites ? ruleFor(site, sites) : null;
  const why = isPaused
    ? t('whyPaused', 'Gloss is paused everywhere.')
    : rule
      ? t('whySiteOff', 'Gloss is off on $1.', [rule])
      : // The URL is known only for the tab the user opened the popup on (activeTab).
        tab?.url && !site
        ? t('whyNotWeb', 'Gloss reads web pages (http and https) only.')
        : null;

  return (
    <>
      <header class="bar">
        <h1>
          <img src="/icons/32.png" alt="" width={20} height={20} /> Gloss
        </h1>
        <button type="button" class="linklike" onClick={() => openOptions()}>
          {t('settingsLink', 'Settings')}
        </button>
      </header>
      <main>
        <SearchBox query={query} onQuery={setQuery} autoFocus actions={(e) => <ResultExtras entity={e} />} />
        {query.trim() === '' && (
          <>
            <section class="switches" aria-label={t('whereGlossRuns', 'Where Gloss runs')}>
              {site && sites && (
                <Switch
                  id="site-switch"
                  checked={!rule}
                  label={t('runOnSite', 'Run on $1', [site])}
                  description={rule && rule !== site ? t('offForDomain', 'Off for all of $1.', [rule]) : undefined}
                  disabled={!!isPaused}
                  // The content script watches these settings: open pages follow without a reload.
                  onChange={(on) => void disabledSites.setValue(withSite(sites, site, !on))}
                />
              )}
              {isPaused !== undefined && (
                <Switch
                  id="pause-switch"
                  checked={isPaused}
                  label={t('pauseEverywhere', 'Pause everywhere')}
                  onChange={(value) => void paused.setValue(value)}
                />
              )}
            </section>
            {tab ? (
              <OnThisPage tabId={tab.id} loads={tab.loads} why={why} />
            ) : (
              tab === null && <p class="muted">{t('noTab', 'Open a news page to see its actors here.')}</p>
            )}
            <MarksHelp />
          </>
        )}
      </main>
    </>
  );
}
