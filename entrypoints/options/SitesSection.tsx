import { useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { sectionId } from '@/lib/ui/routes';
import { Switch } from '@/components/Switch';
import { useStorageItem } from '@/components/use-storage-item';
import { disabledSites, paused } from '@/lib/settings/items';
import { normaliseSite, ruleFor, withSite } from '@/lib/settings/site-rules';

/** Where Gloss runs: everywhere on the web except the sites listed, unless paused. */
export function SitesSection() {
  const sites = useStorageItem(disabledSites);
  const isPaused = useStorageItem(paused);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    if (!sites) return;
    const host = normaliseSite(input);
    if (!host) {
      setMessage({ error: true, text: t('siteInvalid', '“$1” is not a site name. Write it like example.com.', [input]) });
      return;
    }
    const covering = ruleFor(host, sites);
    if (covering) {
      setMessage({ error: false, text: t('siteAlreadyOff', 'Gloss is already off on $1.', [covering]) });
      return;
    }
    void disabledSites.setValue(withSite(sites, host, true));
    setInput('');
    setMessage({ error: false, text: t('siteTurnedOff', 'Gloss is now off on $1.', [host]) });
  };

  return (
    <section id={sectionId('sites')} tabIndex={-1} aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading', 'Sites')}</h2>
      <p class="muted">
        {t('sitesIntro', 'Gloss reads every web page you open, except on the sites listed here. A site includes its subdomains.')}
      </p>
      {isPaused !== undefined && (
        <Switch
          id="options-pause"
          checked={isPaused}
          label={t('pauseEverywhere', 'Pause everywhere')}
          description={t('pauseDescription', 'Gloss marks nothing anywhere until you turn this off.')}
          onChange={(v) => void paused.setValue(v)}
        />
      )}
      <form class="inline-form" onSubmit={add}>
        <label for="site-input">{t('siteInputLabel', 'Turn Gloss off on a site')}</label>
        <div class="row">
          <input
            id="site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            placeholder="example.com"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('turnOff', 'Turn off')}
          </button>
        </div>
      </form>
      <p role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </p>
      {sites && sites.length === 0 && <p class="muted">{t('noSitesOff', 'Gloss runs on every site.')}</p>}
      {sites && sites.length > 0 && (
        <ul class="site-list" aria-label={t('sitesOffLabel', 'Sites where Gloss is off')}>
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="button"
                aria-label={t('turnOnFor', 'Turn on Gloss for $1', [site])}
                onClick={() => {
                  void disabledSites.setValue(sites.filter((s) => s !== site));
                  setMessage({ error: false, text: t('siteTurnedOn', 'Gloss runs on $1 again.', [site]) });
                }}
              >
                {t('turnOn', 'Turn on')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
