import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFixture, readFixture } from '../fixtures';
import { BROWSERS, type Harness, type HPage, launch, sleep } from './harness';
import { G, guideCount, openPopupFor, serveFixtures } from './support/guide';

// Issue 10, part 1: "Toujours aider sur ce site" on a host Sésame does not know, then "Oublier ce site".
const HOST = 'portail.exemple-ent.fr';
const SITE = `https://${HOST}/*`;
const RESET_URL = `https://${HOST}/auth/realms/ent/login-actions/action-token?key=abc.def.ghi`;
const OTHER_PAGE = `https://${HOST}/compte/premiere-connexion`;
const OTHER_HOST_URL = 'https://autre.exemple-ent.net/auth/reset';
const ENEJ_MATCH = 'https://*.lavienne86.fr/*';
const ENEJ_PAGE = getFixture('enej-change-password').url;

/** The extension API as our pages see it (`browser` in Firefox, `chrome` in Chromium). */
interface ExtApi {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
}
type ExtGlobal = { browser?: ExtApi; chrome: ExtApi };

/** Runs `browser.*` calls from one of our extension pages (the popup opened as a tab, not shown to anyone). */
async function extensionState(ext: HPage): Promise<{ origins: string[]; scripts: string[] }> {
  return ext.evaluate(async () => {
    const g = globalThis as unknown as ExtGlobal;
    const api = g.browser ?? g.chrome;
    const all = await api.permissions.getAll();
    const scripts = await api.scripting.getRegisteredContentScripts();
    return { origins: [...(all.origins ?? [])].sort(), scripts: scripts.map((s) => s.id).sort() };
  });
}

async function waitNotice(popup: HPage, attr: string): Promise<string | undefined> {
  await popup.waitFor(async () => (await popup.query(`[${attr}]`)) !== null, 10_000, attr);
  return (await popup.query(`[${attr}]`))?.attributes[attr];
}

/** Waits until the extension's granted origins and registered scripts are `want` (the background works async). */
async function waitState(ext: HPage, want: { site: boolean }): Promise<void> {
  await ext.waitFor(
    async () => {
      const state = await extensionState(ext);
      const granted = state.origins.includes(SITE);
      const registered = state.scripts.includes(`sesame-site:${SITE}`);
      return (
        granted === want.site && registered === want.site && state.scripts.length === (want.site ? 1 : 0)
      );
    },
    10_000,
    `site ${want.site ? 'granted and registered' : 'neither granted nor registered'}`,
  );
}

/**
 * Chromium's permission prompt cannot be answered by Playwright (microsoft/playwright#32755) and waits
 * for ever. Chrome asks only once per origin, though: an origin granted before, even if removed since, is
 * granted again without a prompt. So the test gives the answer a family would give, through Chrome's own
 * extension settings page (chrome://extensions, "Site access": `developerPrivate.addHostPermission`), then
 * removes it, leaving the extension exactly as before but with the prompt already answered "Autoriser".
 */
