/**
 * The extractors compared by bench/extraction, as functions of a document that return the text Gloss
 * would annotate. DOM only: bundled into the browser run as they are run in Node.
 */
import { Readability } from '@mozilla/readability';
import { articleElements, findArticleArea } from '../../lib/page/main-content';
import { walkBlocks, type VisibilityCheck } from '../../lib/page/walker';
import { plainText } from './plain-text';

export type MethodName = 'current' | 'readability' | 'chosen';

/** What the bench uses of the detector issue 15 was filed against (read from git by previous-detector.ts). */
export interface PreviousDetector {
  findArticleArea(doc: Document, isVisible?: VisibilityCheck): { roots: Element[]; headline: Element | null };
  walkBlocks(root: Element, isVisible?: VisibilityCheck): Iterable<{ text: string }>;
}

function walkedText(
  roots: readonly Element[],
  isVisible: VisibilityCheck,
  walk: (root: Element, isVisible: VisibilityCheck) => Iterable<{ text: string }>,
): string {
  const parts: string[] = [];
  for (const r of roots) for (const b of walk(r, isVisible)) parts.push(b.text);
  return parts.join('\n');
}

/** The detector as it was when issue 15 was filed: best container, headline, siblings. */
export function current(previous: PreviousDetector, doc: Document, isVisible: VisibilityCheck = () => true): string {
  const area = previous.findArticleArea(doc, isVisible);
  return walkedText(area.headline ? [area.headline, ...area.roots] : area.roots, isVisible, previous.walkBlocks);
}

/** Gloss's detector now (lib/page/main-content.ts), walked as the content script walks it. */
export function chosen(doc: Document, isVisible: VisibilityCheck = () => true): string {
  return walkedText(articleElements(findArticleArea(doc, isVisible)), isVisible, walkBlocks);
}

/**
 * Readability as extensions use it: it rewrites the document it is given, so a live page needs a clone
 * (`clone` false where the document is a throwaway copy already, as in Node).
 */
export function readability(doc: Document, clone: boolean): string {
  const copy = clone ? (doc.cloneNode(true) as Document) : doc;
  const article = new Readability(copy, { serializer: (el: Node) => el }).parse();
  const content = article?.content as unknown as Element | undefined;
  return content ? plainText(content) : '';
}
