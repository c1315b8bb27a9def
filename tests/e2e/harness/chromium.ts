import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BrowserContext,
  chromium,
  type ElementHandle,
  type Page,
  type Request,
  type Route,
} from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Target } from 'puppeteer-core';
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
  sleep,
  waitFor,
} from './common';
import { createHPage, type PageDriver } from './page';
import { interceptor, wrapPuppeteerPage } from './puppeteer-page';
import type { ConsoleEntry, Harness, HPage, LaunchOptions, RequestOutcome } from './types';
import { LOCALE_SETTINGS } from './types';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium derives an unpacked extension's id from the manifest `key` if there is one, otherwise from the
 * absolute path of its directory: SHA-256, first 32 hex digits, mapped 0-f → a-p. Computing it avoids
 * needing a background service worker (the MV3 build has none) or scraping chrome://extensions.
 */
export function chromiumExtensionId(dir: string, manifestKey?: unknown): string {
  const input =
    typeof manifestKey === 'string' ? Buffer.from(manifestKey, 'base64') : Buffer.from(realpathSync(dir));
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** The emulation options the caller set, in Playwright's own terms (unset ones keep Playwright's defaults). */
export function chromiumEmulation(opts: LaunchOptions): Record<string, unknown> {
  const { viewport, deviceScaleFactor, isMobile, hasTouch, colorScheme, forcedColors, reducedMotion } = opts;
  const all = { viewport, deviceScaleFactor, isMobile, hasTouch, colorScheme, forcedColors, reducedMotion };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

function wrap(page: Page, timeoutMs: number): PageDriver {
  return {
    raw: page,
    async goto(url) {
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
        click: () => el.click({ timeout: timeoutMs }),
        focus: () => el.focus(),
        dispose: () => el.dispose(),
      };
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    async screenshot(path) {
      await page.screenshot({ path, fullPage: true });
    },
    setViewport: (size) => page.setViewportSize(size),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<Harness> {
  const locale = opts.locale ?? 'fr';
  const dir = realpathSync(extensionDir('chromium', opts.outDir));
  const manifest = readManifest(dir);
  const extensionId = chromiumExtensionId(dir, manifest.key);
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const profile = opts.profileDir ?? makeProfileDir('chromium');
  const dropProfile = () => {
    if (!opts.profileDir) removeDir(profile);
  };
  const table = new RouteTable();
  const timeoutMs = DEFAULT_TIMEOUT_MS;

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: opts.headless ?? true,
      locale: locale === 'fr' ? 'fr-FR' : LOCALE_SETTINGS[locale].tag,
      ...chromiumEmulation(opts),
      // On Linux `--lang` is ignored for the UI language: Chromium reads LANGUAGE/LANG, and that is what
      // `chrome.i18n.getUILanguage()` and `_locales` selection follow.
      env: {
        ...process.env,
        LANGUAGE: LOCALE_SETTINGS[locale].language,
        LANG: `${LOCALE_SETTINGS[locale].posix}.UTF-8`,
      },
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        `--lang=${LOCALE_SETTINGS[locale].tag}`,
        // Both only for `triggerAction`: CDP `Extensions.*` needs the first; the action popup is a target
        // Playwright does not expose, so Puppeteer attaches to it through the port (loopback only).
        '--enable-unsafe-extension-debugging',
        '--remote-debugging-port=0',
      ],
    });
  } catch (error) {
    dropProfile();
    throw error;
  }
  context.setDefaultTimeout(timeoutMs);

  const describeInitiator = (request: Request): { initiator: string | null; fromExtension: boolean } => {
    const worker = request.serviceWorker();
    if (worker) {
      return {
        initiator: `service-worker:${worker.url()}`,
        fromExtension: worker.url().startsWith(extensionOrigin),
      };
    }
    let frameUrl: string | null = null;
    try {
      frameUrl = request.frame().url();
    } catch {
      // Requests without a frame (e.g. from a worker) have no page to attribute them to.
    }
    return { initiator: frameUrl, fromExtension: frameUrl?.startsWith(extensionOrigin) ?? false };
  };

  const record = (request: Request, outcome: RequestOutcome) => {
    table.record({
      url: request.url(),
      resourceType: request.resourceType(),
      outcome,
      ...describeInitiator(request),
    });
  };

  // The route sees http(s) requests of pages and service workers; extension files never reach it, so they
  // are logged from the `request` event instead.
  context.on('request', (request) => {
    if (isInternalUrl(request.url())) record(request, 'internal');
  });
  await context.route(
    () => true,
    async (route: Route) => {
      const request = route.request();
      const url = request.url();
      if (isInternalUrl(url)) {
        await route.continue();
        return;
      }
      const handler = table.find(url);
      if (!handler) {
        record(request, 'blocked');
        await route.abort('blockedbyclient');
        return;
      }
      record(request, 'served');
      try {
        const response = normaliseResponse(await handler(url));
        await route.fulfill({
          status: response.status,
          headers: response.headers,
          contentType: response.contentType,
          body: typeof response.body === 'string' ? response.body : Buffer.from(response.body),
        });
      } catch (error) {
        await route.fulfill({
          status: 500,
          contentType: 'text/plain',
          body: `route handler failed: ${String(error)}`,
        });
      }
    },
  );

  const wrapped = new Map<Page, HPage>();
  const adopt = (page: Page): HPage => {
    const existing = wrapped.get(page);
    if (existing) return existing;
    const consoleMessages: ConsoleEntry[] = [];
    page.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => consoleMessages.push({ type: 'pageerror', text: String(error) }));
    const forget = () => wrapped.delete(page);
    page.on('close', forget);
    const hpage = createHPage('chromium', wrap(page, timeoutMs), consoleMessages, forget);
    wrapped.set(page, hpage);
    return hpage;
  };
  context.on('page', (page) => adopt(page));
  // The persistent context starts with one blank tab; keep it so the window never has zero tabs.
  for (const page of context.pages()) adopt(page);

  const manifestAction = (manifest.action ?? {}) as { default_popup?: unknown };
  const popupPath =
    typeof manifestAction.default_popup === 'string' ? manifestAction.default_popup : 'popup.html';
  let puppeteerBrowser: PuppeteerBrowser | null = null;
  const popups = new Set<HPage>();

  const connectPuppeteer = async (): Promise<PuppeteerBrowser> => {
    if (puppeteerBrowser) return puppeteerBrowser;
    const portFile = join(profile, 'DevToolsActivePort');
    await waitFor(() => existsSync(portFile), timeoutMs, '[chromium] DevToolsActivePort');
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    puppeteerBrowser = await puppeteer.connect({
      browserWSEndpoint: `ws://127.0.0.1:${port}${path}`,
      defaultViewport: null,
    });
    return puppeteerBrowser;
  };

  const tabTargetId = async (page: Page): Promise<string> => {
    const browser = context.browser();
    if (!browser) throw new Error('[chromium] no browser-level CDP session');
    const session = await browser.newBrowserCDPSession();
    try {
      const list = async () =>
        (
          (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
            targetInfos: { targetId: string; url: string; title: string }[];
          }
        ).targetInfos;
      const sameUrl = (await list()).filter((t) => t.url === page.url());
      if (sameUrl.length === 1 && sameUrl[0]) return sameUrl[0].targetId;
      // Several tabs on the same URL: tell them apart by a one-off title, then put the title back.
      const marker = `sesame-e2e-${randomUUID()}`;
      const title = await page.evaluate((m) => {
        const old = document.title;
        document.title = m;
        return old;
      }, marker);
      await sleep(50);
      const found = (await list()).find((t) => t.title === marker);
      await page.evaluate((t) => {
        document.title = t;
      }, title);
      if (!found) throw new Error(`[chromium] cannot find the tab target of ${page.url()}`);
      return found.targetId;
    } finally {
      await session.detach().catch(() => {});
    }
  };

  let closed = false;
  const harness: Harness = {
    name: 'chromium',
    locale,
    extensionId,
    extensionOrigin,
    requests: table.requests,
    blocked: () => table.requests.filter((r) => r.outcome === 'blocked'),
    external: () => table.requests.filter((r) => r.outcome !== 'internal'),
    route: (match, handler) => table.add(match, handler),
    async newPage(url) {
      const hpage = adopt(await context.newPage());
      if (url !== undefined) await hpage.goto(url);
      return hpage;
    },
    async openExtensionPage(path = 'popup.html', query) {
      const hpage = adopt(await context.newPage());
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}${extensionQuery(query)}`;
      try {
        await hpage.goto(url);
      } catch (error) {
        throw new Error(
          `[chromium] could not open ${url}; is the extension loaded from ${dir}? ${String(error)}`,
        );
      }
      return hpage;
    },
    async triggerAction(hpage) {
      const page = hpage.raw as Page;
      await page.bringToFront();
      const targetId = await tabTargetId(page);
      const pb = await connectPuppeteer();
      const before = new Set<Target>(pb.targets());
      const popupUrl = `${extensionOrigin}/${popupPath.replace(/^\//, '')}`;
      const browser = context.browser();
      if (!browser) throw new Error('[chromium] no browser-level CDP session');
      const session = await browser.newBrowserCDPSession();
      try {
        await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId } as never);
      } finally {
        await session.detach().catch(() => {});
      }
      const target = await pb.waitForTarget((t) => !before.has(t) && t.url().startsWith(popupUrl), {
        timeout: timeoutMs,
      });
      const popupPage = await target.asPage();
      const consoleMessages: ConsoleEntry[] = [];
      popupPage.on('console', (message) =>
        consoleMessages.push({ type: message.type(), text: message.text() }),
      );
      popupPage.on('pageerror', (error) => consoleMessages.push({ type: 'pageerror', text: String(error) }));
      // The popup's first requests (its own files) are over by now; later ones go through the routes.
      popupPage.on('request', interceptor(table, extensionOrigin, popupPage));
      await popupPage.setRequestInterception(true);
      let popup: HPage | null = null;
      const forget = () => {
        if (popup) popups.delete(popup);
      };
      popupPage.on('close', forget);
      popup = createHPage(
        'chromium',
        wrapPuppeteerPage(popupPage, extensionOrigin, timeoutMs),
        consoleMessages,
        forget,
      );
      popups.add(popup);
      await waitFor(
        async () => (await popupPage.evaluate('document.readyState')) === 'complete',
        timeoutMs,
        '[chromium] action popup to load',
      );
      return popup;
    },
    pages: () => [...wrapped.values(), ...popups],
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (puppeteerBrowser) await puppeteerBrowser.disconnect().catch(() => {});
        await context.close();
      } finally {
        dropProfile();
      }
    },
  };
  return harness;
}
