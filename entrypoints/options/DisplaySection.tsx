import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { sectionId } from '@/lib/ui/routes';
import { UnderlineLegend } from '@/components/UnderlineLegend';
import { useStorageItem } from '@/components/use-storage-item';
import { ENTITY_KINDS } from '@/lib/pack/types';
import { displaySettings, type DisplaySettings } from '@/lib/settings/items';
import { CARD_DELAY } from '@/lib/settings/schemas';

const UNDERLINES: DisplaySettings['underline'][] = ['dotted', 'solid', 'wavy'];

/** What gets marked on pages and how: kinds, every mention or the first per paragraph, card delay, underline. */
export function DisplaySection() {
  const display = useStorageItem(displaySettings);
  const update = (change: Partial<DisplaySettings>) => display && void displaySettings.setValue({ ...display, ...change });
  const underlineName = (u: DisplaySettings['underline']) =>
    ({ dotted: t('underlineDotted', 'Dotted'), solid: t('underlineSolid', 'Solid'), wavy: t('underlineWavy', 'Wavy') })[u];

  return (
    <section id={sectionId('display')} tabIndex={-1} aria-labelledby="display-heading">
      <h2 id="display-heading">{t('displayHeading', 'Display')}</h2>
      {!display ? (
        <p class="muted">{t('loading', 'Loading…')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('kindsLegend', 'Mark these on pages')}</legend>
            <div class="checks">
              {ENTITY_KINDS.map((kind) => (
                <label key={kind} class="check">
                  <input
                    type="checkbox"
                    checked={display.kinds.includes(kind)}
                    onChange={(e) =>
                      update({
                        kinds: e.currentTarget.checked
                          ? ENTITY_KINDS.filter((k) => k === kind || display.kinds.includes(k))
                          : display.kinds.filter((k) => k !== kind),
                      })
                    }
                  />
                  {kindLabel(kind)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('modeLegend', 'Which mentions')}</legend>
            <label class="check">
              <input type="radio" name="mode" checked={display.mode === 'every'} onChange={() => update({ mode: 'every' })} />
              {t('modeEvery', 'Every mention')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="mode"
                checked={display.mode === 'first-per-paragraph'}
                onChange={() => update({ mode: 'first-per-paragraph' })}
              />
              {t('modeFirst', 'Only the first in each paragraph')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('underlineLegend', 'Underline')}</legend>
            <div class="checks">
              {UNDERLINES.map((u) => (
                <label key={u} class="check">
                  <input
                    type="radio"
                    name="underline"
                    checked={display.underline === u}
                    onChange={() => update({ underline: u })}
                  />
                  <span class="underline-sample" style={{ textDecorationStyle: u }}>
                    {underlineName(u)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <p class="legend-heading" id="legend-heading">
              {t('legendHeading', 'What the underlines mean')}
            </p>
            <UnderlineLegend underline={display.underline} />
          </div>
          <div class="field">
            <label for="card-delay">{t('cardDelayLabel', 'Open the card after the pointer rests for')}</label>
            <div class="row">
              <input
                id="card-delay"
                type="range"
                min={CARD_DELAY.min}
                max={CARD_DELAY.max}
                step={CARD_DELAY.step}
                value={display.cardDelayMs}
                aria-valuetext={t('milliseconds', '$1 milliseconds', [String(display.cardDelayMs)])}
                onInput={(e) => update({ cardDelayMs: Number(e.currentTarget.value) })}
              />
              <output for="card-delay">{t('ms', '$1 ms', [String(display.cardDelayMs)])}</output>
            </div>
          </div>
          <p class="preview" aria-hidden="true">
            {t('previewBefore', 'Preview: ')}
            <span class="underline-sample" style={{ textDecorationStyle: display.underline }}>
              Benjamin Netanyahu
            </span>{' '}
            {t('previewAfter', 'spoke in')}{' '}
            <span class="underline-sample" style={{ textDecorationStyle: display.underline }}>
              Jerusalem
            </span>
            .
          </p>
        </>
      )}
    </section>
  );
}
