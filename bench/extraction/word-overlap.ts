/**
 * Word precision, recall and F1 of an extracted text against a reference, as bags of words: a word
 * counts as often as it occurs, so a page's navigation repeating "News" is not hidden by one "news" in the
 * article. Chinese and Japanese characters count one by one (those scripts put no spaces between words).
 */

const WORD_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD_RE) ?? [];
}

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
  /** Words in the extraction and in the reference. */
  extracted: number;
  reference: number;
}

function bag(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function wordOverlap(extracted: string, reference: string): Overlap {
  const got = words(extracted);
  const want = words(reference);
  const wantBag = bag(want);
  let shared = 0;
  for (const [w, n] of bag(got)) shared += Math.min(n, wantBag.get(w) ?? 0);
  // An empty extraction of an empty reference is right; either empty alone is all wrong.
  const precision = got.length === 0 ? (want.length === 0 ? 1 : 0) : shared / got.length;
  const recall = want.length === 0 ? (got.length === 0 ? 1 : 0) : shared / want.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, extracted: got.length, reference: want.length };
}
