const START_LENGTH = 60;

function findBody(node: unknown, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = findBody(n, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = node as Record<string, unknown>;
  if (typeof obj.articleBody === 'string' && obj.articleBody.length > START_LENGTH) return obj.articleBody;
  return findBody(obj['@graph'], depth + 1) ?? findBody(obj.mainEntity, depth + 1);
}

/**
 * The first words of the article body a page describes in JSON-LD, whitespace folded: the paragraph
 * that starts with them is the start of the article, whatever the markup around it.
 */
export function jsonLdBodyStart(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A page's broken JSON must not break us.
    }
    const body = findBody(data, 0);
    if (body) return body.replace(/\s+/g, ' ').trim().slice(0, START_LENGTH);
  }
  return null;
}
