import { COMMON, DEMONYMS, words } from './word-lists';
import { type Token, gapIsSpace } from './tokens';

/**
 * What only a person does, said right after a lone name that is the sentence's subject: "Timbrell campaigned
 * for a seat", "Kardash was re-elected", "Seawright finished second". Parties, companies and places do not
 * campaign as a subject written alone, get sworn in or retire; verbs an organisation does as often ("joined",
 * "won", "merged", "has") are left out.
 */
const PERSON_VERBS = words(`campaigned served resigned died retired graduated studied married volunteered testified
  placed finished`);
/** After "was" or "had been": "was re-elected", "was appointed", "had been elected". */
const PERSON_PARTICIPLES = words('elected re-elected appointed born sworn nominated knighted');
/** "Adams narrowly held", "Fletcher later joined": one adverb may stand between. */
const ADVERBS = words('also later then unsuccessfully successfully narrowly briefly once twice again subsequently');
/** Words that open a sentence as a capitalised subject without naming anyone. */
const NOBODY = words('nobody everybody somebody anybody everyone someone anyone nothing something none each');

/** Whether the lone name at token `at` is the subject of a verb only a person does. */
export function actsAsPerson(tokens: readonly Token[], at: number, text: string): boolean {
  const t = tokens[at]!;
  if (t.allCaps || t.possessive || COMMON.has(t.lower) || NOBODY.has(t.lower) || DEMONYMS.has(t.lower)) return false;
  // "the Liberals campaigned": a group named with "the" is not one person.
  const before = tokens[at - 1];
  if (before && !before.cap && (before.lower === 'the' || before.lower === 'a' || before.lower === 'an')) return false;
  let j = at + 1;
  if (tokens[j] && ADVERBS.has(tokens[j]!.lower)) j++;
  const verb = tokens[j];
  if (!verb || !gapIsSpace(text, tokens[j - 1]!, verb)) return false;
  if (PERSON_VERBS.has(verb.lower)) return true;
  // "won re-election" is a sitting member's.
  if (verb.lower === 'won' && tokens[j + 1]?.lower === 're-election') return true;
  const be = verb.lower === 'was' ? 1 : verb.lower === 'had' && tokens[j + 1]?.lower === 'been' ? 2 : 0;
  return be > 0 && PERSON_PARTICIPLES.has(tokens[j + be]?.lower ?? '');
}
