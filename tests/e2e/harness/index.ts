import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Harness, LaunchOptions } from './types';

export { AXE_TAGS, axe, axeContext, formatViolations } from './axe';
export { chromiumExtensionId } from './chromium';
export { sleep, waitFor } from './common';
export { FIREFOX_EXTENSION_UUID } from './firefox';
export type * from './types';

/** Both browsers, for `describe.each(BROWSERS)('%s', (name) => …)`. `SESAME_E2E_BROWSERS=firefox` narrows it. */
export const BROWSERS: readonly BrowserName[] = (() => {
  const all: BrowserName[] = ['chromium', 'firefox'];
  const raw = process.env.SESAME_E2E_BROWSERS?.trim();
  if (!raw) return all;
  const wanted = raw.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !all.includes(w as BrowserName));
  if (unknown.length > 0) throw new Error(`SESAME_E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}`);
  return all.filter((b) => wanted.includes(b));
})();

export function launch(name: BrowserName, opts?: LaunchOptions): Promise<Harness> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/** A minimal French HTML document, for quick fixtures. */
export function html(body: string, title = 'Page de test'): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}
