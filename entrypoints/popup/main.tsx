import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupPassword } from '@/components/popup/types';
import { generatePassword, typingHints } from '@/lib/generate';
import type { Translate } from '@/lib/i18n/catalog';
import { createCryptoRandom } from '@/lib/random/source';
import { ENEJ_PROFILE } from '@/lib/rules';
import { loadSettings, type PopupSettings, saveSettings, toGenerateOptions } from '@/lib/settings/settings';
import { enejUserInputs, loadStrengthEstimator } from '@/lib/strength';
import { createPageActions, findTargetTab, messagesLang, type PopupBrowser } from './page';

// WXT types getMessage against the `_locales` it sees at prepare time; ours are generated at build time
// from `locales/*.json`, so the keys are plain strings here (the build lints them).
const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string[]): string };
const t: Translate = (key, params) => i18n.getMessage(key, params ? [...params] : undefined);
// The catalog the browser actually picked names its own language: `getUILanguage()` alone can disagree
// (measured: headless Chromium reports `fr-FR` while it serves the `en` messages).
const lang = messagesLang(t('popup_lang') || browser.i18n.getUILanguage());
document.documentElement.lang = lang;
document.title = t('popup_title');

const random = createCryptoRandom();

function generate(settings: PopupSettings): PopupPassword {
  const made = generatePassword(ENEJ_PROFILE, toGenerateOptions(settings), random);
  return { password: made.password, entropyBits: made.entropyBits, hints: typingHints(made.password) };
}

// zxcvbn and its dictionaries (~540 KB gzipped) come in a separate chunk (see `loadStrengthEstimator`),
// requested only after the first password is on screen.
async function loadStrength() {
  const estimator = await loadStrengthEstimator();
  const inputs = enejUserInputs(new Date());
  return (password: string) => estimator.estimate(password, inputs);
}

async function copy(password: string) {
  await navigator.clipboard.writeText(password);
}

// Settings first (one fast local read) so the first password already has the family's chosen mode.
const settings = await loadSettings();
// WXT narrows `files` to the paths it knew at prepare time; the guide script's path is checked by e2e.
const api: PopupBrowser = {
  tabs: browser.tabs,
  scripting: browser.scripting && {
    executeScript: (injection) => browser.scripting.executeScript(injection as never),
  },
};
const page = createPageActions(
  api,
  findTargetTab(api).catch(() => undefined),
);

render(
  <PopupApp
    t={t}
    lang={lang}
    initialSettings={settings}
    onSettingsChange={(next) => {
      saveSettings(next).catch(() => {
        // Not saved: the choice still applies until the popup closes.
      });
    }}
    generate={generate}
    loadStrength={loadStrength}
    copy={copy}
    page={page}
    print={() => window.print()}
    now={() => new Date()}
  />,
  document.getElementById('app') as HTMLElement,
);
