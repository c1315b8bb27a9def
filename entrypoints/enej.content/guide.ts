import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { FIRST_FRAMES } from '@/components/guide/first-frame.generated';
import {
  collectPolicyTexts,
  detectPage,
  type PasswordForm,
  readPasswordRulesAttr,
  readPatternAttr,
} from '@/lib/detect/detect';
import {
  holdsPasswordLike,
  mutationsMatter,
  PASSWORD_LIKE_SELECTOR,
  passwordLikeIn,
} from '@/lib/detect/watch';
import { buildDiagnostic } from '@/lib/diagnostic/diagnostic';
import { buildFrame, firstFrameFits } from '@/lib/guide/first-frame';
import { childLifetime, scopedContext } from '@/lib/guide/lifetime';
import {
  type DiagnosticReply,
  isFromOwnExtension,
  parseGuideMessage,
  type StatusReply,
} from '@/lib/guide/messages';
import {
  CATALOG_LANG_KEY,
  isolatingTranslate,
  messagesLang,
  type Translate,
  textDirection,
} from '@/lib/i18n/catalog';
import { AUTOSTART_KEY } from '@/lib/sites/sites';
import { anchorFor, createGuideHost, type GuideHost, placeAfter } from './host';
import { HOST_NAME } from './lazy';
import type { GuideUi, PreparedGuide, PreparedUi } from './ui';

const ENEJ = new MatchPattern('https://*.lavienne86.fr/*');
/** How often a page without any password-like element is looked at again (a form inserted later). */
const POLL_MS = 250;

// Keys are checked against the catalog at build time (lintCatalog); WXT's typing only knows its own.
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);
const getURL = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);
const t: Translate = (key, params) => getMessage(key, params ? [...params] : undefined) || key;

interface Mounted {
  field: HTMLInputElement;
  ui: PreparedGuide;
  life: AbortController;
}

/**
 * Wires the guide to the page for the content script's lifetime; everything dies with `ctx`. This is what
 * every ENEJ page runs: detection and its triggers. `loadUi` brings the guide's UI (a separate file) when a
 * change form is first found.
 */
