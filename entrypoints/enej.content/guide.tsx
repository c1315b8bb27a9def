import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { type Generate, GuideApp } from '@/components/guide/GuideApp';
import guideCss from '@/components/guide/guide.css?inline';
import { SuccessCard } from '@/components/guide/SuccessCard';
import {
  collectPolicyTexts,
  detectPage,
  type PasswordForm,
  readPasswordRulesAttr,
} from '@/lib/detect/detect';
import { buildDiagnostic } from '@/lib/diagnostic/diagnostic';
import { childLifetime, scopedContext } from '@/lib/guide/lifetime';
import {
  type DiagnosticReply,
  isFromOwnExtension,
  parseGuideMessage,
  type StatusReply,
} from '@/lib/guide/messages';
import { effectiveProfile } from '@/lib/guide/profile';
import { createGuideSession, type GuideSession } from '@/lib/guide/session';
import { CATALOG_LANG_KEY, isolatingTranslate, messagesLang, type Translate } from '@/lib/i18n/catalog';
import { AUTOSTART_KEY } from '@/lib/sites/sites';
import { enejUserInputs, type StrengthEstimator } from '@/lib/strength/estimate';
import { STRENGTH_SCRIPT, strengthFromScript } from '@/lib/strength/script';

/** The extension API global that both browsers give content scripts; see `loadLazy`. */
declare const chrome: { runtime: { getURL(path: string): string } };

const ENEJ = new MatchPattern('https://*.lavienne86.fr/*');
const HOST_NAME = 'sesame-guide';
/** Set by the unlisted script `guide-generate.js` once it runs in this world. */
const GENERATE_KEY = Symbol.for('sesame.generate');

// Keys are checked against the catalog at build time (lintCatalog); WXT's typing only knows its own.
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);
const getURL = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);
const t: Translate = (key, params) => getMessage(key, params ? [...params] : undefined) || key;

/**
 * zxcvbn (~540 KB) and the word list stay out of the content script, which cannot split chunks: each is
 * its own file, imported by URL on first use (first keystroke, first "Générer" click).
 */
async function loadLazy<T>(file: string, key: symbol): Promise<T> {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  // Spelled `chrome.runtime.getURL(…)` inside `import()` on purpose: it is the one dynamic-import form
  // Mozilla's add-ons linter accepts as safe, and minifiers never rename the `chrome` global (Firefox
  // provides it to content scripts too).
  if (slot[key] === undefined) await import(/* @vite-ignore */ chrome.runtime.getURL(file));
  const value = slot[key];
  if (value === undefined) throw new Error(`${file} did not load`);
  return value;
}

// The same shared file and hand-over as the popup's (lib/strength/script.ts), with its retry on failure.
const loadEstimator = (): Promise<StrengthEstimator> =>
  strengthFromScript(() => import(/* @vite-ignore */ chrome.runtime.getURL(STRENGTH_SCRIPT)));
const loadGenerator = () => loadLazy<Generate>('/guide-generate.js', GENERATE_KEY);

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

interface Mounted {
  field: HTMLInputElement;
  ui: ShadowRootContentScriptUi<unknown>;
  life: AbortController;
  session: GuideSession;
}

