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

  it('goes on past a second "of" once a name has gone past "of" or "for"', () => {
    expect(spans('He joined the National Association for the Advancement of Colored People in 1950.')).toEqual([
      'National Association for the Advancement of Colored People',
    ]);
    expect(spans('It merged with the Party of Democratic Action of Croatia last year.')).toEqual([
      'Party of Democratic Action of Croatia',
    ]);
  });

  it('ends a party at "for" when an organisation word opens what follows', () => {
    expect(spans('He will leave the Quebec Liberal Party for the Parti Québécois soon.')).toEqual([
      'Quebec Liberal Party',
      'Parti Québécois',
    ]);
  });

  it('leaves "Member" (of Parliament) out of a party\'s name, and a seat out of "Parliament"', () => {
    expect(spans('Sitting as a Liberal Party of Canada Member of Parliament for Niagara Falls, she won.')).toEqual([
      'Liberal Party of Canada',
      'Parliament',
      'Niagara Falls',
    ]);
  });

  it('reads a party head that opens a name as its first word, not a party before a candidate', () => {
    expect(names('Most are from local parties such as the Coalition Avenir Québec today.')).toEqual([
      'Coalition Avenir Québec:organization',
    ]);
  });

  it('goes on across "and" when the words after it do not end in an organisation word', () => {
    expect(spans('She is a fellow at the Belfer Center for Science and International Affairs now.')).toEqual([
      'Belfer Center for Science and International Affairs',
    ]);
  });

  it('takes a name with members of a party in the plural for a party, not a person', () => {
    expect(names('Voters chose the Australian Democrats and the Liberal Democrats again.')).toEqual([
      'Australian Democrats:organization',
      'Liberal Democrats:organization',
    ]);
  });

  it("leaves the coalition a party leads out of the party's name", () => {
    expect(spans('It had been the senior partner in the Australian Labor Party Coalition since 1924.')).toEqual([
      'Australian Labor Party',
    ]);
  });

  it("keeps honorifics and hyphenated titles outside a person's name", () => {
    expect(spans('It was led by its Secretary-General Datuk Wilfred Madius Tangau that year.')).toEqual([
      'Wilfred Madius Tangau',
    ]);
    expect(spans('He was then known as the Honourable Edward Lyulph Stanley in London.')).toEqual([
      'Edward Lyulph Stanley',
      'London',
    ]);
  });

  it("keeps a country's acronym that closes a party's name inside it", () => {
    expect(spans('He joined the Communist Party USA in 1932.')).toEqual(['Communist Party USA']);
  });

  it('keeps a long title outside the name after it ("National Security Advisor", "Senate Majority Leader")', () => {
    expect(names('On Monday, National Security Advisor Mike Waltz spoke.')).toContain('Mike Waltz:person');
    expect(spans('Then Senate Majority Leader John Thune agreed.')).toContain('John Thune');
    expect(spans('Later Senate Minority Leader Chuck Schumer objected.')).toContain('Chuck Schumer');
  });

  it('does not run a titled person after "and" into the name before it', () => {
    expect(names('Secretary of State Marco Rubio and Defense Secretary Pete Hegseth flew to Riyadh.')).toEqual(
      expect.arrayContaining(['Marco Rubio:person', 'Pete Hegseth:person']),
    );
  });

  it('keeps an electoral district named by places joined with dashes whole', () => {
    expect(spans('She ran in the riding of Saskatoon - Rosetown - Biggar in 1988.')).toEqual(['Saskatoon - Rosetown - Biggar']);
    expect(spans('She ran in the riding of Saskatoon–Rosetown–Biggar in 1988.')).toEqual(['Saskatoon–Rosetown–Biggar']);
    // Elsewhere a dash between names is a break.
    expect(spans('The plant is in San Jose - Cisco said so.')).toEqual(['San Jose', 'Cisco']);
  });

  it('reads the kind from a name\'s head: a place word before "of", a chamber, a movement in French or Italian', () => {
    expect(names('It passed the House of Councillors in May.')).toEqual(['House of Councillors:organization']);
    expect(names('He was given the Duchy of Lancaster in 1399.')).toEqual(['Duchy of Lancaster:place']);
    expect(names('She joined the Mouvement Réformateur and the Movimento Sociale in 2002.')).toEqual([
      'Mouvement Réformateur:organization',
      'Movimento Sociale:organization',
    ]);
  });
});
