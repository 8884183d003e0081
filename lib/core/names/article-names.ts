import { namesOf, readBlock, type UnknownActor } from '../unknown-actors';

/**
 * The proper names of an article given as blocks, known to the knowledge base or not. Evidence is the
 * article's: a word seen as a name mid-sentence in one paragraph is a name where it opens a sentence in
 * another, and a title-case heading, headline, caption or byline yields only names its body shows.
 */
export function findArticleNames(blocks: readonly string[]): UnknownActor[][] {
  const read = blocks.map(readBlock);
  const evidence = new Set<string>();
  for (const r of read) for (const w of r.evidence) evidence.add(w);
  return read.map((r) => namesOf(r, { evidence }));
}

/**
 * Whether the name finder's English cues apply to a page of this declared language (BCP 47, "en-GB"):
 * on other pages they would mark sentence openers and nouns. A page that declares none is read as English.
 * The browser and the CLI both decide with this.
 */
export function readsNames(lang: string | null | undefined): boolean {
  const l = (lang ?? '').trim().toLowerCase();
  return l === '' || l === 'en' || l.startsWith('en-') || l.startsWith('en_');
}
