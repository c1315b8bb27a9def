import type { HPage } from '../harness';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Target {
  /** Tag, `data-action` or text: enough to find it in a failure message. */
  name: string;
  width: number;
  height: number;
}

export interface Layout {
  innerWidth: number;
  /** `document.documentElement.scrollWidth`: wider than the viewport means a horizontal scrollbar. */
  scrollWidth: number;
  /** The guide's (or, on an extension page, the body's) box; null when there is none. */
  box: Box | null;
  /** Boxes of the page's fields, by selector (the guide must not cover them). */
  fields: Record<string, Box | null>;
  /** Every visible control (button, link, input, select, summary) under the scanned root. */
  targets: Target[];
  /**
   * Elements whose content is cut: text that leaves the box sideways, or a box with hidden overflow holding
   * more than it shows. Empty when nothing is clipped.
   */
  clipped: string[];
}

/**
 * Measures the page as a family sees it. `root` is `guide` (the guide's shadow root, on a site page) or
 * `page` (the whole document, e.g. the popup opened as a page, as Firefox for Android shows it).
 * Source text rather than a closure so both drivers evaluate the same thing.
 */
export function layout(page: HPage, root: 'guide' | 'page', fields: string[] = []): Promise<Layout> {
  return page.evaluateSource<Layout>(`(() => {
    const fields = ${JSON.stringify(fields)};
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const host = document.querySelector('sesame-guide');
    // The guide's shadow root also holds WXT's own html/head/style wrapper: only the card counts.
    const frame = ${JSON.stringify(root)} === 'guide' ? host && host.shadowRoot.querySelector('section') : document.body;
    const scope = frame;
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' &&
        (typeof el.checkVisibility !== 'function' || el.checkVisibility());
    };
    // Screen-reader-only text is 1×1 and clipped on purpose.
    const srOnly = (el) => { const r = el.getBoundingClientRect(); return r.width <= 1 || r.height <= 1; };
    const name = (el) => el.tagName.toLowerCase() + (el.dataset.action ? '[data-action=' + el.dataset.action + ']' : '') +
      (el.dataset.option ? '[data-option=' + el.dataset.option + ']' : '') + (el.dataset.mode ? '[data-mode=' + el.dataset.mode + ']' : '') +
      ' "' + (el.textContent || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim().slice(0, 30) + '"';
    const targets = [];
    const clipped = [];
    if (scope && frame) {
      const outer = box(frame);
      for (const el of scope.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary')) {
        if (!visible(el)) continue;
        const r = box(el);
        targets.push({ name: name(el), width: r.width, height: r.height });
      }
      for (const el of scope.querySelectorAll('*')) {
        if (el === frame || srOnly(el) || !visible(el)) continue;
        if (['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK'].includes(el.tagName)) continue;
        const r = box(el);
        if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5) clipped.push(name(el) + ' outside the box');
        const s = getComputedStyle(el);
        const hides = s.overflowX !== 'visible' || s.overflowY !== 'visible';
        if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) clipped.push(name(el) + ' overflows');
      }
    }
    const fieldBoxes = {};
    for (const sel of fields) { const el = document.querySelector(sel); fieldBoxes[sel] = el ? box(el) : null; }
    return {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      box: frame ? box(frame) : null,
      fields: fieldBoxes,
      targets,
      clipped,
    };
  })()`);
}

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Controls smaller than 24×24 CSS px (WCAG 2.2, 2.5.8), named with their size. */
export function smallTargets(targets: Target[], min = 24): string[] {
  return targets
    .filter((t) => t.width < min - 0.01 || t.height < min - 0.01)
    .map((t) => `${t.name} ${t.width.toFixed(1)}×${t.height.toFixed(1)}`);
}

/** The smallest side of any control, for the report. */
export function smallestSide(targets: Target[]): number {
  return Math.min(...targets.map((t) => Math.min(t.width, t.height)));
}

/**
 * WCAG 1.4.12's test values (the "text spacing bookmarklet"), added to the guide's shadow root or to the
 * document: line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing 0.16em.
 */
export function applyTextSpacing(page: HPage, root: 'guide' | 'page'): Promise<void> {
  return page.evaluateSource<void>(`(() => {
    const style = document.createElement('style');
    style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    const host = document.querySelector('sesame-guide');
    const target = ${JSON.stringify(root)} === 'guide' ? host.shadowRoot : document.head;
    target.appendChild(style);
  })()`);
}
