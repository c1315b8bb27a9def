import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENEJ_PROFILE, isCompliant } from '../../lib/rules';
import { BROWSERS, type Harness, type HPage, launch } from './harness';
import { shownPassword, storageDump } from './support/guide';

/**
 * The popup's first script paints the first password, then the full popup takes that view over
 * (entrypoints/popup/first.ts). What the family sees must not change at the takeover: the password painted
 * first is the one the full popup shows, in the same element, never replaced.
 *
 * To watch the page from its first node, the built extension is copied and `popup-watched.html` added to
 * the copy: `popup.html` with one more script before the first one, which records (in memory) every
 * password element that enters or leaves the page, every change inside one, and when the full popup's
 * script is added. The product's own files are unchanged.
 */
const WATCH = `(() => {
  const log = { added: [], removed: 0, changed: 0, appAddedAt: null };
  window.__watch = log;
  const isPassword = (n) => n.nodeType === 1 && n.matches('[data-testid="password"]');
  const inPassword = (n) => (n.nodeType === 1 ? n : n.parentElement)?.closest('[data-testid="password"]');
  new MutationObserver((records) => {
    for (const r of records) {
      if (inPassword(r.target)) log.changed++;
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll('[data-testid="password"]')])
          if (isPassword(el)) log.added.push({ text: el.textContent, at: performance.now() });
        if (n.localName === 'script' && n.src.endsWith('/popup-main.js')) log.appAddedAt = performance.now();
      }
      for (const n of r.removedNodes)
        if (n.nodeType === 1 && (isPassword(n) || n.querySelector('[data-testid="password"]'))) log.removed++;
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();`;

interface WatchLog {
  added: { text: string; at: number }[];
  removed: number;
  changed: number;
  appAddedAt: number | null;
}

function watchedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-first-paint-'));
  const out = process.env.SESAME_OUT_DIR ?? '.output';
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    cpSync(join(out, target), join(dir, target), { recursive: true });
    const popup = readFileSync(join(dir, target, 'popup.html'), 'utf8');
    const watched = popup.replace('<script src="/popup-first.js"', '<script src="/e2e-watch.js"></script>$&');
    if (watched === popup) throw new Error(`${target}/popup.html does not load /popup-first.js`);
    writeFileSync(join(dir, target, 'popup-watched.html'), watched);
    writeFileSync(join(dir, target, 'e2e-watch.js'), WATCH);
  }
  return dir;
}

const watchLog = (page: HPage) => page.evaluate(() => (window as unknown as { __watch: WatchLog }).__watch);

describe.each(BROWSERS)('popup first paint — %s', (name) => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = watchedCopy();
    h = await launch(name, { locale: 'fr', outDir: dir });
    // The first open ever has no settings mirror: the full popup draws alone, and leaves the mirror.
    const first = await h.openExtensionPage('popup.html');
    await shownPassword(first);
    await first.waitFor(
      async () => (await first.evaluate(() => localStorage.getItem('sesame.popupSettings'))) !== null,
      5000,
      'the settings mirror',
    );
    await first.close();
  });

  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('paints the password before the full popup loads, and the full popup keeps that very password', async () => {
    const popup = await h.openExtensionPage('popup-watched.html');
    // Taken over: the checklist is the full popup's, a frame after its first render.
    await popup.waitForSelector('.popup__checks');
    const log = await watchLog(popup);
    const shown = await shownPassword(popup);

    // One password element, added once (by the first script), never removed, never rewritten.
    expect(log.added).toHaveLength(1);
    expect(log.added[0]?.text).toBe(shown);
    expect(log.removed).toBe(0);
    expect(log.changed).toBe(0);
    expect(isCompliant(shown, ENEJ_PROFILE)).toBe(true);
    expect(await popup.queryAll('[data-testid="password"]')).toHaveLength(1);

    // The first contentful paint (the password) came before the full popup was even requested.
    const fcp = await popup.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    expect(log.appAddedAt).not.toBeNull();
    expect(fcp).toBeLessThanOrEqual(log.appAddedAt as number);
    expect((log.added[0]?.at ?? Number.POSITIVE_INFINITY) <= fcp).toBe(true);

    // Nothing of it is left outside the page's text: no attribute, no global, no storage.
    const leftovers = await popup.evaluate((pw) => {
      const inAttributes = Array.from(document.querySelectorAll('*')).some((el) =>
        Array.from(el.attributes).some((a) => a.value.includes(pw)),
      );
      const symbols = Object.getOwnPropertySymbols(window).map((s) => s.description);
      const stores = [localStorage, sessionStorage].some((s) =>
        Object.keys(s).some((k) => (s.getItem(k) ?? '').includes(pw)),
      );
      return { inAttributes, symbols, stores };
    }, shown);
    expect(leftovers.inAttributes).toBe(false);
    expect(leftovers.symbols).not.toContain('sesame.popupFirstPaint');
    expect(leftovers.stores).toBe(false);
    expect(await storageDump(popup)).not.toContain(shown);

    // The taken-over view works: "Nouveau" replaces the text of the same element and announces it.
    await popup.click('[data-action="generate"]');
    await popup.waitFor(async () => (await shownPassword(popup)) !== shown, 5000, 'a new password');
    const next = await shownPassword(popup);
    expect(isCompliant(next, ENEJ_PROFILE)).toBe(true);
    expect(await popup.queryAll('[data-testid="password"]')).toHaveLength(1);
    expect((await watchLog(popup)).removed).toBe(0);
    expect((await popup.query('[data-testid="announce"]'))?.text).toBe(`Nouveau mot de passe : ${next}`);
    expect(popup.consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
    await popup.close();
  });

  it('keeps a click made on the painted view before the takeover', async () => {
    const popup = await h.openExtensionPage('popup-watched.html');
    // As early as the harness can: the painted button, before the full popup has any handler on it.
    const painted = await shownPassword(popup);
    await popup.click('[data-action="generate"]');
    await popup.waitForSelector('.popup__checks');
    await popup.waitFor(
      async () => (await shownPassword(popup)) !== painted,
      5000,
      'the held click replayed',
    );
    expect(await popup.queryAll('[data-testid="password"]')).toHaveLength(1);
    await popup.close();
  });
});