async function answerChromePromptAhead(h: Harness, ext: HPage, origin: string): Promise<void> {
  const settings = await h.newPage();
  const raw = settings.raw as {
    goto(url: string): Promise<unknown>;
    evaluate<T, A>(fn: (a: A) => T, a: A): Promise<T>;
  };
  await raw.goto('chrome://extensions');
  await raw.evaluate(
    ([id, o]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(i: string, h: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, o),
    [h.extensionId, origin] as const,
  );
  await settings.close();
  await ext.evaluate(
    (o) => (globalThis as unknown as ExtGlobal).chrome.permissions.remove({ origins: [o] }),
    origin,
  );
  await waitState(ext, { site: false });
}

function serveSites(h: Harness): void {
  h.route(
    (url) => url.startsWith(`https://${HOST}/auth/`),
    () => ({ body: readFixture('keycloak-reset-update-password') }),
  );
  h.route(OTHER_PAGE, () => ({ body: readFixture('enej-first-connection') }));
  h.route(OTHER_HOST_URL, () => ({ body: readFixture('enej-reset-password') }));
  serveFixtures(h, ['enej-change-password']);
}

/** "Aider sur cette page" then "Toujours aider sur ce site", as a family does it. */
async function rememberThroughPopup(h: Harness, page: HPage): Promise<void> {
  const popup = await openPopupFor(h, page);
  await popup.waitForSelector('[data-action="guide"]', 10_000);
  await popup.click('[data-action="guide"]');
  await popup.waitForSelector('[data-action="remember-site"]', 10_000);
  await popup.click('[data-action="remember-site"]');
  expect(await waitNotice(popup, 'data-site-notice')).toBe('popup_remember_done');
  await popup.close().catch(() => {});
}

function manifestOf(h: Harness): Record<string, unknown> {
  const dir = join(
    process.env.SESAME_OUT_DIR ?? '.output',
    h.name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2',
  );
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe.each(BROWSERS)('sites a family chooses — %s', (name) => {
  let h: Harness;
  let baseline = new Set<HPage>();
  let ext: HPage;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveSites(h);
    ext = await h.openExtensionPage('popup.html');
    baseline = new Set(h.pages());
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(async () => {
    for (const page of h?.pages() ?? []) if (!baseline.has(page)) await page.close().catch(() => {});
  });

  it('installs with ENEJ as the only host, and any other site only optional', async () => {
    const manifest = manifestOf(h);
    const scripts = manifest.content_scripts as Array<{ matches: string[] }>;
    expect(scripts.flatMap((s) => s.matches)).toEqual([ENEJ_MATCH]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting']);
    const optional = name === 'chromium' ? manifest.optional_host_permissions : manifest.optional_permissions;
    expect(optional).toEqual(['https://*/*']);
    const state = await extensionState(ext);
    expect(state.origins.filter((o) => o !== ENEJ_MATCH)).toEqual([]);
    expect(state.scripts).toEqual([]);
  });

  it('is not offered before the guide was asked for, nor on ENEJ', async () => {
    const page = await h.newPage(RESET_URL);
    await sleep(300);
    expect(await guideCount(page)).toBe(0);
    let popup = await openPopupFor(h, page);
    await popup.waitForSelector('[data-action="guide"]', 10_000);
    expect(await popup.query('[data-action="remember-site"]')).toBeNull();
    await popup.close().catch(() => {});

    const enej = await h.newPage(ENEJ_PAGE);
    await enej.waitForSelector(`${G}[data-rule="length"]`, 15_000);
    popup = await openPopupFor(h, enej);
    await popup.waitForSelector('[data-action="fill"]', 10_000);
    await sleep(300);
    expect(await popup.query('[data-action="remember-site"]')).toBeNull();
  });

  it('"Toujours aider sur ce site": the guide then starts by itself there, until "Oublier ce site"', async () => {
    if (name === 'chromium') await answerChromePromptAhead(h, ext, SITE);

    // The guide on an unknown host, through the popup.
    const page = await h.newPage(RESET_URL);
    await sleep(300);
    expect(await guideCount(page)).toBe(0);
    let popup = await openPopupFor(h, page);
    await popup.waitForSelector('[data-action="guide"]', 10_000);
    await popup.click('[data-action="guide"]');
    expect(await waitNotice(popup, 'data-notice')).toBe('popup_guide_started');
    await page.waitForSelector(`${G}[data-rule="length"]`, 10_000);

    // Offered for this one host; the click asks the browser for that origin only.
    await popup.waitForSelector('[data-action="remember-site"]', 10_000);
    expect((await popup.query('[data-action="remember-site"]'))?.attributes['data-site']).toBe(HOST);
    await popup.click('[data-action="remember-site"]');
    expect(await waitNotice(popup, 'data-site-notice')).toBe('popup_remember_done');
    await popup.waitForSelector(`li[data-site="${HOST}"] [data-action="forget-site"]`, 5000);
    expect(await popup.query('[data-action="remember-site"]')).toBeNull();
    await popup.close().catch(() => {});
    await waitState(ext, { site: true });
    // Only that origin was added (Chromium also lists the manifest's ENEJ match, Firefox does not).
    const granted = await extensionState(ext);
    expect(granted.origins.filter((o) => o !== ENEJ_MATCH)).toEqual([SITE]);

    // Reload: the guide starts by itself, on every page of that host, and on no other host.
    await page.goto(RESET_URL);
    await page.waitForSelector(`${G}[data-rule="length"]`, 15_000);
    expect(await guideCount(page)).toBe(1);
    // The guide follows typing there. Its lazily loaded strength meter too in Firefox; Chrome lets content
    // scripts import only the web-accessible files of the page's origin, ENEJ's (known gap, see README).
    await page.type('#password-new', 'Velo-Rouge-42!');
    await page.waitFor(
      async () => (await page.guide('[data-rule="length"]'))?.attributes['data-state'] === 'ok',
      10_000,
      'length ok on a remembered site',
    );
    if (name === 'firefox') {
      await page.waitFor(
        async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
        15_000,
        'strength computed on a remembered site',
      );
    }
    const second = await h.newPage(OTHER_PAGE);
    await second.waitForSelector(`${G}[data-rule="length"]`, 15_000);
    const elsewhere = await h.newPage(OTHER_HOST_URL);
    await sleep(500);
    expect(await guideCount(elsewhere)).toBe(0);
    await second.close();
    await elsewhere.close();

    // "Oublier ce site": unregistered and the permission given back; reload: no guide.
    popup = await openPopupFor(h, page);
    await popup.waitForSelector(`li[data-site="${HOST}"] [data-action="forget-site"]`, 10_000);
    await popup.click(`li[data-site="${HOST}"] [data-action="forget-site"]`);
    expect(await waitNotice(popup, 'data-site-notice')).toBe('popup_forget_done');
    await popup.waitFor(
      async () => (await popup.query('[data-action="forget-site"]')) === null,
      5000,
      'list emptied',
    );
    await popup.close().catch(() => {});
    await waitState(ext, { site: false });
    await page.goto(RESET_URL);
    await sleep(700);
    expect(await guideCount(page)).toBe(0);
    expect((await extensionState(ext)).origins.filter((o) => o !== ENEJ_MATCH)).toEqual([]);
  });

  it('a permission withdrawn outside the popup unregisters the guide (permissions.onRemoved)', async () => {
    // Granted and registered through the popup's own path…
    if (name === 'chromium') await answerChromePromptAhead(h, ext, SITE);
    const page = await h.newPage(RESET_URL);
    await rememberThroughPopup(h, page);
    await waitState(ext, { site: true });
    // …then withdrawn without the popup: Chrome's extension settings page ("Site access"), or in Firefox
    // a bare `permissions.remove` (about:addons' toggle is not reachable from the test), so only the
    // background's `permissions.onRemoved` listener can unregister the script.
    if (name === 'chromium') {
      const settings = await h.newPage();
      const raw = settings.raw as {
        goto(url: string): Promise<unknown>;
        evaluate<T, A>(fn: (a: A) => T, a: A): Promise<T>;
      };
      await raw.goto('chrome://extensions');
      await raw.evaluate(
        ([id, o]) =>
          (
            globalThis as unknown as {
              chrome: { developerPrivate: { removeHostPermission(i: string, h: string): Promise<void> } };
            }
          ).chrome.developerPrivate.removeHostPermission(id, o),
        [h.extensionId, SITE] as const,
      );
      await settings.close();
    } else {
      await ext.evaluate((o) => {
        const g = globalThis as unknown as ExtGlobal;
        return (g.browser ?? g.chrome).permissions.remove({ origins: [o] });
      }, SITE);
    }
    await waitState(ext, { site: false });
    await page.goto(RESET_URL);
    await sleep(700);
    expect(await guideCount(page)).toBe(0);
  });

  it('survives a browser restart: the guide starts by itself in the next session', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), `sesame-e2e-restart-${name}-`));
    let b: Harness | null = null;
    try {
      b = await launch(name, { locale: 'fr', profileDir });
      serveSites(b);
      let bext = await b.openExtensionPage('popup.html');
      if (name === 'chromium') await answerChromePromptAhead(b, bext, SITE);
      await rememberThroughPopup(b, await b.newPage(RESET_URL));
      await waitState(bext, { site: true });
      await b.close();

      b = await launch(name, { locale: 'fr', profileDir });
      serveSites(b);
      const page = await b.newPage(RESET_URL);
      await page.waitForSelector(`${G}[data-rule="length"]`, 15_000);
      bext = await b.openExtensionPage('popup.html');
      await waitState(bext, { site: true });
    } finally {
      await b?.close();
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });

  it('made no request outside the extension', () => {
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked().filter((r) => !r.url.endsWith('favicon.ico'))).toEqual([]);
  });
});
