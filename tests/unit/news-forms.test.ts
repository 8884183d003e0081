/**
 * Forms of whole kinds of actors that recent news writes, through the article annotator with the default set:
 * title-case acronyms, "<demonym> military", wars and events, continents and regions, central banks, seats of power,
 * markets.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../lib/cli/load-pack';
import { annotateArticle } from '../../lib/core/annotate-article';

const { index } = loadPack();
const linked = (text: string): string[] =>
  annotateArticle(index, [text], { date: '2025-02-03' })
    .mentions.flat()
    .map((m) => `${m.surface}=${m.entityId ?? '?'}`);

describe('news forms in the default set', () => {
  it('reads an acronym written with one capital, as British papers do', () => {
    expect(linked('Israel has banned Unrwa from operating on its territory.')).toContain('Unrwa=gloss:unrwa');
  });

  it('reads "<demonym> military" as the armed forces of the country', () => {
    expect(linked('The Israeli military said it struck a target in Gaza.')).toContain('Israeli military=gloss:idf');
    expect(linked('The Pakistani military said it killed militants in Pakistan.')).toContain(
      'Pakistani military=gloss:forces-pakistan',
    );
  });

  it('knows the wars and events news refers to', () => {
    expect(linked('He served in the Second World War.')).toContain('Second World War=gloss:event-world-war-ii');
    expect(linked('Since the October 7 attack, the Gaza war has killed thousands.')).toEqual([
      'October 7 attack=gloss:event-october-7-attacks',
      'Gaza war=gloss:event-gaza-war',
    ]);
  });

  it('knows continents, regions and seas', () => {
    expect(linked('Leaders in Europe and Africa met on the Black Sea.')).toEqual([
      'Europe=gloss:region-europe',
      'Africa=gloss:region-africa',
      'Black Sea=gloss:region-black-sea',
    ]);
  });

  it('knows central banks and the places that stand for a government', () => {
    // An acronym of one country's body needs that country in the article (link-guards.ts): "India's RBI".
    expect(linked("The Bank of Japan raised rates while India's RBI held.")).toEqual([
      'Bank of Japan=gloss:central-bank-bank-of-japan',
      'India=wd:Q668',
      'RBI=gloss:central-bank-reserve-bank-of-india',
    ]);
    expect(linked('Downing Street said the prime minister had spoken to the Élysée.')).toEqual([
      'Downing Street=gloss:seat-10-downing-street',
      'Élysée=gloss:seat-elysee-palace',
    ]);
  });

  it('knows markets and the yearly events of the news', () => {
    expect(linked('The S&P 500 fell while the FTSE 100 rose.')).toEqual([
      'S&P 500=gloss:market-sp-500',
      'FTSE 100=gloss:market-ftse-100',
    ]);
    expect(linked('Vance spoke at the Munich Security Conference after COP29.')).toContain(
      'Munich Security Conference=gloss:event-munich-security-conference',
    );
  });
});
