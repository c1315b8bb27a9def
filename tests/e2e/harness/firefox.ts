import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  DEFAULT_TIMEOUT_MS,
  extensionDir,
  extensionQuery,
  makeProfileDir,
  RouteTable,
  readManifest,
  removeDir,
} from './common';
import { createHPage } from './page';
import { interceptor, wrapPuppeteerPage } from './puppeteer-page';
import type { ConsoleEntry, Harness, HPage, LaunchOptions } from './types';
import { LOCALE_SETTINGS } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Pinned through `extensions.webextensions.uuids` so `moz-extension://` URLs are known before install. */
export const FIREFOX_EXTENSION_UUID = '5e5a3e00-5e5a-4e5a-8e5a-5e5a3e000001';

interface BidiSend {
  send(
    method: string,
    params: object,
  ): Promise<{
    result: {
      contexts: { context: string; url: string }[];
      result?: { value?: unknown };
    };
  }>;
}

function geckoId(manifest: Record<string, unknown>): string {
  const settings = manifest.browser_specific_settings as { gecko?: { id?: unknown } } | undefined;
  const id = settings?.gecko?.id;
  if (typeof id !== 'string') {
    throw new Error('firefox-mv2/manifest.json has no browser_specific_settings.gecko.id');
  }
  return id;
}

/**
 * Firefox has no emulation command for these media features over BiDi: its own preferences set them.
 * `document_color_use: 2` is "override the colours specified by the page: always", which makes
 * `forced-colors: active` match, as Windows high contrast does.
 */
export function firefoxEmulationPrefs(opts: LaunchOptions): Record<string, unknown> {
  const prefs: Record<string, unknown> = {};
  if (opts.colorScheme) {
    prefs['layout.css.prefers-color-scheme.content-override'] = opts.colorScheme === 'dark' ? 0 : 1;
    prefs['ui.systemUsesDarkTheme'] = opts.colorScheme === 'dark' ? 1 : 0;
  }
  if (opts.forcedColors) prefs['browser.display.document_color_use'] = opts.forcedColors === 'active' ? 2 : 0;
  if (opts.reducedMotion) prefs['ui.prefersReducedMotion'] = opts.reducedMotion === 'reduce' ? 1 : 0;
  return prefs;
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<Harness> {
  const locale = opts.locale ?? 'fr';
  const dir = extensionDir('firefox', opts.outDir);
  const id = geckoId(readManifest(dir));
  const extensionId = FIREFOX_EXTENSION_UUID;
  const extensionOrigin = `moz-extension://${extensionId}`;
  const profile = opts.profileDir ?? makeProfileDir('firefox');
  const dropProfile = () => {
    if (!opts.profileDir) removeDir(profile);
  };
  const table = new RouteTable();
  const timeoutMs = DEFAULT_TIMEOUT_MS;

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: opts.headless ?? true,
      userDataDir: profile,
      // Applied by Puppeteer to every page it sees (BiDi `browsingContext.setViewport`).
      ...(opts.viewport
        ? { defaultViewport: { ...opts.viewport, deviceScaleFactor: opts.deviceScaleFactor ?? 1 } }
        : {}),
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: extensionId }),
        // A non-English UI needs its `firefox-esr-l10n-<lang>` langpack (application scope, enabled by default).
        'intl.locale.requested': LOCALE_SETTINGS[locale].firefox,
        'intl.accept_languages': locale === 'fr' ? 'fr-FR, fr' : `${LOCALE_SETTINGS[locale].firefox}, en`,
        'browser.translations.enable': false,
        'browser.aboutwelcome.enabled': false,
        // `permissions.request` grants at once instead of showing a doorhanger no test can answer (the
        // "Toujours aider sur ce site" tests); the request must still come from a user action.
        'extensions.webextOptionalPermissionPrompts': false,
        ...firefoxEmulationPrefs(opts),
      },
    });
  } catch (error) {
    dropProfile();
    throw error;
  }

  try {
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close().catch(() => {});
    dropProfile();
    throw new Error(`[firefox] could not install the extension from ${dir}: ${String(error)}`);
  }

  const onRequest = (page: Page) => interceptor(table, extensionOrigin, page);

  const wrapped = new Map<Page, HPage>();
  const ready = new Map<Page, Promise<HPage>>();
  // Interception is per page in Puppeteer: every page, including tabs the extension opens, gets it here.
  const adopt = (page: Page): Promise<HPage> => {
    const pending = ready.get(page);
    if (pending) return pending;
    const promise = (async () => {
      const consoleMessages: ConsoleEntry[] = [];
      page.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
      page.on('pageerror', (error) => consoleMessages.push({ type: 'pageerror', text: String(error) }));
      page.on('request', onRequest(page));
      await page.setRequestInterception(true);
      const forget = () => {
        wrapped.delete(page);
        ready.delete(page);
      };
      page.on('close', forget);
      const hpage = createHPage(
        'firefox',
        wrapPuppeteerPage(page, extensionOrigin, timeoutMs),
        consoleMessages,
        forget,
      );
      wrapped.set(page, hpage);
      return hpage;
    })();
    ready.set(page, promise);
    return promise;
  };
  browser.on('targetcreated', (target) => {
    void target
      .page()
      .then((page) => (page ? adopt(page) : null))
      .catch(() => {});
  });
  for (const page of await browser.pages()) await adopt(page);

  // Privileged (chrome-scope) script through Puppeteer's BiDi connection: possible because Firefox was
  // started with --remote-allow-system-access; Puppeteer has no public API for it.
  const connection = (browser as unknown as { connection: BidiSend }).connection;
  const chromeEval = async (expression: string): Promise<unknown> => {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('[firefox] no browser window found');
    const evaluation = await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    });
    const result = evaluation.result.result;
    if (!result)
      throw new Error(`[firefox] privileged evaluation failed: ${JSON.stringify(evaluation.result)}`);
    return result.value;
  };

  let closed = false;
  const harness: Harness = {
    name: 'firefox',
    locale,
    extensionId,
    extensionOrigin,
    requests: table.requests,
    blocked: () => table.requests.filter((r) => r.outcome === 'blocked'),
    external: () => table.requests.filter((r) => r.outcome !== 'internal'),
    route: (match, handler) => table.add(match, handler),
    async newPage(url) {
      const hpage = await adopt(await browser.newPage());
      if (url !== undefined) await hpage.goto(url);
      return hpage;
    },
    async openExtensionPage(path = 'popup.html', query) {
      const hpage = await adopt(await browser.newPage());
      await hpage.goto(`${extensionOrigin}/${path.replace(/^\//, '')}${extensionQuery(query)}`);
      return hpage;
    },
    async triggerAction(hpage) {
      const page = hpage.raw as Page;
      await page.bringToFront();
      const url = await hpage.url();
      const expression = `(async () => {
        const spec = gBrowser.selectedBrowser.currentURI.spec;
        if (spec !== ${JSON.stringify(url)}) return 'selected tab is ' + spec;
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(id)});
        if (!extension) return 'extension not running';
        // triggerAction toggles: with a popup panel still open from an earlier call it only closes that
        // panel and grants nothing, so close it first, as a user's click elsewhere would.
        const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
        const open = ViewPopup.for(extension, window);
        if (open) await open.closePopup();
        await extension.apiManager.global.browserActionFor(extension).triggerAction(window);
        return 'ok';
      })()`;
      const outcome = await chromeEval(expression);
      if (outcome !== 'ok') throw new Error(`[firefox] triggerAction failed: ${String(outcome)}`);
      return null;
    },
    pages: () => [...wrapped.values()],
    async close() {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        dropProfile();
      }
    },
  };
  return harness;
}
