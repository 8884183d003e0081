import { markedUnknowns } from '@/lib/core/actor-profiles';
import { findArticleDate } from '@/lib/core/article-date';
import { readsNames } from '@/lib/core/names/article-names';
import type { UnknownActor } from '@/lib/core/unknown-actors';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Result } from '@/lib/messaging/result';
import { collectDateSignals } from '@/lib/page/date-signals';
import type { Highlighter, PageMention } from '@/lib/page/highlighter';
import { voters } from '@/lib/page/article/voters';
import { articleElements, ArticleScorer, pickArticle } from '@/lib/page/main-content';
import { isIntact, knownMentions, unknownMentions } from '@/lib/page/mention-ranges';
import type { ChangeBatch } from '@/lib/page/mutation-batcher';
import { looksLikeArticle } from '@/lib/page/new-content';
import { isInExcludedArea } from '@/lib/page/skip-rules';
import { afterFrame, nextTask, runSliced, SLICE_BUDGET_MS, timed, whenIdle } from '@/lib/page/slices';
import { isRendered } from '@/lib/page/visibility';
import { MAX_MENTIONS_PER_PAGE, MAX_UNKNOWN_PER_PAGE } from '@/lib/core/page-caps';
import { isBlockElement, MAX_BLOCK_CHARS, walkBlocks, type TextBlock } from '@/lib/page/walker';
import { describeElement, stats } from './stats';

/** Blocks per annotate request: well under the protocol's cap, and a reply the page can take in slices. */
const BLOCKS_PER_REQUEST = 2_000;
/** Fewer blocks than this are made into ranges in one slice, whatever their order. */
const ORDER_FROM_BLOCKS = 150;
/** Past this much changed text, re-scanning the article is cheaper than patching it. */
const MAX_PATCH_BLOCKS = 400;

/** The page's declared language, sent with every request: the background decides what it reads (readsNames). */
const pageLang = (doc: Document): string => doc.documentElement.lang.slice(0, 35);

/** Distance of a block from the viewport, in pixels (0 when on screen). */
function distanceFromViewport(block: TextBlock, viewportHeight: number): number {
  const rect = (block.pieces[0]?.node.parentElement ?? block.element).getBoundingClientRect();
  if (rect.bottom < 0) return -rect.bottom;
  if (rect.top > viewportHeight) return rect.top - viewportHeight;
  return 0;
}

/**
 * Finds the article, asks the background for its mentions and hands them to the highlighter: the
 * blocks on screen first, the rest in slices; then keeps up with the page as it changes.
 */
