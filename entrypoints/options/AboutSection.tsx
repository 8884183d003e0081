import { browser } from 'wxt/browser';
import { shownVersion } from '@/lib/ui/source-version';
import { t } from '@/lib/ui/i18n';
import { pageDb } from '@/lib/kb/page-db';
import { sectionId } from '@/lib/ui/routes';
import { SafeLink } from '@/components/SafeLink';
import { useLiveQuery } from '@/components/use-live-query';

/** Every source's licence and attribution: packs are others' work, and their terms travel with them. */
export function AboutSection() {
  const { value: sources } = useLiveQuery(
    async () => (await pageDb().sources.toArray()).sort((a, b) => a.priority - b.priority),
    [],
  );
  const version = browser.runtime.getManifest().version;
  return (
    <section id={sectionId('about')} tabIndex={-1} aria-labelledby="about-heading">
      <h2 id="about-heading">{t('aboutHeading', 'About')}</h2>
      <p>
        {t('aboutVersion', 'Gloss $1.', [version])}{' '}
        {t(
          'aboutPrivacy',
          'Everything Gloss knows and everything you write stays in this browser; reading a page sends nothing anywhere.',
        )}
      </p>
      <h3>{t('aboutPacks', 'What the knowledge comes from')}</h3>
      <p>
        {/* The licences of the data bundled in the built-in packs (public/THIRD-PARTY-NOTICES.txt). */}
        <a href="/THIRD-PARTY-NOTICES.txt" target="_blank" rel="noopener">
          {t('aboutNotices', 'Third-party notices: the licences of the data that ships with Gloss')}
        </a>
      </p>
      {sources?.map((s) => (
        <article class="licence" key={s.id} data-about-source={s.id} aria-labelledby={`about-${s.id}`}>
          <h4 id={`about-${s.id}`}>
            {s.homepage ? <SafeLink href={s.homepage}>{s.name}</SafeLink> : s.name}
            {shownVersion(s) && <span class="muted"> · {t('versionOf', 'version $1', [shownVersion(s)!])}</span>}
          </h4>
          <dl>
            <dt>{t('licence', 'Licence')}</dt>
            <dd>{s.license || t('notStated', 'Not stated')}</dd>
            <dt>{t('attribution', 'Attribution')}</dt>
            <dd>{s.attribution || t('notStated', 'Not stated')}</dd>
            {s.asOf && (
              <>
                <dt>{t('sourceAsOf', 'Facts as of')}</dt>
                <dd>{s.asOf}</dd>
              </>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}