export function startGuide(ctx: ContentScriptContext, loadUi: () => Promise<GuideUi>): void {
  const lang = messagesLang(t(CATALOG_LANG_KEY) || browser.i18n.getUILanguage());
  // On a site the family asked Sésame to remember, `site-autostart.js` ran just before us and set the flag.
  const remembered = (globalThis as unknown as Record<symbol, unknown>)[AUTOSTART_KEY] === true;
  let started = ENEJ.includes(location.href) || remembered;
  let mounted: Mounted | null = null;
  let mounting: HTMLInputElement | null = null;
  let success: PreparedUi | null = null;
  let successDismissed = false;
  let lastKind: StatusReply['kind'] = 'none';

  // A guide left by an earlier copy of this script (extension reloaded, injected twice) goes first.
  const sweep = (keep: Element | null) => {
    for (const host of document.querySelectorAll(HOST_NAME)) if (host !== keep) host.remove();
  };

  /** The first frame in the page while the guide's UI loads (see lib/guide/first-frame.ts). */
  let frame: GuideHost | null = null;
  const failed = new WeakSet<HTMLInputElement>();
  let frameClicked = false;
  const drawFirstFrame = (form: PasswordForm) => {
    const fits = firstFrameFits({
      onEnej: ENEJ.includes(location.href),
      policyTexts: collectPolicyTexts(document, form),
      passwordRulesAttr: readPasswordRulesAttr(form),
      patternAttr: readPatternAttr(form),
      newPasswordValue: form.newPassword.value,
    });
    if (!fits) return;
    const drawn = createGuideHost(lang);
    drawn.host.dataset.firstFrame = '';
    drawn.body.append(
      buildFrame(form.confirm ? FIRST_FRAMES.withConfirm : FIRST_FRAMES.withoutConfirm, {
        doc: document,
        t: isolatingTranslate(t, lang),
        lang,
        dir: textDirection(lang),
      }),
    );
    frameClicked = false;
    // Only a real click counts, as on the live guide's button: a page script cannot make us fill its fields.
    drawn.body.querySelector('[data-action="generate"]')?.addEventListener('click', (event) => {
      if (event.isTrusted) frameClicked = true;
    });
    sweep(null);
    placeAfter(anchorFor(form), drawn.host);
    frame = drawn;
  };
  const dropFirstFrame = () => {
    frame?.host.remove();
    frame = null;
  };

  const unmountGuide = () => {
    dropFirstFrame();
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
    drawFirstFrame(form);
    const firstFrame = frame ?? undefined;
    const life = childLifetime(ctx);
    let ui: PreparedGuide;
    try {
      const api = await loadUi();
      ui = await api.prepareGuide(scopedContext(ctx, life.signal), form, {
        t,
        lang,
        signal: life.signal,
        onEnej: ENEJ.includes(location.href),
        firstFrame,
        generateRequested: () => frameClicked,
      });
    } catch {
      // The UI file could not load (the extension was updated under the page…). Not for this field again:
      // taking the first frame away is itself a mutation next to the field, which would retry at once, for
      // ever. A field the page puts in its place retries.
      failed.add(form.newPassword);
      if (frame === firstFrame) dropFirstFrame();
      life.abort();
      if (mounting === form.newPassword) mounting = null;
      return;
    }
    // Running the UI's file, reading the page's rules and the first render would otherwise be one task: 47–82 ms in
    // Firefox on ENEJ's page before its own criteria skipped the rules engine (lib/guide/profile.ts), and a
    // page printing other criteria still pays the engine's first reading (issue 15). The page gets its turn in
    // between; with the script gone, never resumed.
    await new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
    // The page may have replaced the field (or the script died) while the UI loaded.
    if (ctx.isInvalid || mounting !== form.newPassword || !form.newPassword.isConnected) {
      life.abort();
      ui.remove();
      return;
    }
    if (frame === firstFrame) frame = null;
    sweep(ui.shadowHost);
    ui.mount();
    mounted = { field: form.newPassword, ui, life };
    mounting = null;
  };

  const showSuccess = async () => {
    if (success || successDismissed) return;
    const life = childLifetime(ctx);
    let ui: PreparedUi;
    try {
      const api = await loadUi();
      ui = await api.prepareSuccess(scopedContext(ctx, life.signal), {
        t,
        lang,
        signal: life.signal,
        anchor: () => document.querySelector('main h1, main h2, h1, h2')?.parentElement ?? document.body,
        onClose: () => {
          successDismissed = true;
          removeSuccess();
        },
      });
    } catch {
      life.abort();
      return;
    }
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

  // What the next burst of mutations is checked against before any full detection (lib/detect/watch.ts).
  let watched: Element[] | null = [];
  /** A change form was found in this page's life: only then can a success step follow. */
  let formSeen = false;

  const sync = () => {
    // Detection waits for the whole document: a form half parsed would get a guide without its confirmation.
    if (!started || ctx.isInvalid || document.readyState === 'loading') return;
    const page = detectPage(document, { success: formSeen });
    lastKind = page.kind;
    if (page.kind === 'change-password') {
      formSeen = true;
      const { newPassword, confirm, current } = page.form;
      watched = [newPassword, confirm, current].filter((x): x is HTMLInputElement => x !== null);
      observe();
      const field = page.form.newPassword;
      if (mounted && mounted.field === field && field.isConnected && mounted.ui.shadowHost.isConnected)
        return;
      if (mounting === field || failed.has(field)) return;
      void mountGuide(page.form);
    } else {
      watched = passwordLikeIn(document);
      observe();
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
  // Most ENEJ pages (home, messagerie, timetable) never hold a password field, and many of them animate.
  // There nothing observes the page's mutations (a clock ticking each frame would call us each frame; in
  // Firefox each call crosses into this sandbox): one query for a password-like element every POLL_MS is
  // the whole cost, whatever the page does. Once such an element exists, mutations are observed, and a burst
  // runs a full detection only when it can change the answer. After a change form was seen, every burst is
  // checked in full: the success step that follows is plain text, which no cheaper test recognises.
  const observer = new MutationObserver((records) => {
    if ((formSeen && lastKind !== 'change-password') || mutationsMatter(records, watched)) schedule();
  });
  let polling: number | undefined;
  let watching: 'poll' | 'mutations' | null = null;
  const observe = () => {
    const next = formSeen || watched === null || watched.length > 0 ? 'mutations' : 'poll';
    if (next === watching) return;
    watching = next;
    if (next === 'poll') {
      observer.disconnect();
      polling = ctx.setInterval(() => {
        if (document.querySelector(PASSWORD_LIKE_SELECTOR) !== null) schedule();
      }, POLL_MS);
      return;
    }
    if (polling !== undefined) clearInterval(polling);
    polling = undefined;
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      // Wizards often reveal their next step by toggling these rather than inserting nodes.
      attributes: true,
      attributeFilter: ['hidden', 'style', 'class', 'aria-hidden'],
    });
  };
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
        sendResponse(mounted ? mounted.ui.fill(msg.password) : { ok: false, reason: 'no-form' });
        break;
      case 'sesame:diagnostic':
        // Asked by the popup when the guide stayed away; built on demand, never kept. In the core on purpose:
        // it is needed exactly where the guide's UI never loaded.
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

  if (document.readyState !== 'loading') {
    sync();
    return;
  }
  // Started at document_start: while the parser runs, the first password-like field to arrive starts the
  // UI's import, so that it loads alongside the rest of the page instead of after it (the guide then shows
  // as early as the whole guide did when it was part of this script). A page without such a field never
  // loads it; a sign-in page loads it for nothing, once.
  if (started) {
    const prefetch = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!holdsPasswordLike(node)) continue;
          prefetch.disconnect();
          loadUi().catch(() => {});
          return;
        }
      }
    });
    prefetch.observe(document, { childList: true, subtree: true });
    ctx.onInvalidated(() => prefetch.disconnect());
    ctx.addEventListener(document, 'DOMContentLoaded', () => prefetch.disconnect());
  }
  ctx.addEventListener(document, 'DOMContentLoaded', sync);
}
