/**
 * Names of international organisations in French, German, Spanish and Portuguese
 * and leaders (data/world-news/names-in-languages-aliases.json) through the article annotator with the built packs, and
 * the rule that a name counts only on pages in its own language.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../lib/cli/load-pack';
import { annotateArticle } from '../../lib/core/annotate-article';

const { index } = loadPack();
const linked = (text: string, lang: string | null): string[] =>
  annotateArticle(index, [text], { lang })
    .mentions.flat()
    .map((m) => `${m.surface} ${m.entityId ?? '?'}`);

describe('organisation names in the languages of the news', () => {
  it('links French names and abbreviations', () => {
    expect(linked("L'ONU et l'OMS ont alerté, et la Cour pénale internationale (CPI) a émis un mandat.", 'fr')).toEqual([
      'ONU gloss:un',
      'OMS gloss:who',
      'Cour pénale internationale gloss:icc',
      'CPI gloss:icc',
    ]);
  });

  it('links German names', () => {
    expect(linked('Die Vereinten Nationen, die Weltbank und der Internationale Währungsfonds (IWF) warnen.', 'de')).toEqual([
      'Vereinten Nationen gloss:un',
      'Weltbank gloss:world-bank',
      'Internationale Währungsfonds gloss:imf',
      'IWF gloss:imf',
    ]);
  });

  it('links the German spellings of leaders', () => {
    expect(
      linked('Selenskyj traf Benjamin Netanjahu in Berlin.', 'de-DE').filter(
        (m) => m.startsWith('Selenskyj') || m.includes('Netanjahu'),
      ),
    ).toEqual(['Selenskyj wd:Q3874799', 'Benjamin Netanjahu wd:Q43723']);
  });

  it('links Spanish and Portuguese names', () => {
    expect(linked('La Corte Internacional de Justicia y el Banco Mundial respondieron.', 'es')).toEqual([
      'Corte Internacional de Justicia gloss:icj',
      'Banco Mundial gloss:world-bank',
    ]);
    expect(linked('O Tribunal Penal Internacional (TPI) e a Organização Mundial da Saúde reagiram.', 'pt-BR')).toEqual([
      'Tribunal Penal Internacional gloss:icc',
      'TPI gloss:icc',
      'Organização Mundial da Saúde gloss:who',
    ]);
  });

  it('counts a name only on pages in its own language', () => {
    // "CPI" is the ICC in French and Spanish news, but a parliamentary inquiry in Brazilian news.
    expect(linked('A CPI da Covid ouviu o ministro.', 'pt-BR').filter((m) => m.includes('gloss:icc'))).toEqual([]);
    expect(
      linked('The CPI rose by 3 percent; the Weltbank building is in Berlin.', 'en').filter((m) => /icc|world-bank/.test(m)),
    ).toEqual([]);
  });
});
