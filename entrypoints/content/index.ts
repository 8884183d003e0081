import './card.css';
import { sendMessage } from '@/lib/messaging/protocol';
import { highlightCss } from '@/lib/page/highlight-style';
import { Highlighter, type PageMention } from '@/lib/page/highlighter';
import { findArticleRoot } from '@/lib/page/main-content';
import { collectBlocks, locate, type TextBlock } from '@/lib/page/walker';
import type { Mention } from '@/lib/core/annotate';
import { createCardUi } from './card-ui';
import { trackHover } from './hover';
import { answerTabMessages } from './tab-handlers';

function isVisible(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
}

function toRange(block: TextBlock, m: Mention): Range | null {
  const start = locate(block, m.start, false);
  const end = locate(block, m.end, true);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

function injectStyle(): void {
  const style = document.createElement('style');
  style.dataset.gloss = 'highlights';
  style.textContent = highlightCss();
  (document.head ?? document.documentElement).append(style);
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    if (!('highlights' in CSS)) return; // A fallback without the Highlight API comes with the page work.
    const blocks = collectBlocks(findArticleRoot(document), isVisible);
    if (blocks.length === 0) return;
    // The card is made while the background matches, so hovering works as soon as marks appear.
    const [reply, card] = await Promise.all([sendMessage('annotate', { blocks: blocks.map((b) => b.text) }), createCardUi(ctx)]);
    if (!reply.ok) {
      console.debug('Gloss: annotation failed:', reply.error);
      return;
    }
    const mentions: PageMention[] = [];
    reply.value.mentions.forEach((list, i) => {
      for (const m of list) {
        const range = toRange(blocks[i]!, m);
        if (range)
          mentions.push({
            range,
            entityId: m.entityId,
            kind: m.kind,
            name: m.name,
            surface: m.surface,
            candidates: m.candidates,
          });
      }
    });
    if (mentions.length === 0 || ctx.isInvalid) return;
    injectStyle();
    const highlighter = new Highlighter(document);
    trackHover(ctx, highlighter, card);
    highlighter.add(mentions);
    ctx.onInvalidated(() => highlighter.clear());
    answerTabMessages(ctx, highlighter);
  },
});
