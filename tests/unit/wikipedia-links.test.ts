/**
 * People get their English Wikipedia page only where an input states it: a Wikidata sitelink in a holders
 * table, or a URL the entity already cites whose title is its own name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity, Pack } from '../../lib/pack/types';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { addWikipediaLinks, readSitelinks, withCuratedPages, type Sitelinks } from '../../scripts/pack/wikipedia-links';

const root = join(import.meta.dirname, '../..');
const person = (over: Partial<Entity>): Entity => ({
  id: 'wd:Q1',
  kind: 'person',
  name: 'Someone',
  description: '',
  sources: ['https://www.wikidata.org/wiki/Q1'],
  ...over,
});

const links = (byQid: [string, string][], byUniqueName: [string, string][] = []): Sitelinks => ({
  byQid: new Map(byQid),
  byUniqueName: new Map(byUniqueName),
});

describe('Wikipedia links of people', () => {
  it("takes the title of the one holder bearing the name of a person without a Wikidata id, never a namesake's", () => {
    const blair = person({ id: 'gloss:leader-tony-blair', name: 'Tony Blair' });
    const withId = person({ id: 'wd:Q9', name: 'Tony Blair' });
    const { entities, counts } = addWikipediaLinks([blair, withId], links([], [['Tony Blair', 'Tony Blair']]));
    expect(entities[0]!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Tony_Blair');
    expect(entities[1]!.links?.wikipedia).toBeUndefined();
    expect(counts.fromUniqueName).toBe(1);
  });

  it('reads the names of the holders tables that one Wikidata id bears', () => {
    expect(readSitelinks(root).byUniqueName.get('Paul Martin')).toBe('Paul Martin');
  });

  it('takes the sitelink title of a holders table by Wikidata id, disambiguation and all', () => {
    const { entities, counts } = addWikipediaLinks(
      [person({ id: 'wd:Q5', name: 'Osman Hussein' })],
      links([['Q5', 'Osman Hussein (politician)']]),
    );
    expect(entities[0]!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Osman_Hussein_(politician)');
    expect(entities[0]!.sources[0]).toBe('https://en.wikipedia.org/wiki/Osman_Hussein_(politician)');
    expect(counts).toEqual({ fromSitelink: 1, fromUniqueName: 0, fromCitedPage: 0 });
  });

  it("takes a cited page only when its title is the person's own name, never a list or an office", () => {
    const own = person({
      name: 'Claudia Sheinbaum',
      roles: [{ label: 'President of Mexico', source: 'https://en.wikipedia.org/wiki/Claudia_Sheinbaum' }],
    });
    const office = person({ name: 'Dong Jun', sources: ['https://en.wikipedia.org/wiki/Minister_of_National_Defense'] });
    const { entities } = addWikipediaLinks([own, office], links([]));
    expect(entities[0]!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Claudia_Sheinbaum');
    expect(entities[1]!.links?.wikipedia).toBeUndefined();
  });

  it('keeps a link already there and leaves non-people alone', () => {
    const linked = person({ links: { wikipedia: 'https://en.wikipedia.org/wiki/A' } });
    const org: Entity = { ...person({ id: 'wd:Q7' }), kind: 'organization' };
    const { entities } = addWikipediaLinks(
      [linked, org],
      links([
        ['Q1', 'B'],
        ['Q7', 'C'],
      ]),
    );
    expect(entities[0]!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/A');
    expect(entities[1]!.links?.wikipedia).toBeUndefined();
  });

  it('the built World news pack links Zelenskyy and Sheinbaum to their pages', () => {
    const pack = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const byId = new Map(pack.entities.map((e) => [e.id, e]));
    expect(readSitelinks(root).byQid.get('Q3874799')).toBe('Volodymyr Zelenskyy');
    expect(byId.get('wd:Q3874799')?.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy');
    expect(byId.get('wd:Q5771800')?.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Claudia_Sheinbaum');
    expect(byId.get('gloss:leader-tony-blair')?.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Tony_Blair');
  });

  it("links heads of state and government through the page Wikipedia's list of state leaders links for their id", () => {
    const pack = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const byId = new Map(pack.entities.map((e) => [e.id, e]));
    expect(readSitelinks(root).byQid.get('Q61053')).toBe('Olaf Scholz');
    for (const [id, page] of [
      ['wd:Q61053', 'Olaf_Scholz'],
      ['wd:Q44329', 'Bashar_al-Assad'],
      ['wd:Q1231345', 'Paul_Kagame'],
      ['wd:Q457786', 'Rodrigo_Duterte'],
    ]) {
      expect(byId.get(id!)?.links?.wikipedia).toBe(`https://en.wikipedia.org/wiki/${page}`);
    }
  });
  it("links former leaders through the officeholder tables of their countries, by id or by their page's title", () => {
    const pack = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const byId = new Map(pack.entities.map((e) => [e.id, e]));
    // Zimbabwe's and Egypt's presidents; "Shinzō Abe" is a label, "Shinzo Abe" the page's title; Poland's and
    // Nigeria's tables name Tusk and Tinubu by their Wikidata ids.
    expect(readSitelinks(root).byUniqueName.get('Shinzo Abe')).toBe('Shinzo Abe');
    for (const [id, page] of [
      ['gloss:leader-robert-mugabe', 'Robert_Mugabe'],
      ['gloss:leader-shinzo-abe', 'Shinzo_Abe'],
      ['gloss:leader-hosni-mubarak', 'Hosni_Mubarak'],
      // The British table's diplomat Tony Abbott has the page "Tony Abbott (diplomat)": the page titled with the
      // name wins over a namesake's label.
      ['gloss:leader-tony-abbott', 'Tony_Abbott'],
      ['wd:Q946', 'Donald_Tusk'],
      ['wd:Q3510872', 'Bola_Tinubu'],
    ]) {
      expect(byId.get(id!)?.links?.wikipedia).toBe(`https://en.wikipedia.org/wiki/${page}`);
    }
  });
  it("takes a hand-checked page only when its title is the person's name, and names a wrong one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-pages-'));
    mkdirSync(join(dir, 'data/leaders'), { recursive: true });
    const write = (page: string) =>
      writeFileSync(
        join(dir, 'data/leaders/curated-wikipedia-pages.json'),
        JSON.stringify({ pages: [{ id: 'gloss:leader-hun-manet', page, witness: page }] }),
      );
    const manet = person({ id: 'gloss:leader-hun-manet', name: 'Hun Manet', sources: ['https://example.org/a'] });
    write('https://en.wikipedia.org/wiki/Hun_Manet');
    const [linked] = addWikipediaLinks(withCuratedPages(dir, [manet]), links([])).entities;
    expect(linked!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Hun_Manet');
    write('https://en.wikipedia.org/wiki/Hun_Sen');
    expect(() => withCuratedPages(dir, [manet])).toThrow(/Hun_Sen is not the page of gloss:leader-hun-manet/);
    expect(() => withCuratedPages(dir, [])).toThrow(/no entity gloss:leader-hun-manet/);
    const pack = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const sharaa = pack.entities.find((e) => e.id === 'gloss:leader-ahmed-al-sharaa');
    expect(sharaa?.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Ahmed_al-Sharaa');
  });
});
