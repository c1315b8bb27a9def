import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import {
  DEFAULT_TIMEOUT_MS,
  extensionDir,
  extensionQuery,
  isInternalUrl,
  makeProfileDir,
  normaliseResponse,
  RouteTable,
  readManifest,
  removeDir,
  waitFor,
} from './common';
import { createHPage, type PageDriver } from './page';
import type { ConsoleEntry, Harness, HPage, LaunchOptions } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Pinned through `extensions.webextensions.uuids` so `moz-extension://` URLs are known before install. */
export const FIREFOX_EXTENSION_UUID = '5e5a3e00-5e5a-4e5a-8e5a-5e5a3e000001';

function geckoId(manifest: Record<string, unknown>): string {
  const settings = manifest.browser_specific_settings as { gecko?: { id?: unknown } } | undefined;
  const id = settings?.gecko?.id;
  if (typeof id !== 'string') {
    throw new Error('firefox-mv2/manifest.json has no browser_specific_settings.gecko.id');
  }
  return id;
}

function safeResourceType(request: HTTPRequest): string {
  try {
    return request.resourceType();
  } catch {
    // WebDriver BiDi does not expose resource types yet.
    return request.isNavigationRequest() ? 'document' : 'other';
  }
}

function wrap(page: Page, extensionOrigin: string, timeoutMs: number): PageDriver {
  return {
    raw: page,
    async goto(url) {
      if (url.startsWith(extensionOrigin)) {
        // Firefox never reports extension pages as loaded over BiDi, so awaiting the navigation would hang
        // until the timeout: start it, then watch the page itself.
        page.goto(url, { timeout: timeoutMs }).catch(() => {});
        await waitFor(
          async () =>
            (await page.evaluate('location.href + "|" + document.readyState')) === `${url}|complete`,
          timeoutMs,
          `[firefox] extension page ${url} to load`,
        );
        return;
      }
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    },
    evaluateSource: (source) => page.evaluate(source),
    evaluateFn: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg),
    async element(source) {
      const handle = await page.evaluateHandle(source);
      const el = handle.asElement() as ElementHandle<Element> | null;
      if (!el) {
        await handle.dispose();
        return null;
      }
      return {
        click: () => el.click(),
        focus: () => el.focus(),
        dispose: () => el.dispose(),
      };
    },
    type: (text) => page.keyboard.type(text),
    press: async (key) => {
      const parts = key.split('+');
      const main = parts.pop() ?? key;
      for (const modifier of parts) await page.keyboard.down(modifier as never);
      await page.keyboard.press(main as never);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<Harness> {
  const locale = opts.locale ?? 'fr';
  const dir = extensionDir('firefox', opts.outDir);
  const id = geckoId(readManifest(dir));
  const extensionId = FIREFOX_EXTENSION_UUID;
  const extensionOrigin = `moz-extension://${extensionId}`;
  const profile = makeProfileDir('firefox');
  const table = new RouteTable();
  const timeoutMs = DEFAULT_TIMEOUT_MS;

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: extensionId }),
        // The French UI needs the `firefox-esr-l10n-fr` langpack (application scope, enabled by default).
        'intl.locale.requested': locale === 'fr' ? 'fr' : 'en-US',
        'intl.accept_languages': locale === 'fr' ? 'fr-FR, fr' : 'en-US, en',
        'browser.translations.enable': false,
        'browser.aboutwelcome.enabled': false,
      },
    });
  } catch (error) {
    removeDir(profile);
    throw error;
  }

  try {
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close().catch(() => {});
    removeDir(profile);
    throw new Error(`[firefox] could not install the extension from ${dir}: ${String(error)}`);
  }

  const onRequest = (page: Page) => async (request: HTTPRequest) => {
    const url = request.url();
    let initiator: string | null = null;
    try {
      initiator = request.frame()?.url() ?? page.url();
    } catch {
      initiator = null;
    }
    const fromExtension = initiator?.startsWith(extensionOrigin) ?? false;
    const base = { url, resourceType: safeResourceType(request), initiator, fromExtension };
    if (isInternalUrl(url)) {
      table.record({ ...base, outcome: 'internal' });
      await request.continue().catch(() => {});
      return;
    }
    const handler = table.find(url);
    if (!handler) {
      table.record({ ...base, outcome: 'blocked' });
      await request.abort('blockedbyclient').catch(() => {});
      return;
    }
    table.record({ ...base, outcome: 'served' });
    try {
      const response = normaliseResponse(await handler(url));
      await request.respond({
        status: response.status,
        headers: response.headers,
        contentType: response.contentType,
        body: response.body,
      });
    } catch (error) {
      await request
        .respond({ status: 500, contentType: 'text/plain', body: `route handler failed: ${String(error)}` })
        .catch(() => {});
    }
  };

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
      const hpage = createHPage('firefox', wrap(page, extensionOrigin, timeoutMs), consoleMessages, forget);
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
    pages: () => [...wrapped.values()],
    async close() {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        removeDir(profile);
      }
    },
  };
  return harness;
}
