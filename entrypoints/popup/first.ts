import { holdClicks, paintFirstView } from '@/components/popup/first-view';
import { generatePassword } from '@/lib/generate/generate';
import type { Translate } from '@/lib/i18n/catalog';
import { createCryptoRandom } from '@/lib/random/source';
import { ENEJ_PROFILE } from '@/lib/rules/profile';
import { toGenerateOptions } from '@/lib/settings/parse';
import { labelsTranslate, readFirstLabels } from './first-labels';
import { handOver } from './first-paint';
import { localStorageOrNothing, readSettingsMirror } from './settings-mirror';
import { framePage, type SetupApi, setUpPage } from './setup';
import { viewFromAddress } from './view';

/** The full popup: Preact, the options' behaviour, the page actions, the strength meter's loader. */
export const APP_SCRIPT = '/popup-main.js';

function loadApp() {
  const script = document.createElement('script');
  script.src = APP_SCRIPT;
  document.body.append(script);
}

/**
 * Runs `then` once the browser reports the painted password on screen (its first contentful paint). Started
 * any earlier, even right after the frame that paints it, compiling the full popup competed with that frame's
 * way to the screen: Chromium's first paint came a frame later (1.21–1.27× a static page against
 * 1.03–1.04×, measured back to back). The timer covers a page that never reports a paint (a tab opened in
 * the background).
 */
function afterFirstPaint(then: () => void) {
  let done = false;
  let observer: PerformanceObserver | undefined;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    then();
  };
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) once();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing here: the timer alone.
  }
  setTimeout(once, 300);
}

/**
 * `popup-first.js`, the one script `popup.html` loads: it paints the popup's first view with a real
 * password, then loads the full popup, which takes these nodes over with the same password
 * (`components/popup/first-view.ts`, `first-paint.ts`). Measured in Firefox, the first password waited on
 * the full popup's 72 KB being loaded, compiled and run (Preact, every component, the page actions,
 * `@wxt-dev/storage`); this script holds only what the first password needs.
 *
 * From the second open on, nothing here touches the extension API: the settings and the view's texts come
 * from this page's `localStorage` (`settings-mirror.ts`, `first-labels.ts`). Nothing is painted on the very
 * first open (no settings mirror yet) or if anything here fails: the full popup then starts on its own, as
 * it always could.
 */
export function startFirstPaint(): void {
  let painted = false;
  try {
    const store = localStorageOrNothing();
    const settings = readSettingsMirror(store);
    if (settings) {
      const labels = readFirstLabels(store, settings);
      let t: Translate;
      if (labels) {
        t = labelsTranslate(labels);
        framePage(labels.lang, viewFromAddress(location.search, navigator.userAgent), t('popup_title'));
      } else {
        // The extension API global itself, not `wxt/browser`: that module reads `browser.runtime.id` to
        // choose between the two globals, and Firefox then builds the whole `runtime` namespace (2 ms
        // measured). Both browsers' extension pages have `chrome`; Firefox's also `browser`.
        const scope = globalThis as unknown as { browser?: SetupApi; chrome: SetupApi };
        ({ t } = setUpPage(scope.browser ?? scope.chrome));
      }
      // The real generator and the CSPRNG, checked against the rules before it returns, as in the full popup.
      const made = generatePassword(ENEJ_PROFILE, toGenerateOptions(settings), createCryptoRandom());
      const root = document.getElementById('app') as HTMLElement;
      paintFirstView(root, { t, settings, password: made.password });
      handOver({
        settings,
        labels: labels ?? undefined,
        password: made.password,
        entropyBits: made.entropyBits,
        heldClicks: holdClicks(root),
      });
      painted = true;
    }
  } catch {
    // Whatever did not work here, the full popup does again.
  }
  if (painted) afterFirstPaint(loadApp);
  else loadApp();
}
