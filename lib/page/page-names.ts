/**
 * Names of what Gloss puts where a page can see it: highlight names in `CSS.highlights` and the
 * `::highlight()` rules, and the elements that hold the card and the overlay marks. Fixed names
 * ("gloss-person", `<gloss-card>`) told every page that Gloss runs and, through the ranges of each
 * highlight, which names its reader keeps. These are drawn afresh each time the content script starts.
 */
export function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  // A letter first: a CSS identifier and a custom element name may not start with a digit.
  return 'h' + [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}

/** A custom element name (it needs a hyphen) that says nothing about who made it. */
const elementName = () => `${randomName()}-${randomName().slice(1, 5)}`;

/** The element that holds the card's shadow root. */
export const CARD_ELEMENT = elementName();
/** The element that holds the overlay's underlines, where the Highlight API is missing. */
export const MARKS_ELEMENT = elementName();

/** Whether a node is one of Gloss's own elements (the mutation watcher ignores them). */
export function isGlossElement(node: Node): boolean {
  return node instanceof Element && (node.localName === CARD_ELEMENT || node.localName === MARKS_ELEMENT);
}
