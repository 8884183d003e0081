/**
 * Puts Gloss's `::highlight()` rules into the page. They must be document-level rules (a shadow root's
 * styles do not reach the page's text). A constructed sheet in `adoptedStyleSheets` adds no node to the
 * page's DOM; where the browser refuses one from a content script, a <style> in <head> does the job.
 */
export class PageStyle {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;
  private css = '';

  constructor(private readonly doc: Document) {}

  set(css: string): void {
    this.css = css;
    if (this.sheet) this.sheet.replaceSync(css);
    else if (this.element) this.element.textContent = css;
    this.ensure();
  }

  /** Puts the rules back if the page dropped them (a SPA that rewrites <head>, a script that resets the sheets). */
  ensure(): void {
    if (!this.css) return;
    if (this.sheet && this.doc.adoptedStyleSheets.includes(this.sheet)) return;
    if (this.element?.isConnected) return;
    if (this.adopt()) return;
    this.element ??= this.doc.createElement('style');
    this.element.dataset.gloss = 'highlights';
    this.element.textContent = this.css;
    (this.doc.head ?? this.doc.documentElement).append(this.element);
  }

  remove(): void {
    if (this.sheet) {
      try {
        this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        // The page's world may refuse the assignment; the rules match nothing once highlights are gone.
      }
    }
    this.element?.remove();
    this.sheet = null;
    this.element = null;
    this.css = '';
  }

  private adopt(): boolean {
    try {
      const win = this.doc.defaultView as (Window & typeof globalThis) | null;
      if (!win || !('adoptedStyleSheets' in this.doc)) return false;
      const sheet = this.sheet ?? new win.CSSStyleSheet();
      sheet.replaceSync(this.css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      if (!this.doc.adoptedStyleSheets.includes(sheet)) return false;
      this.sheet = sheet;
      return true;
    } catch {
      return false;
    }
  }
}
