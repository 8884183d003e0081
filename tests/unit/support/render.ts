import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';

/**
 * Renders `node` into a fresh linkedom document and returns the root element. Preact reads the global
 * `document` while it renders, so it points at this one for the call and is put back after.
 */
export function renderInto(node: VNode): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const g = globalThis as { document?: unknown };
  const previous = g.document;
  g.document = document;
  try {
    const root = document.getElementById('root')!;
    render(node, root);
    return root as unknown as HTMLElement;
  } finally {
    g.document = previous;
  }
}
