import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuide } from './guide';
import { loadLazy, UI_KEY, UI_SCRIPT } from './lazy';
import type { GuideUi } from './ui';

/** The extension API global that both browsers give content scripts. */
declare const chrome: { runtime: { getURL(path: string): string } };

// The host list only decides where the guide starts by itself; the same file also runs when the popup
// injects it elsewhere (`scripting.executeScript`) and then waits for `sesame:start-guide`.
export default defineContentScript({
  matches: ['https://*.lavienne86.fr/*'],
  // document_start so that the guide's UI file can start loading as soon as the parser meets a password
  // field; detection itself still waits for DOMContentLoaded (see startGuide).
  runAt: 'document_start',
  // The guide's CSS is handed to the shadow root inline (see ui.tsx) instead of WXT's 'ui' mode, which
  // fetches a file first: that fetch cost ~100 ms before the guide could show, and Chrome refuses it on
  // hosts outside web_accessible_resources, where the popup may inject us.
  cssInjectionMode: 'manual',
  main(ctx) {
    // Spelled `chrome.runtime.getURL(…)` inside `import()` on purpose: it is the one dynamic-import form
    // Mozilla's add-ons linter accepts as safe, and minifiers never rename the `chrome` global (Firefox
    // provides it to content scripts too).
    startGuide(ctx, () =>
      loadLazy<GuideUi>(UI_KEY, () => import(/* @vite-ignore */ chrome.runtime.getURL(UI_SCRIPT))),
    );
  },
});
