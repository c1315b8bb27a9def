/** The guide's custom element (public testing contract: `sesame-guide` with an open shadow root). */
export const HOST_NAME = 'sesame-guide';

/** Where `guide-ui.js` leaves the guide's UI (`GuideUi`) in the world it runs in. */
export const UI_KEY = Symbol.for('sesame.ui');
export const UI_SCRIPT = '/guide-ui.js';

/**
 * A value an unlisted script (`guide-ui.js`, `guide-generate.js`) leaves under `key` in this world when it
 * runs. `runScript` imports it by URL unless it already ran (the popup injects `guide-ui.js` itself where
 * Chrome would refuse the page's origin the import); a failed import is tried again on the next call.
 */
export async function loadLazy<T>(key: symbol, runScript: () => Promise<unknown>): Promise<T> {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  if (slot[key] === undefined) await runScript();
  const value = slot[key];
  if (value === undefined) throw new Error(`${String(key)} did not load`);
  return value;
}
