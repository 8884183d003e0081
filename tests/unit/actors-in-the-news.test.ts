/**
 * People and bodies the news names that the packs lacked or held without a Wikipedia page: figures of older
 * newswire, vice presidents and speakers, legislatures, US agencies, and famous former leaders' pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity, Pack } from '../../lib/pack/types';

const root = join(import.meta.dirname, '../..');
const read = (short: string): Entity[] =>
  (JSON.parse(readFileSync(join(root, 'assets/packs', `${short}.json`), 'utf8')) as Pack).entities;
const entities = [...read('world-news'), ...read('us-government'), ...read('business-media')];
const index = buildMatchIndex(entities);
const pages = (text: string): string[] =>
  annotate(index, text)
    .filter((m) => m.entityId)
    .map((m) => `${m.surface}=${entities.find((e) => e.id === m.entityId)?.links?.wikipedia ?? '-'}`);
const wiki = (title: string): string => `https://en.wikipedia.org/wiki/${title}`;

describe('actors in the news', () => {
  it('knows the figures of older newswire', () => {
    expect(pages('Osama bin Laden was killed in Pakistan. Jamal Khashoggi was a columnist.')).toEqual(
      expect.arrayContaining([`Osama bin Laden=${wiki('Osama_bin_Laden')}`, `Jamal Khashoggi=${wiki('Jamal_Khashoggi')}`]),
    );
  });

  it('reads the spellings wire copy uses for Arab leaders of older news', () => {
    expect(pages('Mohamed Mursi met Moammar Gadhafi; later Mubarak spoke.')).toEqual([
      `Mohamed Mursi=${wiki('Mohamed_Morsi')}`,
      `Moammar Gadhafi=${wiki('Muammar_Gaddafi')}`,
      `Mubarak=${wiki('Hosni_Mubarak')}`,
    ]);
  });

  it("knows Ghana's vice presidents and the Philippine Speaker", () => {
    expect(pages('In Ghana, Vice President Jane Naana Opoku-Agyemang met Mahamudu Bawumia.')).toEqual(
      expect.arrayContaining([
        `Jane Naana Opoku-Agyemang=${wiki('Jane_Naana_Opoku-Agyemang')}`,
        `Mahamudu Bawumia=${wiki('Mahamudu_Bawumia')}`,
      ]),
    );
    expect(pages('Speaker Martin Romualdez led the Philippine House of Representatives.')).toEqual(
      expect.arrayContaining([
        `Martin Romualdez=${wiki('Martin_Romualdez')}`,
        `Philippine House of Representatives=${wiki('House_of_Representatives_of_the_Philippines')}`,
      ]),
    );
  });

  it('knows the Census Bureau in American news, and NOAA', () => {
    expect(pages('The U.S. Census Bureau and NOAA published figures in Washington.')).toEqual(
      expect.arrayContaining([
        `U.S. Census Bureau=${wiki('United_States_Census_Bureau')}`,
        `NOAA=${wiki('National_Oceanic_and_Atmospheric_Administration')}`,
      ]),
    );
  });

  it('gives famous former leaders and current ones their Wikipedia page', () => {
    const page = (name: string): string | undefined => entities.find((e) => e.name === name)?.links?.wikipedia;
    expect(page('Nelson Mandela')).toBe(wiki('Nelson_Mandela'));
    expect(page('Yasser Arafat')).toBe(wiki('Yasser_Arafat'));
    expect(page('Pope Francis')).toBe(wiki('Pope_Francis'));
    expect(page('Javier Milei')).toBe(wiki('Javier_Milei'));
    expect(page('Daniel Chapo')).toBe(wiki('Daniel_Chapo'));
  });
});
