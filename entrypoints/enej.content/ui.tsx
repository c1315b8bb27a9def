import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Generate, GuideApp } from '@/components/guide/GuideApp';
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
import { anchorFor, createGuideHost, type GuideHost, placeAfter } from './host';
import { loadLazy } from './lazy';

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
    // `onEnej`: the rules shown are ENEJ's own unless the page states others. `firstFrame`: the host of the
    // frame the content script drew while this file loaded, to take over; `generateRequested`: a family's
    // click on that frame's button, to carry out now.
    options: UiOptions & { onEnej: boolean; firstFrame?: GuideHost; generateRequested?: () => boolean },
  ): Promise<PreparedGuide>;
  prepareSuccess(
    ctx: ContentScriptContext,
    options: UiOptions & { onClose: () => void; anchor: () => Element },
  ): Promise<PreparedUi>;
}

/**
 * A UI in a guide host: built off the page, then mounted. With `firstFrame`, the host the content script's
 * first frame already put in the page is taken over instead: its frame is replaced by the live UI in the same
 * task, so nothing moves and no second layout is seen; the focus a family gave the frame's button stays.
 */
function hostedUi(
  ctx: ContentScriptContext,
  lang: Lang,
  place: (host: Element) => void,
  app: () => VNode,
  firstFrame?: GuideHost,
): PreparedUi {
  const { host, shadow, body } = firstFrame ?? createGuideHost(lang);
  let rendered = false;
  const remove = () => {
    if (rendered) render(null, body);
    rendered = false;
    host.remove();
  };
  ctx.onInvalidated(remove);
  return {
    shadowHost: host,
    mount() {
      const focused = (shadow.activeElement as HTMLElement | null)?.dataset.action;
      body.replaceChildren();
      // A first frame's host the page dropped meanwhile goes back where a new one would.
      if (!host.isConnected) place(host);
      render(app(), body);
      if (focused) shadow.querySelector<HTMLElement>(`[data-action="${focused}"]`)?.focus();
      delete host.dataset.firstFrame;
      rendered = true;
    },
    remove,
  };
}

export const guideUi: GuideUi = {
  async prepareGuide(ctx, form, { t: plain, lang, signal, onEnej, firstFrame, generateRequested }) {
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
    const ui = hostedUi(
      ctx,
      lang,
      (host) => placeAfter(anchorFor(form), host),
      () => (
        <GuideApp
          session={session}
          profile={profile}
          fromPage={fromPage}
          rulesSource={rulesSource(fromPage, onEnej)}
          generate={loadGenerator}
          t={t}
          lang={lang}
          generateRequested={generateRequested}
        />
      ),
      firstFrame,
    );
    return {
      shadowHost: ui.shadowHost,
      mount: () => ui.mount(),
      remove: () => ui.remove(),
      fill: (password) => session.fill(password),
    };
  },

  async prepareSuccess(ctx, { t, lang, onClose, anchor }) {
    const ui = hostedUi(
      ctx,
      lang,
      (host) => anchor().prepend(host),
      () => <SuccessCard t={isolatingTranslate(t, lang)} lang={lang} onClose={onClose} />,
    );
    return { shadowHost: ui.shadowHost, mount: () => ui.mount(), remove: () => ui.remove() };
  },
};
