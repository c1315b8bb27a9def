import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type Generate, GuideApp } from '@/components/guide/GuideApp';
import guideCss from '@/components/guide/guide.css?inline';
import { SuccessCard } from '@/components/guide/SuccessCard';
import {
  collectPolicyTexts,
  type PasswordForm,
  readPasswordRulesAttr,
  readPatternAttr,
} from '@/lib/detect/detect';
import type { FillOutcome } from '@/lib/guide/fill';
import { effectiveProfile, rulesSource } from '@/lib/guide/profile';
import { createGuideSession } from '@/lib/guide/session';
import { isolatingTranslate, type Lang, type Translate } from '@/lib/i18n/catalog';
import { enejUserInputs, type StrengthEstimator } from '@/lib/strength/estimate';
import { STRENGTH_SCRIPT, strengthFromScript } from '@/lib/strength/script';
import { HOST_NAME, loadLazy } from './lazy';

/** The extension API global that both browsers give content scripts; see `loadLazy`. */
declare const chrome: { runtime: { getURL(path: string): string } };

/** Set by the unlisted script `guide-generate.js` once it runs in this world. */
const GENERATE_KEY = Symbol.for('sesame.generate');

// The same shared file and hand-over as the popup's (lib/strength/script.ts), with its retry on failure.
const loadEstimator = (): Promise<StrengthEstimator> =>
  strengthFromScript(() => import(/* @vite-ignore */ chrome.runtime.getURL(STRENGTH_SCRIPT)));
const loadGenerator = () =>
  loadLazy<Generate>(
    GENERATE_KEY,
    () => import(/* @vite-ignore */ chrome.runtime.getURL('/guide-generate.js')),
  );

/** A UI built but not yet in the page: the caller checks the page still wants it, then mounts it. */
export interface PreparedUi {
  shadowHost: Element;
  mount(): void;
  remove(): void;
}

export interface PreparedGuide extends PreparedUi {
  fill(password: string): FillOutcome;
}

export interface UiOptions {
  t: Translate;
  lang: Lang;
  /** The UI's lifetime: its listeners, session and shadow root go with it. */
  signal: AbortSignal;
}

/**
 * What the content script's core imports on first detection (`guide-ui.js`): everything that draws,
 * evaluates rules or loads the estimator, none of which a page without a change form ever needs.
 */
export interface GuideUi {
  prepareGuide(
    ctx: ContentScriptContext,
    form: PasswordForm,
    // `onEnej`: the rules shown are ENEJ's own unless the page states others.
    options: UiOptions & { onEnej: boolean },
  ): Promise<PreparedGuide>;
  prepareSuccess(
    ctx: ContentScriptContext,
    options: UiOptions & { onClose: () => void; anchor: () => Element },
  ): Promise<PreparedUi>;
}

/** After the field's own wrapper (label, eye button…) so the guide never sits between them. */
function anchorFor(form: PasswordForm): Element {
  const others = [form.confirm, form.current].filter((x): x is HTMLInputElement => x !== null);
  let el: Element = form.newPassword;
  while (el.parentElement && el.parentElement !== form.container && el.parentElement !== document.body) {
    const parent: Element = el.parentElement;
    if (others.some((o) => parent.contains(o))) break;
    el = parent;
  }
  return el;
}

/** A shadow-root UI showing `app`, its `<html>` in the language of the catalog served. */
function shadowUi(
  ctx: ContentScriptContext,
  lang: Lang,
  anchor: Element | (() => Element),
  append: 'after' | 'first',
  app: () => VNode,
) {
  return createShadowRootUi(ctx, {
    name: HOST_NAME,
    css: guideCss,
    mode: 'open',
    position: 'inline',
    anchor,
    append,
    // Keys typed in the guide must not reach the page's shortcuts (Enter submitting the form…).
    isolateEvents: true,
    onMount: (container, shadow) => {
      // The shadow root holds a whole `<html>` (WXT's isolated element); screen readers and axe read its
      // `lang` like a page's.
      shadow.querySelector('html')?.setAttribute('lang', lang);
      render(app(), container);
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container as HTMLElement);
    },
  });
}

export const guideUi: GuideUi = {
  async prepareGuide(ctx, form, { t: plain, lang, signal, onEnej }) {
    // Right-to-left catalogs get their Latin substitutions (counts, key names, ENEJ's French terms) isolated.
    const t = isolatingTranslate(plain, lang);
    const { profile, fromPage } = effectiveProfile(
      collectPolicyTexts(document, form),
      readPasswordRulesAttr(form),
      readPatternAttr(form),
    );
    const session = createGuideSession({
      fields: { newPassword: form.newPassword, confirm: form.confirm, current: form.current },
      profile,
      signal,
      loadEstimator,
      userInputs: enejUserInputs(new Date()),
    });
    const ui = await shadowUi(ctx, lang, anchorFor(form), 'after', () => (
      <GuideApp
        session={session}
        profile={profile}
        fromPage={fromPage}
        rulesSource={rulesSource(fromPage, onEnej)}
        generate={loadGenerator}
        t={t}
        lang={lang}
      />
    ));
    return {
      shadowHost: ui.shadowHost,
      mount: () => ui.mount(),
      remove: () => ui.remove(),
      fill: (password) => session.fill(password),
    };
  },

  async prepareSuccess(ctx, { t, lang, onClose, anchor }) {
    const ui = await shadowUi(ctx, lang, anchor, 'first', () => (
      <SuccessCard t={isolatingTranslate(t, lang)} lang={lang} onClose={onClose} />
    ));
    return { shadowHost: ui.shadowHost, mount: () => ui.mount(), remove: () => ui.remove() };
  },
};
