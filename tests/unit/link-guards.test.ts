import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import { entity } from './support/test-entity';

const index = buildMatchIndex([
  entity('us', 'country', 'United States', {
    alternateName: [
      { text: 'US', case: 'exact' },
      { text: 'USA', case: 'exact' },
    ],
  }),
  entity('ph', 'country', 'Philippines'),
  entity('ps', 'country', 'Palestine'),
  entity('pa', 'government-body', 'Palestinian Authority', {
    alternateName: [{ text: 'PNA', case: 'exact' }],
    related: ['ps'],
  }),
  entity('nato', 'organization', 'NATO'),
  entity('boeing', 'organization', 'Boeing'),
  entity('africa', 'place', 'Africa'),
  entity('caribbean', 'place', 'Caribbean'),
  entity('southeast-asia', 'place', 'Southeast Asia'),
  entity('haiti', 'country', 'Haiti'),
  entity('amnesty', 'organization', 'Amnesty International'),
  entity('dc', 'place', 'Washington, D.C.', { alternateName: [{ text: 'Washington' }] }),
  entity('seattle', 'place', 'Seattle', { related: ['us'] }),
  entity('beijing', 'place', 'Beijing', { related: ['cn'] }),
  entity('cn', 'country', 'China'),
]);

const links = (text: string) => annotate(index, text).map((m) => `${m.surface}=${m.entityId ?? '?'}`);

describe('words around a name that make it part of something else', () => {
  it('a currency sign after a country code is a currency, not the country ("US$")', () => {
    expect(links('Aid worth US$1.9 million reached the US on Monday.')).toEqual(['US=us']);
    expect(links('a deal worth US$ 7.2 bn')).toEqual([]);
  });

  it('a maker before a hyphen and a model code is a product ("Boeing-747"), not the maker', () => {
    expect(links('A Boeing-747 landed; Boeing said the Boeing-led group would grow.')).toEqual([
      'Boeing=boeing',
      'Boeing=boeing',
    ]);
  });

  it('a compass word before a continent names another region ("southern Africa")', () => {
    expect(links("southern Africa's regional bloc met; Central Africa and Africa's leaders too.")).toEqual(['Africa=africa']);
  });

  it('a region before a noun of place is an adjective ("the Caribbean nation")', () => {
    expect(links('A quake hit the Caribbean nation of Haiti. Storms cross the Caribbean every year.')).toEqual([
      'Haiti=haiti',
      'Caribbean=caribbean',
    ]);
  });

  it('a region named in several words stays a mention before a noun of place ("this Southeast Asia nation")', () => {
    expect(links('The army rules this Southeast Asia nation.')).toEqual(['Southeast Asia=southeast-asia']);
  });
});

describe('names that end another name or stand for a region', () => {
  it('a country code after an organisation ends the name of its branch ("Amnesty International USA")', () => {
    expect(links('Amnesty International USA said the US must act.')).toEqual(['Amnesty International=amnesty', 'US=us']);
  });

  it('"Washington" after a city and a comma is the state, which only Washington, D.C. would wrongly stand for', () => {
    expect(links('Protests in Seattle, Washington, spread. Beijing, Washington and Moscow disagree.')).toEqual([
      'Seattle=seattle',
      'Beijing=beijing',
      'Washington=dc',
    ]);
  });
});

describe('acronyms of one country’s bodies', () => {
  it('need the country shown otherwise in the article ("(PNA)" in a Philippine report is not the Palestinian Authority)', () => {
    expect(links('Manila police said the Philippines would act. (PNA)')).toEqual(['Philippines=ph']);
    expect(links('Palestine’s leaders met in Ramallah; the PNA said talks would resume.')).toEqual(['Palestine=ps', 'PNA=pa']);
    expect(links('Palestinian leaders met in Ramallah; the PNA said talks would resume.')).toEqual(['PNA=pa']);
  });

  it('bodies of no country are linked as before', () => {
    expect(links('NATO said so.')).toEqual(['NATO=nato']);
  });
});
