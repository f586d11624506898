/**
 * A stylesheet Sift adds to a page only while it needs it: the `::highlight()` rules while
 * highlights show (palette.ts `highlightRules` says why they are not in the content script's CSS).
 *
 * The sheet is a constructed stylesheet adopted by the document: no node of the page changes, and a
 * page's `style-src` policy does not apply to it. A page that sets `document.adoptedStyleSheets`
 * itself drops ours: `show` adopts it again (the painter calls it at every paint and flash). Where a
 * content script cannot adopt one (Firefox: setting `adoptedStyleSheets` through its wrappers
 * throws), nothing is added: there the rules come with the content script (wxt.config.ts).
 */
export class PageSheet {
  private sheet: CSSStyleSheet | null = null;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  /** Adopts the sheet (made once, with the page's own constructor); false where that is not possible. */
  show(): boolean {
    try {
      const adopted = this.doc.adoptedStyleSheets;
      if (!adopted) return false;
      if (!this.sheet) {
        const Sheet = (this.doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
        if (typeof Sheet !== 'function') return false;
        const sheet = new Sheet();
        sheet.replaceSync(this.css);
        this.sheet = sheet;
      }
      const sheet = this.sheet;
      if (adopted.includes(sheet)) return true;
      this.doc.adoptedStyleSheets = [...adopted, sheet];
      return this.doc.adoptedStyleSheets.includes(sheet);
    } catch {
      return false;
    }
  }

  hide(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const adopted = this.doc.adoptedStyleSheets;
      if (adopted.includes(sheet)) this.doc.adoptedStyleSheets = adopted.filter((s) => s !== sheet);
    } catch {
      // Not adoptable here after all; nothing was added.
    }
  }
}