/** Wires the guide to the page for the content script's lifetime; everything dies with `ctx`. */
export function startGuide(ctx: ContentScriptContext): void {
  const lang = messagesLang(t(CATALOG_LANG_KEY) || browser.i18n.getUILanguage());
  const tr = isolatingTranslate(t, lang);
  // On a site the family asked Sésame to remember, `site-autostart.js` ran just before us and set the flag.
  const remembered = (globalThis as unknown as Record<symbol, unknown>)[AUTOSTART_KEY] === true;
  let started = ENEJ.includes(location.href) || remembered;
  let mounted: Mounted | null = null;
  let mounting: HTMLInputElement | null = null;
  let success: ShadowRootContentScriptUi<unknown> | null = null;
  let successDismissed = false;
  let lastKind: StatusReply['kind'] = 'none';

  // A guide left by an earlier copy of this script (extension reloaded, injected twice) goes first.
  const sweep = (keep: Element | null) => {
    for (const host of document.querySelectorAll(HOST_NAME)) if (host !== keep) host.remove();
  };

  const unmountGuide = () => {
    if (!mounted) return;
    mounted.life.abort();
    mounted.ui.remove();
    mounted = null;
  };
  let successLife: AbortController | null = null;
  const removeSuccess = () => {
    success?.remove();
    success = null;
    successLife?.abort();
    successLife = null;
  };

  const mountGuide = async (form: PasswordForm) => {
    mounting = form.newPassword;
    unmountGuide();
    removeSuccess();
    const { profile, fromPage } = effectiveProfile(
      collectPolicyTexts(document, form),
      readPasswordRulesAttr(form),
    );
    const life = childLifetime(ctx);
    const session = createGuideSession({
      fields: { newPassword: form.newPassword, confirm: form.confirm, current: form.current },
      profile,
      signal: life.signal,
      loadEstimator,
      userInputs: enejUserInputs(new Date()),
    });
    const ui = await createShadowRootUi(scopedContext(ctx, life.signal), {
      name: HOST_NAME,
      css: guideCss,
      mode: 'open',
      position: 'inline',
      anchor: anchorFor(form),
      append: 'after',
      // Keys typed in the guide must not reach the page's shortcuts (Enter submitting the form…).
      isolateEvents: true,
      onMount: (container) => {
        render(
          <GuideApp
            session={session}
            profile={profile}
            fromPage={fromPage}
            generate={loadGenerator}
            t={tr}
            lang={lang}
          />,
          container,
        );
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container as HTMLElement);
      },
    });
    // The page may have replaced the field (or the script died) while the stylesheet loaded.
    if (ctx.isInvalid || mounting !== form.newPassword || !form.newPassword.isConnected) {
      life.abort();
      ui.remove();
      return;
    }
    sweep(null);
    ui.mount();
    mounted = { field: form.newPassword, ui, life, session };
    mounting = null;
  };

  const showSuccess = async () => {
    if (success || successDismissed) return;
    const life = childLifetime(ctx);
    const ui = await createShadowRootUi(scopedContext(ctx, life.signal), {
      name: HOST_NAME,
      css: guideCss,
      mode: 'open',
      position: 'inline',
      anchor: () => document.querySelector('main h1, main h2, h1, h2')?.parentElement ?? document.body,
      append: 'first',
      isolateEvents: true,
      onMount: (container) => {
        render(
          <SuccessCard
            t={tr}
            lang={lang}
            onClose={() => {
              successDismissed = true;
              removeSuccess();
            }}
          />,
          container,
        );
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container as HTMLElement);
      },
    });
    if (ctx.isInvalid || success || successDismissed || lastKind !== 'success') {
      life.abort();
      ui.remove();
      return;
    }
    sweep(null);
    ui.mount();
    success = ui;
    successLife = life;
  };

  const sync = () => {
    if (!started || ctx.isInvalid) return;
    const page = detectPage(document);
    lastKind = page.kind;
    if (page.kind === 'change-password') {
      const field = page.form.newPassword;
      if (mounted && mounted.field === field && field.isConnected && mounted.ui.shadowHost.isConnected)
        return;
      if (mounting === field) return;
      void mountGuide(page.form);
    } else {
      mounting = null;
      unmountGuide();
      if (page.kind === 'success') void showSuccess();
      else removeSuccess();
    }
  };

  // Pages rebuild their forms (multi-step wizards, frameworks): follow the DOM, coalescing bursts of
  // mutations into one check outside the page's own event handlers.
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    ctx.setTimeout(() => {
      queued = false;
      sync();
    }, 0);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    // Wizards often reveal their next step by toggling these rather than inserting nodes.
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden'],
  });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);

  const extensionOrigin = getURL('/');
  const onMessage = (
    message: unknown,
    sender: Parameters<typeof isFromOwnExtension>[0],
    sendResponse: (r: unknown) => void,
  ) => {
    if (!isFromOwnExtension(sender, browser.runtime.id, extensionOrigin)) return false;
    const msg = parseGuideMessage(message);
    if (!msg) return false;
    switch (msg.type) {
      case 'sesame:status': {
        const kind = started ? detectPage(document).kind : lastKind;
        sendResponse({ kind, canFill: kind === 'change-password' && mounted !== null } satisfies StatusReply);
        break;
      }
      case 'sesame:start-guide':
        started = true;
        sync();
        sendResponse({ ok: true });
        break;
      case 'sesame:fill':
        sendResponse(mounted ? mounted.session.fill(msg.password) : { ok: false, reason: 'no-form' });
        break;
      case 'sesame:diagnostic':
        // Asked by the popup when the guide stayed away; built on demand, never kept.
        sendResponse({
          text: buildDiagnostic({ doc: document, url: location.href }),
        } satisfies DiagnosticReply);
        break;
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    // The page first: in an orphaned script (extension reloaded) the runtime API may already be gone.
    unmountGuide();
    removeSuccess();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // Nothing left to unregister from.
    }
  });
  // Chromium never tells a script orphaned by a reload or an update that it is dead, and WXT only finds
  // out when asked (its URL watcher uses the Navigation API there, not a poll). Unasked, the old guide
  // would stay on the page, frozen: its messages come from the runtime it lost. So ask every second, and
  // before any input reaches the guide's listeners (capture phase), so it goes instead of freezing.
  ctx.setInterval(() => void ctx.isInvalid, 1000);
  ctx.addEventListener(document, 'input', () => void ctx.isInvalid, { capture: true });

  sync();
}
