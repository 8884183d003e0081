import type { CaseRule } from '../pack/types';

const MARKS = /\p{M}/gu;
const SPACES = /\s+/gu;

/**
 * Printable ASCII without a double space is already plain: NFKD changes no ASCII character, and there
 * are no marks, soft hyphens or space runs to remove. Most surfaces and aliases in English news are
 * such text; skipping normalize() for them is a measurable share of annotation time.
 */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

function plain(s: string): string {
  if (PLAIN_ASCII.test(s) && !s.includes('  ')) return s;
  return s
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/\u00ad/g, '')
    .replace(SPACES, ' ');
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Whether `surface` (as written in the article) satisfies the alias's case rule. */
export function fitsCaseRule(surface: string, alias: string, rule: CaseRule): boolean {
  if (rule === 'any') return true;
  const s = plain(surface);
  const a = plain(alias);
  if (rule === 'exact') return s === a;
  // capitalized: wherever the alias starts a word with a capital, so must the article.
  const sWords = s.split(/[\s'’-]+/u);
  const aWords = a.split(/[\s'’-]+/u);
  for (let i = 0; i < aWords.length; i++) {
    const aw = aWords[i]!;
    const sw = sWords[i] ?? '';
    const first = aw.charAt(0);
    if (isUpper(first) && !isUpper(sw.charAt(0))) return false;
  }
  return true;
}
