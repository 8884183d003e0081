import { describe, expect, it } from 'vitest';
import { findArticleNames } from '../../lib/core/names/article-names';

const names = (text: string) => findArticleNames([text])[0]!.map((n) => `${n.surface}:${n.kind}`);
/** The spans alone, where the kind is not what the case is about. */
const spans = (text: string) => findArticleNames([text])[0]!.map((n) => n.surface);

describe('where a proper name starts and ends', () => {
  it('keeps "of the <country>" inside a party\'s name rather than reading the country as a candidate', () => {
    expect(names('He led the Socialist Party of the United States for a decade.')).toEqual([
      'Socialist Party of the United States:organization',
    ]);
  });

  it("leaves a party label outside a person's name after a sentence's first word", () => {
    expect(names('Although Republican Dwight D. Eisenhower carried half the South, he lost.')).toEqual([
      'Dwight D. Eisenhower:person',
    ]);
  });

  it('keeps a run of initials and the Irish particle "Ó" inside a name', () => {
    expect(names('Speakers included Gwynfor Evans and J. E. Jones.')).toEqual(['Gwynfor Evans:person', 'J. E. Jones:person']);
    expect(spans('It was led by Ruairí Ó Brádaigh for years.')).toEqual(['Ruairí Ó Brádaigh']);
  });

  it('ends a name at "of <country>" or where its head word opens a second name after "and"', () => {
    expect(spans('He led the branches of the Liberal Party of Australia and Nationals there.')).toEqual([
      'Liberal Party of Australia',
      'Nationals',
    ]);
    expect(spans('It united the Principality of Svaneti and Principality of Abkhazia in 1801.')).toEqual([
      'Principality of Svaneti',
      'Principality of Abkhazia',
    ]);
  });

  it('does not join two organisations by "and" when "for" goes on from the second', () => {
    expect(spans('It had high ratings from the Conservative Review and Club for Growth last year.')).toEqual([
      'Conservative Review',
      'Club for Growth',
    ]);
  });

  it('takes no adjective that opens a sentence for a name', () => {
    expect(names('The vote was close. Prominent politicians joined the party.')).toEqual([]);
  });
});
