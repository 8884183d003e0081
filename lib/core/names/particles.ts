import { words } from './word-lists';
import { type Token, gapIsSpace } from './tokens';

/**
 * Particles that open a family name written without the given name: "bin Laden", "al Sisi", "van der Leyen",
 * "de Gaulle", "da Silva", "dos Santos", "von der Leyen". The particle belongs to the name: without it the
 * span was the bare "Laden" or "Leyen", which no reader calls the person. Not "le", "la", "y", "et", "en":
 * French and Spanish articles and conjunctions that English text quotes before names of things.
 */
const LEADING_PARTICLES = words('de del della di da dos das du van von bin ibn bint al el abu ben');
/** The second word of a two-word particle: "van der", "von der", "van den", "de la", "de los". */
const SECOND_PARTICLES = words('der den de la las los le des del');
/** "a van", "the van": the vehicle, not a particle. */
const DETERMINERS = words('a an the this that his her its their our my your one');

/**
 * How many lower-case particle words open a name at token `i` (1 or 2), followed by a name word after a space;
 * 0 where none does.
 */
export function leadingParticles(tokens: readonly Token[], i: number, text: string, nameWord: (j: number) => boolean): number {
  const first = tokens[i]!;
  if (first.cap || !LEADING_PARTICLES.has(first.text)) return 0;
  if (first.text === 'van' && DETERMINERS.has(tokens[i - 1]?.lower ?? '')) return 0;
  let n = 1;
  const second = tokens[i + 1];
  if (second && !second.cap && SECOND_PARTICLES.has(second.text) && gapIsSpace(text, first, second)) n = 2;
  const name = tokens[i + n];
  if (!name || !gapIsSpace(text, tokens[i + n - 1]!, name) || !nameWord(i + n)) return 0;
  // "bin Laden", not "bin NATO": an acronym is no family name.
  return name.allCaps ? 0 : n;
}
