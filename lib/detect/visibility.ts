const HIDDEN_STYLE =
  /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(!important\s*)?(;|$)/i;
const NEVER_RENDERED = new Set(['TEMPLATE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'HEAD']);

/**
 * Cheap test on attributes only (works the same in happy-dom and browsers, reads no layout):
 * `hidden`, `inert`, inline `display:none` / `visibility:hidden` on the element or an ancestor.
 */
export function isHiddenByAttributes(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (NEVER_RENDERED.has(node.tagName)) return true;
    if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return true;
    const style = node.getAttribute('style');
    if (style && HIDDEN_STYLE.test(style)) return true;
  }
  return false;
}

interface CheckVisibility {
  checkVisibility?: (options?: Record<string, boolean>) => boolean;
}

/**
 * Whether a user could see (and so type into) `el`. Attributes first; then, where the engine has it,
 * `checkVisibility()` for stylesheet rules (a step hidden by a class). happy-dom's version understands
 * stylesheets but not the `hidden` attribute, browsers understand both, so the two checks together give
 * the same answer in tests and in Chrome/Firefox. `checkVisibility` only needs style, not layout.
 */
export function isProbablyVisible(el: Element): boolean {
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
  if (isHiddenByAttributes(el)) return false;
  const check = (el as Element & CheckVisibility).checkVisibility;
  if (typeof check !== 'function') return true;
  try {
    return check.call(el, { visibilityProperty: true, checkVisibilityCSS: true });
  } catch {
    return true;
  }
}
