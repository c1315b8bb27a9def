import { browser } from 'wxt/browser';
import {
  CATALOG_LANG_KEY,
  isolatingTranslate,
  type Lang,
  messagesLang,
  type Translate,
  textDirection,
} from '@/lib/i18n/catalog';
import { popupView } from './view';

function inPopupViews(): boolean | null {
  try {
    const extension = browser.extension as unknown as { getViews(q: { type: 'popup' }): Window[] };
    return extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return null;
  }
}

/**
 * The page's language, direction, frame and title, and the translator: what both popup scripts need first.
 * The first script runs it before painting (the stylesheet gives the toolbar panel its width from
 * `data-view`); the full popup runs it again, which changes nothing when the first script already did.
 */
export function setUpPage(): { t: Translate; lang: Lang } {
  // WXT types getMessage against the `_locales` it sees at prepare time; ours are generated at build time
  // from `locales/*.json`, so the keys are plain strings here (the build lints them).
  const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string[]): string };
  const getMessage: Translate = (key, params) => i18n.getMessage(key, params ? [...params] : undefined);
  // The catalog the browser actually picked names its own language: `getUILanguage()` alone can disagree
  // (measured: headless Chromium reports `fr-FR` while it serves the `en` messages).
  const lang = messagesLang(getMessage(CATALOG_LANG_KEY) || browser.i18n.getUILanguage());
  const t = isolatingTranslate(getMessage, lang);
  const root = document.documentElement;
  root.lang = lang;
  root.dir = textDirection(lang);
  root.dataset.view = popupView({ inPopupViews: inPopupViews(), userAgent: navigator.userAgent });
  document.title = t('popup_title');
  return { t, lang };
}
