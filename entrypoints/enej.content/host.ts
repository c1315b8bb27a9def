import guideCss from '@/components/guide/guide.css?inline';
import type { PasswordForm } from '@/lib/detect/detect';
import { HOST_NAME } from './lazy';

/**
 * The guide's shadow host, built the same way by the content script's first frame and by the guide's UI,
 * so that the UI can take over the host the first frame put in the page (same element, no second layout).
 *
 * The structure is WXT's shadow-root UI (`createShadowRootUi`, which the guide used before): an open shadow
 * root holding a whole `<html>` whose `<head>` has the styles and whose `<body>` is the container, the
 * `:host { all: initial }` reset so the page's inherited styles never reach the guide, and key events
 * stopped at the body so keys typed in the guide never reach the page's shortcuts (Enter submitting…).
 */
export interface GuideHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the UI renders. */
  body: HTMLElement;
}

const RESET = '/* WXT Shadow Root Reset */ :host{all:initial !important;}';

export function createGuideHost(lang: string): GuideHost {
  const host = document.createElement(HOST_NAME);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  // Screen readers and axe read the shadow `<html>`'s `lang` like a page's.
  html.setAttribute('lang', lang);
  const head = document.createElement('head');
  const style = document.createElement('style');
  style.textContent = `${RESET}\n${guideCss}`.trim();
  head.append(style);
  const body = document.createElement('body');
  for (const type of ['keydown', 'keyup', 'keypress'])
    body.addEventListener(type, (e) => e.stopPropagation());
  html.append(head, body);
  shadow.append(html);
  return { host, shadow, body };
}

/** After the field's own wrapper (label, eye button…) so the guide never sits between them. */
export function anchorFor(form: PasswordForm): Element {
  const others = [form.confirm, form.current].filter((x): x is HTMLInputElement => x !== null);
  let el: Element = form.newPassword;
  while (el.parentElement && el.parentElement !== form.container && el.parentElement !== document.body) {
    const parent: Element = el.parentElement;
    if (others.some((o) => parent.contains(o))) break;
    el = parent;
  }
  return el;
}

export function placeAfter(anchor: Element, host: Element): void {
  anchor.parentElement?.insertBefore(host, anchor.nextElementSibling);
}
