import {
  CATALOG_LANG_KEY,
  isolatingTranslate,
  type Lang,
  messagesLang,
  type Translate,
  textDirection,
} from '@/lib/i18n/catalog';
import { popupView } from './view';

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

/**
 * The page's language, direction, frame and title, and the translator: what both popup scripts need first.
 * The first script runs it before painting (the stylesheet gives the toolbar panel its width from
 * `data-view`); the full popup runs it again, which changes nothing when the first script already did.
 */
export function setUpPage(api: SetupApi): { t: Translate; lang: Lang } {
  const getMessage: Translate = (key, params) => api.i18n.getMessage(key, params ? [...params] : undefined);
  // The catalog the browser actually picked names its own language: `getUILanguage()` alone can disagree
  // (measured: headless Chromium reports `fr-FR` while it serves the `en` messages).
  const lang = messagesLang(getMessage(CATALOG_LANG_KEY) || api.i18n.getUILanguage());
  const t = isolatingTranslate(getMessage, lang);
  const root = document.documentElement;
  root.lang = lang;
  root.dir = textDirection(lang);
  // An attribute rather than `dataset`, one interface fewer for Firefox to build before the first paint.
  root.setAttribute(
    'data-view',
    popupView({ inPopupViews: inPopupViews(api), userAgent: navigator.userAgent }),
  );
  document.title = t('popup_title');
  return { t, lang };
}
