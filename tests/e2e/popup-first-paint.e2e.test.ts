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
  const log = { added: [], removed: 0, changed: 0, appAddedAt: null, apiAt: null, apiWatched: [] };
  window.__watch = log;
  // When the page first reads an extension API global (its getter is replaced, not called, here).
  for (const name of ['chrome', 'browser']) {
    const own = Object.getOwnPropertyDescriptor(window, name);
    if (!own || !own.configurable) continue;
    log.apiWatched.push(name);
    Object.defineProperty(window, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        if (log.apiAt === null) log.apiAt = performance.now();
        return own.get ? own.get.call(window) : own.value;
      },
      set(value) {
        Object.defineProperty(window, name, { value, configurable: true, writable: true });
      },
    });
  }
  const isPassword = (n) => n.nodeType === 1 && n.matches('[data-testid="password"]');
  const inPassword = (n) => (n.nodeType === 1 ? n : n.parentElement)?.closest('[data-testid="password"]');
  new MutationObserver((records) => {
    for (const r of records) {
      if (inPassword(r.target)) log.changed++;
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll('[data-testid="password"]')])
          if (isPassword(el))
            log.added.push({
              text: el.textContent,
              at: performance.now(),
              title: document.querySelector('h1')?.textContent ?? null,
            });
        if (n.localName === 'script' && n.src.endsWith('/popup-main.js')) log.appAddedAt = performance.now();
      }
      for (const n of r.removedNodes)
        if (n.nodeType === 1 && (isPassword(n) || n.querySelector('[data-testid="password"]'))) log.removed++;
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();`;

interface WatchLog {
  added: { text: string; at: number; title: string | null }[];
  removed: number;
  changed: number;
  appAddedAt: number | null;
  apiAt: number | null;
  apiWatched: string[];
}

const LABELS_KEY = 'sesame.popupLabels';

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
    // An extension page with no script of ours, to read and change the popup's storage between opens.
    writeFileSync(join(dir, target, 'e2e-blank.html'), '<!DOCTYPE html><title>blank</title>');
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
      async () =>
        (await first.evaluate(
          (key) => localStorage.getItem('sesame.popupSettings') && localStorage.getItem(key),
          LABELS_KEY,
        )) !== null,
      5000,
      'the settings mirror and the first view labels',
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

  it('paints from stored settings and texts, before the page reads any extension API', async () => {
    const popup = await h.openExtensionPage('popup-watched.html');
    await popup.waitForSelector('.popup__checks');
    const log = await watchLog(popup);
    // The trap is in place in this browser (else the test would prove nothing), and the API was read, by
    // the full popup, only after the password was on the page.
    expect(log.apiWatched.length).toBeGreaterThan(0);
    expect(log.apiAt).not.toBeNull();
    expect(log.added).toHaveLength(1);
    expect(log.added[0]?.at as number).toBeLessThan(log.apiAt as number);
    expect(log.added[0]?.title).toBe('Sésame');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(popup.consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
    await popup.close();
  });

  it('redraws in the words the browser serves now when the stored texts are out of date, same password', async () => {
    const blank = await h.openExtensionPage('e2e-blank.html');
    const stored = await blank.evaluate((key) => localStorage.getItem(key), LABELS_KEY);
    const labels = JSON.parse(stored as string) as { texts: Record<string, string> };
    labels.texts.popup_title = 'Sésame (ancienne version)';
    labels.texts.popup_generate = 'Un autre';
    await blank.evaluate(
      ([key, value]) => localStorage.setItem(key as string, value as string),
      [LABELS_KEY, JSON.stringify(labels)],
    );
    await blank.close();

    const popup = await h.openExtensionPage('popup-watched.html');
    await popup.waitForSelector('.popup__checks');
    const log = await watchLog(popup);
    const shown = await shownPassword(popup);
    // Painted first with the stored words, then drawn anew: the words are today's, the password the same.
    expect(log.added[0]?.title).toBe('Sésame (ancienne version)');
    expect(log.added.map((a) => a.text)).toEqual([shown, shown]);
    expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Sésame');
    expect((await popup.query('[data-action="generate"]'))?.text).not.toBe('Un autre');
    expect(await popup.queryAll('[data-testid="password"]')).toHaveLength(1);
    // And the stored texts are today's again for the next open.
    await popup.waitFor(
      async () =>
        (await popup.evaluate((key) => localStorage.getItem(key) ?? '', LABELS_KEY)).includes('ancienne') ===
        false,
      5000,
      'the labels rewritten',
    );
    expect(popup.consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
    await popup.close();
  });
});
