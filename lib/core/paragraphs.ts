/** A paragraph of a plain text, with the offset of its first character in that text. */
export interface Paragraph {
  text: string;
  offset: number;
}

/** Splits plain text at blank lines, keeping offsets, so block-level evidence works on .txt input. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\r]*\n(?:[ \t\r]*\n)*/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), offset: start });
  return out;
}
