/**
 * What a name or alias may not be, whoever wrote the pack. An alias is matched against every page the
 * reader opens, so one that is a common word marks that word everywhere; and a thousand entities sharing
 * one alias make every occurrence a thousand-way choice (a pack of 100,000 entities all called "the" kept a
 * news page from being marked at all). Refusing these at validation keeps a subscribed pack from silencing
 * the built-in ones.
 */
import { foldText } from '../core/fold';

/**
 * Function words of the languages Gloss reads (English, French, German, Spanish, Portuguese, Italian,
 * Dutch), folded. Only words that are never a name on their own: "Will", "May" and "US" are names, so
 * they are not here.
 */
const STOP_WORDS = new Set(
  (
    'the a an of and or but if in on at to for from by with as is are was were be been it its this that these ' +
    'those he she they we you i his her their our your not no yes all any some there here than then so such ' +
    'le la les un une des de du et ou en au aux dans par pour sur avec est sont ce cette ces il elle ils nous vous ' +
    'der die das den dem des ein eine einer eines und oder im am zu zum zur mit von fur auf ist sind nicht ' +
    'el los las una unos unas y o del al por para con es son lo ' +
    'os as um uma e da do das dos em na no nas nos com ' +
    'il lo gli di e che per con non ' +
    'het een en van op te voor met is niet'
  ).split(' '),
);

/** Entities of one pack that may share one alias: enough for the real ambiguity of a surname or a city. */
export const MAX_ENTITIES_PER_ALIAS = 20;

/** Characters that reorder text on screen: a name could display as something other than what it is. */
export const BIDI_CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a name or alias cannot be matched on pages, or null when it can. An acronym in capitals matched
 * exactly ("IS", "LA") is not the word it spells.
 */
export function aliasProblem(text: string, exactCase: boolean): string | null {
  const folded = foldText(text).trim();
  if (folded === '') return null; // The text rules report an empty alias.
  const letters = [...folded.replace(/[^\p{L}\p{N}]/gu, '')];
  if (letters.length === 1) return `"${text}" is a single letter or digit: it would mark that character wherever it stands alone`;
  const acronym = exactCase && text === text.toUpperCase() && text !== text.toLowerCase();
  if (STOP_WORDS.has(folded) && !acronym)
    return `"${text}" is a common word ("the", "of", "and"…): it would mark that word on every page`;
  return null;
}
