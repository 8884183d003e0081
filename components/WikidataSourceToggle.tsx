import { useState } from 'preact/hooks';
import type { SourceRecord } from '@/lib/kb/db';
import { sendMessage } from '@/lib/messaging/protocol';
import { wikidataLookup } from '@/lib/settings/items';
import { t } from '@/lib/ui/i18n';
import { requestOrigin } from '@/lib/sync/source-permissions';
import { Switch } from './Switch';
import { useStorageItem } from './use-storage-item';

const WIKIDATA_API = 'https://www.wikidata.org/w/api.php';

/** The Wikidata source: off until the user turns it on, with exactly what it sends and where. */
export function WikidataSourceToggle({ source }: { source: SourceRecord | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const on = source?.enabled === true;
  /**
   * Turning either switch on asks for www.wikidata.org first. Called synchronously in the click: the
   * browser only shows its prompt for a user gesture, so nothing may be awaited before it.
   */
  const turnOn = (then: () => Promise<void>) => {
    const allowed = requestOrigin(WIKIDATA_API);
    void (async () => {
      if (await allowed) await then();
      else setError(t('wikidataPermissionRefused', 'Gloss needs your permission to read www.wikidata.org; nothing was sent.'));
    })();
  };
  const toggle = (next: boolean) => {
    setError(null);
    if (next)
      turnOn(async () => {
        const reply = await sendMessage('addSource', { kind: 'wikidata' });
        if (!reply.ok) setError(reply.error);
      });
    else void sendMessage('updateSource', { id: 'wikidata', enabled: false }).then((r) => !r.ok && setError(r.error));
  };
  const lookupOn = useStorageItem(wikidataLookup);
  const toggleLookup = (next: boolean) => {
    setError(null);
    if (next) turnOn(() => wikidataLookup.setValue(true));
    else void wikidataLookup.setValue(false);
  };
  return (
    <div class="wikidata-source">
      <h3 id="wikidata-heading">{t('wikidataHeading', 'Wikidata')}</h3>
      <Switch
        id="wikidata-switch"
        checked={on}
        onChange={toggle}
        label={t('wikidataSwitch', 'Refresh entities from Wikidata')}
        description={t(
          'wikidataSwitchDescription',
          'Keeps names, aliases, descriptions and positions held up to date for the entities your sources link to Wikidata. Off by default.',
        )}
      />
      <div class="wikidata-privacy">
        <p>
          <strong>{t('wikidataWhatIsSent', 'What is sent where.')}</strong>{' '}
          {t(
            'wikidataPrivacy',
            'When this is on, about once a week Gloss sends to www.wikidata.org (the Wikimedia Foundation) the Wikidata ids of the entities in your sources, for example Q43723, in batches of 50, with your language. Nothing about the pages you read, your notes or your other sources is sent. Wikidata sees your IP address, as any website does. Its data is CC0.',
          )}
        </p>
      </div>
      <Switch
        id="wikidata-lookup-switch"
        checked={lookupOn === true}
        onChange={toggleLookup}
        label={t('wikidataLookupSwitch', 'Look names up on Wikidata from a card')}
        description={t(
          'wikidataLookupDescription',
          'For a name your knowledge base lacks, a card can look it up when you click “Look it up on Wikidata”: Gloss then sends those words, and nothing else, to www.wikidata.org. Off by default. What it finds is shown, not stored, until you add it.',
        )}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
