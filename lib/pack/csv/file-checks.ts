/** Before and around parsing: files that are not CSV at all, the delimiter, blank rows. */

/** Catches files that are clearly not CSV before they turn into a page of confusing row problems. */
export function sniff(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (head.trim() === '') return 'The file is empty.';
  if (head.includes('\u0000') || head.startsWith('PK\u0003\u0004')) {
    return 'This is not a text file (it may be an Excel workbook). In your spreadsheet app, choose "Save as" or "Download" and pick "CSV".';
  }
  if (/^\s*<(!doctype|html|head|body|\?xml|script|div|table|meta)\b/i.test(head) || /<html[\s>]/i.test(head)) {
    return 'This file is a web page (HTML), not a CSV file. Look for a "Download as CSV" or "Raw" link on the page you saved it from.';
  }
  if (/^\s*[{[]/.test(head) && isJson(text))
    return 'This file is JSON, not CSV. If it is a Gloss pack, import it as a pack instead.';
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Decided from the header row alone: a glossary's values hold commas and semicolons, its header does not. */
export function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\s*\n/, '').split('\n', 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
