/**
 * Bundled by card.e2e.test.ts into the page's own world: the overlay painter and the highlighter as the
 * content script uses them where the Highlight API is missing.
 */
import { Highlighter, type PageMention } from '../../../lib/page/highlighter';
import { lineFor } from '../../../lib/page/highlight-style';
import { OverlayPainter } from '../../../lib/page/overlay-painter';

export function markWords(words: string[]): { hit: string | null } {
  const painter = new OverlayPainter(document, (name) => lineFor(name, 'light', 'dotted'));
  const highlighter = new Highlighter(document, painter);
  const mentions: PageMention[] = [];
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const word of words) {
      const at = node.data.indexOf(word);
      if (at < 0 || mentions.some((m) => m.surface === word)) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      mentions.push({
        range,
        entityId: null,
        kind: 'country',
        name: word,
        surface: word,
        candidates: [],
        paragraph: node.parentElement!,
      });
    }
  }
  highlighter.add(mentions);
  painter.layout();
  const first = mentions.find((m) => m.surface === 'Hamas')!.range.getClientRects()[0]!;
  return { hit: highlighter.hitTest(first.left + 3, first.top + first.height / 2)?.surface ?? null };
}
