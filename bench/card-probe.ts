/**
 * Times the hover card from inside the page's main world, which sees the highlight registry and the
 * card's open shadow root. Evaluated with page.evaluate, so each function is self-contained.
 */

export interface CardTiming {
  /** Start of the animation frame that handled the pointer's arrival (the content script starts its
   * show timer in that frame's callback, a few ms later at most: the figure errs on the slow side). */
  armedAt: number;
  /** When the card was in the shadow root, placed, with its content. */
  shownAt: number;
  /** The next animation frame: the card is painted in it. */
  frameAt: number;
}

/**
 * Arms a probe for the next pointer move: the frame that handles it, then the first moment the card is
 * shown with content. The result is left in window.__cardProbe.
 */
export function armCardProbe(): void {
  const w = window as unknown as { __cardProbe?: Promise<CardTiming> };
  w.__cardProbe = new Promise<CardTiming>((resolve) => {
    let armedAt: number | null = null;
    let watchingRoot = false;
    // Capture phase: this runs before the content script's own listener, so this frame callback is
    // queued first and its timestamp is the start of the frame Gloss handles the move in.
    document.addEventListener('pointermove', () => requestAnimationFrame((ts) => (armedAt ??= ts)), {
      once: true,
      capture: true,
    });
    // Run in Gloss's content-script world: the card's root is closed, its element name random per page.
    const rootOfCard = (): ShadowRoot | null => {
      const g = globalThis as unknown as {
        __glossStats?: { names: { card: string } };
        chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } };
      };
      const host = g.__glossStats ? document.querySelector(g.__glossStats.names.card) : null;
      return host ? g.chrome.dom.openOrClosedShadowRoot(host) : null;
    };
    const cardEl = () => rootOfCard()?.querySelector<HTMLElement>('.gloss-card') ?? null;
    const check = () => {
      const root = rootOfCard();
      if (root && !watchingRoot) {
        watchingRoot = true;
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      const card = cardEl();
      const shown = card && !card.hidden && card.style.visibility !== 'hidden' && (card.textContent ?? '').trim() !== '';
      if (!shown || armedAt === null) return;
      const shownAt = performance.now();
      observer.disconnect();
      const armed = armedAt;
      requestAnimationFrame(() => resolve({ armedAt: armed, shownAt, frameAt: performance.now() }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true });
    check();
  });
}

/** The armed probe's result, or a rejection when no card showed in time. */
export function awaitCardProbe(timeoutMs: number): Promise<CardTiming> {
  const probe = (window as unknown as { __cardProbe?: Promise<CardTiming> }).__cardProbe;
  if (!probe) return Promise.reject(new Error('no card probe armed'));
  return Promise.race([
    probe,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no card within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

/** Whether the card is hidden (or was never made). */
export function cardHidden(): boolean {
  const rootOfCard = (): ShadowRoot | null => {
    const g = globalThis as unknown as {
      __glossStats?: { names: { card: string } };
      chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } };
    };
    const host = g.__glossStats ? document.querySelector(g.__glossStats.names.card) : null;
    return host ? g.chrome.dom.openOrClosedShadowRoot(host) : null;
  };
  const card = rootOfCard()?.querySelector<HTMLElement>('.gloss-card');
  return !card || card.hidden;
}