export class Annotator {
  private roots: Element[] = [];
  /** The page is a list of teasers (a home page, a section front): nothing is marked until a story shows. */
  private front = false;
  private date: string | undefined;
  /** What each paragraph read when it was last annotated and how many marks it got, to skip unchanged text. */
  private annotated = new WeakMap<Element, { text: string; marks: number }>();
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly signal: AbortSignal,
    private readonly onPainted: () => void,
  ) {}

  get articleDate(): string | undefined {
    return this.date;
  }

  /** Finds the article and annotates it, from scratch (first run, or a single-page app's new page). */
  async scanPage(): Promise<void> {
    const generation = ++this.generation;
    stats.scans++;
    this.highlighter.clear();
    this.annotated = new WeakMap();
    await afterFrame(this.signal);
    // Paragraph by paragraph in slices: reading every paragraph of a long page at once took 60–130 ms.
    const scorer = new ArticleScorer(this.doc);
    await runSliced('score-article', voters(this.doc), (voter) => scorer.add(voter), { signal: this.signal, urgent: true });
    const scores = scorer.scores;
    await nextTask(this.signal);
    const area = timed('pick-article', () => pickArticle(this.doc, scores, isRendered));
    this.roots = articleElements(area);
    this.front = area.how === 'front';
    stats.how = area.how;
    stats.roots = this.roots.map(describeElement);
    await nextTask(this.signal);
    this.date = timed('article-date', () => findArticleDate(collectDateSignals(this.doc, area.roots[0]))?.date);
    stats.date = this.date ?? null;
    await nextTask(this.signal);
    const blocks = await this.walk(this.roots, true);
    if (generation === this.generation) await this.annotate(blocks, generation, true);
    if (generation === this.generation) stats.settledAt = performance.now();
  }

  /** Brings the mentions up to date with what the page changed. */
  async update(batch: ChangeBatch): Promise<void> {
    const generation = this.generation;
    stats.updates++;
    if (batch.removed) timed('prune', () => this.highlighter.removeWhere((m) => !isIntact(m)));
    if (this.front) {
      // A front that turns into a story (a single-page app opening one in place) is scanned again.
      const story = timed('front-changes', () => [...batch.touched].some((el) => el.isConnected && looksLikeArticle(el)));
      return story ? this.scanPage() : undefined;
    }
    if (this.roots.length === 0 || this.roots.some((r) => !r.isConnected)) return this.scanPage();
    const dirty = new Set<Element>();
    const added: Element[] = [];
    timed('sort-changes', () => {
      for (const el of batch.touched) {
        const root = this.roots.find((r) => r.contains(el));
        if (root) {
          if (!isInExcludedArea(el, root)) dirty.add(this.paragraphOf(el, root));
        } else if (!this.roots.some((r) => el.contains(r)) && !added.some((a) => a.contains(el)) && looksLikeArticle(el)) {
          added.push(el);
        }
      }
    });
    this.roots.push(...added);
    const targets = [...dirty].filter((el) => ![...dirty].some((other) => other !== el && other.contains(el)));
    const marks = this.marksByParagraph();
    // Unchanged text that kept its marks is left alone: a live clock in a paragraph costs no request.
    const blocks = (await this.walk([...targets, ...added], false)).filter((b) => {
      const before = this.annotated.get(b.element);
      return before?.text !== b.text || (marks.get(b.element) ?? 0) < before.marks;
    });
    if (blocks.length === 0 || generation !== this.generation) return;
    if (blocks.length > MAX_PATCH_BLOCKS) return this.scanPage();
    const redo = new Set(blocks.map((b) => b.element));
    this.highlighter.removeWhere((m) => redo.has(m.paragraph));
    await this.annotate(blocks, generation, false);
  }

  private marksByParagraph(): Map<Element, number> {
    const counts = new Map<Element, number>();
    for (const m of this.highlighter.all) if (!m.unknown) counts.set(m.paragraph, (counts.get(m.paragraph) ?? 0) + 1);
    return counts;
  }

  /** The paragraph-level element around a change: re-annotating it keeps names that span inline tags whole. */
  private paragraphOf(el: Element, root: Element): Element {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (isBlockElement(e)) return e;
    return root;
  }

  private async walk(roots: readonly Element[], urgent: boolean): Promise<TextBlock[]> {
    const blocks: TextBlock[] = [];
    const all = (function* () {
      for (const r of roots) yield* walkBlocks(r, isRendered, MAX_BLOCK_CHARS);
    })();
    await runSliced(
      'walk',
      all,
      (b) => {
        blocks.push(b);
        stats.blocksWalked++;
        if (b.truncated) stats.cappedBlocks++;
      },
      { signal: this.signal, urgent },
    );
    return blocks;
  }

  private async annotate(blocks: TextBlock[], generation: number, urgent: boolean): Promise<void> {
    const request = { lang: pageLang(this.doc), ...(this.date ? { date: this.date } : {}) };
    // Actors the knowledge base lacks come in the same replies; they are painted after the known ones.
    const unknown = new Map<TextBlock, UnknownActor[]>();
    const done = await this.inBatches(
      blocks,
      generation,
      (batch) => sendMessage('annotate', { blocks: batch.map((b) => b.text), ...request }),
      async (batch, reply) => {
        batch.forEach((b, i) => unknown.set(b, reply.unknown[i] ?? []));
        await nextTask(this.signal);
        await this.place(batch, (b, i) => knownMentions(this.doc, b, reply.mentions[i] ?? []), urgent, false);
      },
    );
    if (!done) return;
    const marks = this.marksByParagraph();
    for (const b of blocks) this.annotated.set(b.element, { text: b.text, marks: marks.get(b.element) ?? 0 });
    if (!readsNames(pageLang(this.doc))) return;
    // In idle time, as they matter less than the known ones.
    await whenIdle(this.signal);
    if (generation !== this.generation) return;
    // Names marked before (a changed paragraph comes alone) still give a later "Hicks" its "Vanessa Hicks".
    const marked = this.highlighter.all.flatMap((m) =>
      m.unknown && (m.kind === 'person' || m.kind === 'organization') ? [{ surface: m.surface, kind: m.kind }] : [],
    );
    const texts = blocks.map((b) => b.text);
    const shown = markedUnknowns(
      texts,
      blocks.map((b) => unknown.get(b) ?? []),
      marked,
    );
    await this.place(blocks, (b, i) => unknownMentions(this.doc, b, shown[i] ?? []), false, true);
  }

  /**
   * Sends the blocks to the worker BLOCKS_PER_REQUEST at a time and places each reply before asking for
   * the next batch. False when a request failed or a newer annotation started (the rest is dropped).
   */
  private async inBatches<R>(
    blocks: TextBlock[],
    generation: number,
    request: (batch: TextBlock[]) => Promise<Result<R>>,
    place: (batch: TextBlock[], reply: R) => Promise<void>,
  ): Promise<boolean> {
    for (let from = 0; from < blocks.length; from += BLOCKS_PER_REQUEST) {
      const batch = blocks.slice(from, from + BLOCKS_PER_REQUEST);
      stats.requests++;
      stats.blocksSent += batch.length;
      const reply = await request(batch);
      if (!reply.ok) {
        console.debug('Gloss: annotation failed:', reply.error);
        return false;
      }
      if (generation !== this.generation) return false;
      await place(batch, reply.value);
    }
    return true;
  }

  /**
   * Makes ranges for the blocks nearest the viewport first and paints after each slice, up to the page's
   * cap of known (or unknown) marks: past it, a page of endless repeated names would only slow the tab down.
   */
  private async place(
    blocks: TextBlock[],
    make: (b: TextBlock, i: number) => PageMention[],
    urgent: boolean,
    unknown: boolean,
  ): Promise<void> {
    const cap = unknown ? MAX_UNKNOWN_PER_PAGE : MAX_MENTIONS_PER_PAGE;
    let room = cap - this.highlighter.all.filter((m) => (m.unknown !== undefined) === unknown).length;
    const order = timed('viewport-order', () => {
      const indices = blocks.map((_, i) => i);
      // Ordering asks for layout; only worth it when the blocks will not all fit in one slice anyway.
      if (blocks.length > ORDER_FROM_BLOCKS && blocks.length < 2_000) {
        const vh = this.doc.defaultView?.innerHeight ?? 800;
        const distance = blocks.map((b) => distanceFromViewport(b, vh));
        indices.sort((a, b) => distance[a]! - distance[b]!);
      }
      return indices;
    });
    let next = 0;
    while (next < order.length && room > 0) {
      timed('ranges', () => {
        const started = performance.now();
        const made: PageMention[] = [];
        while (next < order.length && room > 0 && performance.now() - started < SLICE_BUDGET_MS) {
          const i = order[next++]!;
          // A loop, not push(...spread): one block can yield more mentions than a call takes arguments.
          for (const m of make(blocks[i]!, i)) if (room-- > 0) made.push(m);
        }
        if (room <= 0) stats.cappedAt = cap;
        // Paint after every slice, so the first screenful shows before the rest is done.
        this.highlighter.add(made);
        stats.mentions = this.highlighter.all.length;
        if (made.length > 0 && stats.paintedAt === null) this.onPainted();
      });
      if (next < order.length && room > 0) await (urgent ? nextTask(this.signal) : whenIdle(this.signal));
    }
  }
}
