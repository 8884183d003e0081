import { MARKS_ELEMENT } from './page-names';
import type { Painter } from './painter';

export interface OverlayLine {
  colour: string;
  style: string;
}

const HOST_STYLE =
  'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; ' +
  'height: 0 !important; overflow: visible !important; pointer-events: none !important; z-index: 2147483646 !important;';

/**
 * The fallback for browsers without the Highlight API: underline boxes, absolutely positioned in a shadow
 * root laid over the page. Page text is never wrapped (wrapping is what breaks pages: hypothesis/client#490).
 * Boxes are placed relative to the overlay's own position, so they land right whatever the page's
 * containing block; they are laid out again when the page resizes or reflows.
 */
export class OverlayPainter implements Painter {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private groups: ReadonlyMap<string, readonly Range[]> = new Map();
  private frame = 0;
  private readonly observer: ResizeObserver | null;
  private readonly onResize = () => this.scheduleLayout();

  constructor(
    private readonly doc: Document,
    private readonly lineFor: (name: string) => OverlayLine,
  ) {
    const win = doc.defaultView!;
    this.observer = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(this.onResize) : null;
  }

  paint(groups: ReadonlyMap<string, readonly Range[]>): void {
    this.groups = groups;
    this.ensureHost();
    this.scheduleLayout();
  }

  isPainted(): boolean {
    return this.groups.size === 0 || (this.host?.isConnected ?? false);
  }

  clear(): void {
    this.groups = new Map();
    this.observer?.disconnect();
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.host?.remove();
    this.host = null;
    this.layer = null;
  }

  /** Lays the boxes out now (tests call this; the painter itself waits for a frame). */
  layout(): void {
    const host = this.host;
    const layer = this.layer;
    if (!host || !layer) return;
    const origin = host.getBoundingClientRect();
    const boxes: HTMLElement[] = [];
    for (const [name, ranges] of this.groups) {
      const line = this.lineFor(name);
      for (const range of ranges) {
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          const box = this.doc.createElement('div');
          box.className = 'mark';
          box.dataset.name = name;
          box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.bottom - origin.top - 1}px;width:${rect.width}px;border-bottom:2px ${line.style} ${line.colour};`;
          boxes.push(box);
        }
      }
    }
    layer.replaceChildren(...boxes);
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    this.host?.remove();
    const host = this.doc.createElement(MARKS_ELEMENT);
    host.setAttribute('style', HOST_STYLE);
    host.setAttribute('aria-hidden', 'true');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = '.mark { position: absolute; height: 0; pointer-events: none; }';
    const layer = this.doc.createElement('div');
    shadow.append(style, layer);
    this.doc.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    this.observer?.observe(this.doc.documentElement);
    if (this.doc.body) this.observer?.observe(this.doc.body);
    this.doc.defaultView?.addEventListener('resize', this.onResize, { passive: true });
  }

  private scheduleLayout(): void {
    const win = this.doc.defaultView;
    if (!win || this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }
}
