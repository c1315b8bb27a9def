import { hydrate, render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupPassword } from '@/components/popup/types';
import { generatePassword, typingHints } from '@/lib/generate';
import { createCryptoRandom } from '@/lib/random/source';
import { ENEJ_PROFILE } from '@/lib/rules/profile';
import { loadSettings, type PopupSettings, saveSettings, toGenerateOptions } from '@/lib/settings/settings';
import { siteActions } from '@/lib/sites/actions';
import { enejUserInputs, STRENGTH_MAX_INPUT } from '@/lib/strength/estimate';
import { STRENGTH_SCRIPT, strengthFromScript } from '@/lib/strength/script';
import { labelsFor, sameLabels, writeFirstLabels } from './first-labels';
import { takeOver } from './first-paint';
import { createPageActions, findTargetTab, lazyPageActions, type PopupBrowser } from './page';
import {
  localStorageOrNothing,
  readSettingsMirror,
  sameSettings,
  writeSettingsMirror,
} from './settings-mirror';
import { type SetupApi, setUpPage } from './setup';
import { isAndroid } from './view';

/** The extension API global of both browsers' extension pages; see `loadStrength`. */
declare const chrome: { runtime: { getURL(path: string): string } };

// zxcvbn and its dictionaries (~1 MB gzipped) are the guide's own `guide-strength.js`, requested only after
// the first password is on screen. Spelled `chrome.runtime.getURL(…)` inside `import()`: the one dynamic
// import form AMO's linter accepts, and a global minifiers never rename.
async function loadStrength() {
  const estimator = await strengthFromScript(
    () => import(/* @vite-ignore */ chrome.runtime.getURL(STRENGTH_SCRIPT)),
  );
  const inputs = enejUserInputs(new Date());
  // One finished password, rated once: the full cap, not the live meter's (see `STRENGTH_LIVE_MAX_INPUT`).
  return (password: string) => estimator.estimate(password, inputs, { maxInput: STRENGTH_MAX_INPUT });
}

async function copy(password: string) {
  await navigator.clipboard.writeText(password);
}

/**
 * Draws the popup into `#app`, or takes over the first view `popup-first.js` painted there: the same
 * nodes, hydrated, showing the same password (`./first.ts`).
 */
export function startPopup(): void {
  const first = takeOver();
  // WXT types getMessage against the `_locales` it sees at prepare time; ours are generated at build time
  // from `locales/*.json`, so the keys are plain strings here (the build lints them).
  const { t, lang } = setUpPage(browser as unknown as SetupApi);

  const random = createCryptoRandom();
  const generate = (settings: PopupSettings): PopupPassword => {
    const made = generatePassword(ENEJ_PROFILE, toGenerateOptions(settings), random);
    return { password: made.password, entropyBits: made.entropyBits, hints: typingHints(made.password) };
  };

  const page = lazyPageActions(() => {
    // WXT narrows `files` to the paths it knew at prepare time; the guide script's path is checked by e2e.
    const api: PopupBrowser = {
      tabs: browser.tabs as PopupBrowser['tabs'],
      scripting: browser.scripting && {
        executeScript: (injection) => browser.scripting.executeScript(injection as never),
      },
    };
    return createPageActions(
      api,
      findTargetTab(api).catch(() => undefined),
    );
  });
  const sites = siteActions(browser);
  const mirror = localStorageOrNothing();
  const root = document.getElementById('app') as HTMLElement;
  const remember = (settings: PopupSettings) => {
    writeSettingsMirror(mirror, settings);
    writeFirstLabels(mirror, labelsFor(t, lang, settings));
  };

  const mount = (settings: PopupSettings, painted?: PopupPassword, takeOverView = false) => {
    const app = (
      <PopupApp
        key={JSON.stringify(settings)}
        t={t}
        lang={lang}
        initialSettings={settings}
        initialPassword={painted}
        onSettingsChange={(next) => {
          remember(next);
          saveSettings(next).catch(() => {
            // Not saved: the choice still applies until the popup closes.
          });
        }}
        generate={generate}
        loadStrength={loadStrength}
        copy={copy}
        page={page}
        sites={sites}
        print={() => window.print()}
        now={() => new Date()}
        keepAbilities={() => ({
          print: typeof window.print === 'function',
          share: typeof navigator.share === 'function',
          phone: isAndroid(navigator.userAgent),
        })}
        share={(data) => navigator.share(data)}
      />
    );
    // Hydration keeps the painted nodes (focus, what a screen reader has read) and adds the behaviour.
    if (takeOverView) hydrate(app, root);
    else render(app, root);
  };

  // The first password is what the family opened the popup for, so it is drawn before any await: the
  // settings come from this page's synchronous copy of them (Firefox: the `storage.local` read and the wait
  // for it cost ~10 ms before anything could paint). `storage.local` stays the reference: when it says
  // otherwise (cleared, changed by another copy of the popup), the popup is rebuilt with it. Without a copy
  // yet (first open), the popup waits for the stored settings rather than show one mode and switch to another.
  const mirrored = first?.settings ?? readSettingsMirror(mirror);
  const checkStored = () =>
    loadSettings().then((stored) => {
      remember(stored);
      if (!mirrored || !sameSettings(stored, mirrored)) mount(stored);
    });
  if (!mirrored) {
    checkStored();
    return;
  }
  const painted = first && {
    password: first.password,
    entropyBits: first.entropyBits,
    hints: typingHints(first.password),
  };
  // Painted from stored texts that are no longer what the browser serves (another language since, an
  // updated extension): hydration would keep the old words, so the view is drawn anew, same password.
  const stale =
    first?.labels !== undefined &&
    (first.labels === null || !sameLabels(first.labels, labelsFor(t, lang, first.settings)));
  if (stale) {
    // Clicks on words the family may not have understood are not replayed.
    first.heldClicks();
    root.replaceChildren();
  }
  mount(mirrored, painted, Boolean(first) && !stale);
  // What the family clicked on the painted view before it had any behaviour, now that it has.
  for (const control of first?.heldClicks() ?? []) control.click();
  // After the first paint: reaching `storage.local` builds Firefox's storage API and runs the migration
  // check, a few milliseconds the first password need not wait for. The page itself is the lifetime here.
  requestAnimationFrame(() => setTimeout(checkStored, 0));
}
