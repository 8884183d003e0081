/**
 * City names in French, German, Spanish and Portuguese (Unicode CLDR, scripts/pack/city-names-cldr.ts) through
 * the article annotator with the built packs: a French or German page gets the city's card for "Moscou" or
 * "Moskau", and a name in another language never marks an English page ("Alger Hiss" is not Algiers).
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../lib/cli/load-pack';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const { index } = loadPack();
const linked = (text: string, lang: string | null): string[] =>
  annotateArticle(index, [text], { lang })
    .mentions.flat()
    .map((m) => `${m.surface} ${m.entityId ?? '?'}`);

describe('city names in the languages of the news', () => {
  it('links French names, with the article contracted ("au Caire")', () => {
    expect(linked("Le ministre s'est rendu à Moscou, puis au Caire, à Alger et à Varsovie.", 'fr')).toEqual([
      'Moscou gloss:place-moscow',
      'Caire gloss:place-cairo',
      'Alger gloss:place-algiers',
      'Varsovie gloss:place-warsaw',
    ]);
  });

  it('links German names', () => {
    expect(linked('Die Gespräche in Moskau und Teheran wurden in Wien fortgesetzt.', 'de-DE')).toEqual([
      'Moskau gloss:place-moscow',
      'Teheran gloss:place-tehran',
      'Wien gloss:place-vienna',
    ]);
  });

  it('links Spanish and Portuguese names, also of cities World news keeps by hand', () => {
    expect(linked('El presidente viajó a Ciudad de México y después a Varsovia y a Jerusalén.', 'es')).toEqual([
      'Ciudad de México gloss:place-mexico-city',
      'Varsovia gloss:place-warsaw',
      'Jerusalén gloss:jerusalem',
    ]);
    expect(linked('O presidente viajou para a Cidade do México e depois para Varsóvia.', 'pt-BR')).toEqual([
      'Cidade do México gloss:place-mexico-city',
      'Varsóvia gloss:place-warsaw',
    ]);
    // Names of both Portuguese locales, and one that French writes the same way ("Moscou").
    expect(linked('De Moscovo a Seul, passando por Moscou.', 'pt-PT')).toEqual([
      'Moscovo gloss:place-moscow',
      'Seul gloss:place-seoul',
      'Moscou gloss:place-moscow',
    ]);
  });

  it('keeps names in other languages off English pages and pages that declare no language', () => {
    const text = 'Alger Hiss testified in Washington; the Kairo and Wien restaurants were closed.';
    for (const lang of ['en', 'en-GB', null]) {
      expect(linked(text, lang).filter((m) => /algiers|cairo|vienna/.test(m))).toEqual([]);
    }
    // The English names still count everywhere.
    expect(linked('Talks moved from Algiers to Vienna.', 'fr')).toEqual([
      'Algiers gloss:place-algiers',
      'Vienna gloss:place-vienna',
    ]);
  });

  it('keeps a name off pages in other languages where it is a common word', () => {
    // Portuguese "Seul" and Spanish "Seúl" (Seoul) would mark the French "Seul" that opens sentences.
    expect(linked('Seul le président peut dissoudre l’Assemblée.', 'fr').filter((m) => m.includes('seoul'))).toEqual([]);
  });
});

describe('the matcher and alias languages', () => {
  const entity = (id: string, name: string, alternateName: Entity['alternateName']): Entity => ({
    id,
    kind: 'place',
    name,
    alternateName,
    description: name,
    sources: ['https://example.org/'],
  });
  const small = buildMatchIndex([
    entity('x:algiers', 'Algiers', [
      { text: 'Alger', lang: 'fr' },
      { text: 'Argel', lang: 'es-ES' },
      { text: 'El Djazair', lang: 'en' },
    ]),
  ]);
  const ids = (text: string, lang?: string | null): string[] =>
    annotateArticle(small, [text], lang === undefined ? {} : { lang })
      .mentions.flat()
      .map((m) => m.surface);

  it('counts a name in another language only on pages in that language', () => {
    expect(ids('Alger, Argel', 'fr')).toEqual(['Alger']);
    expect(ids('Alger, Argel', 'es-AR')).toEqual(['Argel']);
    expect(ids('Alger, Argel', 'de')).toEqual([]);
    expect(ids('Alger, Argel', 'en')).toEqual([]);
    expect(ids('Alger, Argel')).toEqual([]);
  });

  it('treats aliases marked English, or unmarked, as English', () => {
    expect(ids('El Djazair and Algiers', 'en')).toEqual(['El Djazair', 'Algiers']);
    expect(ids('El Djazair and Algiers', 'de')).toEqual(['El Djazair', 'Algiers']);
  });
});
