import {
  CATALOG_LANG_KEY,
  isolatingTranslate,
  type Lang,
  messagesLang,
  type Translate,
  textDirection,
} from '@/lib/i18n/catalog';
import { type PopupView, popupView } from './view';

/** The two API namespaces the set-up reads. */
export interface SetupApi {
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
  extension?: unknown;
}

function inPopupViews(api: SetupApi): boolean | null {
  try {
    const extension = api.extension as { getViews(q: { type: 'popup' }): Window[] };
    return extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return null;
  }
}

/** Sets what the stylesheet and assistive technologies read off the page itself: language, direction, frame. */
export function framePage(lang: Lang, view: PopupView, title: string): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = textDirection(lang);
  // An attribute rather than `dataset`, one interface fewer for Firefox to build before the first paint.
  root.setAttribute('data-view', view);
  document.title = title;
}

/**
 * The page's language, direction, frame and title, and the translator, through the extension API. The full
 * popup runs it first; the first script only when it has no stored labels (`first-labels.ts`), since the
 * stylesheet gives the toolbar panel its width from `data-view`. Run again, it changes nothing.
 */
export function setUpPage(api: SetupApi): { t: Translate; lang: Lang } {
  const getMessage: Translate = (key, params) => api.i18n.getMessage(key, params ? [...params] : undefined);
  // The catalog the browser actually picked names its own language: `getUILanguage()` alone can disagree
  // (measured: headless Chromium reports `fr-FR` while it serves the `en` messages).
  const lang = messagesLang(getMessage(CATALOG_LANG_KEY) || api.i18n.getUILanguage());
  const t = isolatingTranslate(getMessage, lang);
  const view = popupView({ inPopupViews: inPopupViews(api), userAgent: navigator.userAgent });
  framePage(lang, view, t('popup_title'));
  return { t, lang };
}
