import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';
import { entity } from './support/test-entity';

const person = (id: string, name: string, aliases: string[] = []): Entity =>
  entity(id, 'person', name, { alternateName: aliases.map((text) => ({ text })) });

const index = buildMatchIndex([
  person('p:bola', 'Bola Tinubu', ['Tinubu']),
  person('p:john', 'John Roberts'),
  person('p:gwb', 'George W. Bush'),
  person('p:ferd', 'Ferdinand Marcos'),
  person('p:bbm', 'Ferdinand Marcos Jr.'),
  person('p:mohammed', 'Mohammed bin Abdulrahman Al Thani'),
  person('p:alex1', 'Alex Stone'),
  person('p:alex2', 'Alex Stone'),
]);
const links = (text: string) => annotateArticle(index, [text]).mentions[0]!.map((m) => `${m.surface}=${m.entityId ?? '?'}`);

describe('a person written with more of their name than the knowledge base lists', () => {
  it('links a middle name, a middle initial and a suffix to the one person of that first and family name', () => {
    expect(links('Nigeria sent President Bola Ahmed Tinubu to the summit.')).toEqual(['Bola Ahmed Tinubu=p:bola']);
    expect(links('The court ruled. Chief Justice John G. Roberts Jr. wrote the opinion.')).toEqual([
      'John G. Roberts Jr.=p:john',
    ]);
  });

  it('binds the family name later in the article to the person so found', () => {
    expect(links('Bola Ahmed Tinubu spoke first. Later, Tinubu left.')).toEqual(['Bola Ahmed Tinubu=p:bola', 'Tinubu=p:bola']);
    const roberts = annotateArticle(index, ['John G. Roberts Jr. wrote for the court.', 'Roberts said the law stands.']);
    expect(roberts.mentions[1]!.map((m) => `${m.surface}=${m.entityId}`)).toEqual(['Roberts=p:john']);
  });

  it('keeps the suffix first, so the son is not taken for the father', () => {
    expect(links('Voters backed Ferdinand R. Marcos Jr. in May.')).toEqual(['Ferdinand R. Marcos Jr.=p:bbm']);
  });

  it('joins two words of a transliteration the knowledge base writes as one', () => {
    expect(links('Qatar sent Sheikh Mohammed bin Abdul Rahman Al Thani to Cairo.')).toEqual([
      'Mohammed bin Abdul Rahman Al Thani=p:mohammed',
    ]);
  });

  it('does not link a middle part the known name contradicts, or a form two people share', () => {
    expect(links('The elder George H. W. Bush was president before his son.')).toEqual([]);
    expect(links('The activist Alex J. Stone spoke.')).toEqual([]);
  });

  it('does not drop a particle: "Mohammed bin Salman" is not "Mohammed Salman"', () => {
    const particle = buildMatchIndex([person('p:ms', 'Mohammed Salman')]);
    expect(annotateArticle(particle, ['Crown Prince Mohammed bin Salman met envoys.']).mentions[0]).toEqual([]);
  });
});
