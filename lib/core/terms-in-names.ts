import type { IndexedEntity } from './match-index';

interface Span {
  start: number;
  end: number;
  block: number;
  entities: number[];
}

/** Words that join the parts of an organisation's name: "Observatory for Human Rights", "Ministry of Health". */
const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'against', 'and', 'to']);
const TITLE_WORD_RE = /^\p{Lu}/u;
const WORD_RE = /[\p{L}\p{N}'’.-]+/gu;

const wordsOf = (text: string): string[] => text.match(WORD_RE) ?? [];

/** Short words a title-case heading leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'amid', 'after', 'upon', 'onto']);

/**
 * A heading in title case ("U.S. Tariffs on Canada Take Effect") capitalises its terms too; running text
 * leaves its verbs and common nouns in lower case however many names it has.
 */
function readsAsTitleCase(text: string): boolean {
  const long = wordsOf(text).filter((w) => w.length > 3 && !TITLE_SMALL_WORDS.has(w));
  return long.length > 0 && long.filter((w) => TITLE_WORD_RE.test(w)).length / long.length >= 0.9;
}

/**
 * A news term written in title case inside running text is a word of an organisation's name, not the
 * term: "Human Rights" in "Syrian Observatory for Human Rights", "Ceasefire" in "Ceasefire Monitoring
 * Commission". Such a span is no mention: linking it to the term would be a wrong link on that name.
 */
export function dropTermsInNames<S extends Span>(
  spans: readonly S[],
  blocks: readonly string[],
  entities: readonly IndexedEntity[],
): S[] {
  return spans.filter((s) => {
    if (!s.entities.every((e) => entities[e]!.kind === 'term')) return true;
    const text = blocks[s.block]!;
    const surface = text.slice(s.start, s.end);
    if (!wordsOf(surface).every((w) => TITLE_WORD_RE.test(w)) || readsAsTitleCase(text)) return true;
    const before = wordsOf(text.slice(Math.max(0, s.start - 60), s.start));
    const after = text.slice(s.end).match(/^ +(\S+)/u)?.[1] ?? '';
    const joinedToName = before.length >= 2 && NAME_CONNECTORS.has(before.at(-1)!) && TITLE_WORD_RE.test(before.at(-2)!);
    return !(joinedToName || TITLE_WORD_RE.test(after));
  });
}
