import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { UI_KEY } from './enej.content/lazy';
import { guideUi } from './enej.content/ui';

// The guide's UI (Preact, components, rules, the session) is most of the content script's weight, and most
// ENEJ pages never show it: it ships as this file, which the content script imports by URL on the first
// change form it detects (see entrypoints/enej.content/guide.ts).
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, unknown>)[UI_KEY] = guideUi;
});
