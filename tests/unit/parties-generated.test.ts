/**
 * The main parties of every country, generated from Party Facts (scripts/pack/parties.ts): named by their
 * English Wikipedia title, with an acronym only where the name spells it, and a generic name only in an
 * article that names the party's country.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity, Pack } from '../../lib/pack/types';
import { nameFromWikipediaUrl, spellsAcronym } from '../../scripts/pack/parties';

const root = join(import.meta.dirname, '../..');
const worldNews = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
const byName = (name: string): Entity[] => worldNews.entities.filter((e) => e.name === name);
const countryWord = (w: string): boolean => ['Ghana', 'South Africa', 'UK'].includes(w);

describe('generated parties', () => {
  it('reads the acronyms news writes from the beginnings of the words, and refuses native abbreviations', () => {
    expect(spellsAcronym('NDC', 'National Democratic Congress')).toBe(true);
    expect(spellsAcronym('ZANU-PF', 'Zimbabwe African National Union – Patriotic Front')).toBe(true);
    expect(spellsAcronym('PTI', 'Pakistan Tehreek-e-Insaf')).toBe(true);
    expect(spellsAcronym('RENAMO', 'Resistência Nacional Moçambicana')).toBe(true);
    expect(spellsAcronym('NARC', 'National Rainbow Coalition')).toBe(true);
    // Party Facts' short names for Philippine parties are Filipino abbreviations of other words.
    expect(spellsAcronym('KMB', "Nationalist People's Coalition")).toBe(false);
    expect(spellsAcronym('PLP', 'Liberal Party')).toBe(false);
    expect(spellsAcronym('DA', 'Democratic Alliance')).toBe(false);
  });

  it('drops only a country or a year as the title qualifier', () => {
    const url = (t: string): string => `https://en.wikipedia.org/wiki/${t}`;
    expect(nameFromWikipediaUrl(url('National_Democratic_Congress_%28Ghana%29'), countryWord)).toEqual({
      name: 'National Democratic Congress',
      qualified: true,
    });
    expect(nameFromWikipediaUrl(url('Pakistan_Muslim_League_(N)'), countryWord)).toEqual({
      name: 'Pakistan Muslim League (N)',
      qualified: false,
    });
    expect(nameFromWikipediaUrl(url('FRELIMO'), countryWord)).toEqual({ name: 'FRELIMO', qualified: false });
  });

  it('ships the ruling and opposition parties of countries the packs had none for', () => {
    for (const name of ['FRELIMO', 'New Patriotic Party', 'National League for Democracy', 'Bharatiya Janata Party']) {
      expect(byName(name), name).toHaveLength(1);
    }
    const ghana = worldNews.entities.find((e) => e.name === 'Ghana')!;
    const ndc = byName('National Democratic Congress').find((e) => e.related?.includes(ghana.id));
    expect(ndc?.alternateName?.map((a) => a.text)).toContain('NDC');
    expect(ndc?.context?.anyOf).toContain('Ghana');
  });

  it("links a generic party name only where its country is named, and an acronym only in its country's news", () => {
    const index = buildMatchIndex(worldNews.entities);
    const linked = (text: string): string[] =>
      annotate(index, text)
        .filter((m) => m.entityId)
        .map((m) => `${m.surface}=${worldNews.entities.find((e) => e.id === m.entityId)!.name}`);
    expect(linked('In Ghana, the National Democratic Congress (NDC) won the vote.')).toEqual(
      expect.arrayContaining(['National Democratic Congress=National Democratic Congress', 'NDC=National Democratic Congress']),
    );
    // A long acronym's title-case form is a word: only in the party's country's news.
    expect(linked('Free software, or software Libre, is licensed freely.')).toEqual([]);
    expect(linked('In Honduras, Libre won.')).toContain('Libre=Liberty and Refoundation');
    const elsewhere = linked('The National Democratic Congress met in a hall. The NDC said so.');
    expect(elsewhere.filter((l) => l.startsWith('National Democratic Congress') || l.startsWith('NDC'))).toEqual([]);
  });
});
