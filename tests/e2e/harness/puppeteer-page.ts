import type { ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import { isInternalUrl, normaliseResponse, type RouteTable, waitFor } from './common';
import type { PageDriver } from './page';

function safeResourceType(request: HTTPRequest): string {
  try {
    return request.resourceType();
  } catch {
    // WebDriver BiDi does not expose resource types yet.
    return request.isNavigationRequest() ? 'document' : 'other';
  }
}

/**
 * Puppeteer never updates `page.url()` for `moz-extension:` pages (BiDi reports no navigation), so the
 * extension URL a page was sent to is remembered here to attribute its requests.
 */
const extensionPageUrl = new WeakMap<Page, string>();

export function wrapPuppeteerPage(page: Page, extensionOrigin: string, timeoutMs: number): PageDriver {
  return {
    raw: page,
    async goto(url) {
      if (url.startsWith(extensionOrigin)) {
        extensionPageUrl.set(page, url);
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
      extensionPageUrl.delete(page);
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
    async setViewport(size) {
      await page.setViewport({ ...size, deviceScaleFactor: page.viewport()?.deviceScaleFactor ?? 1 });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export function interceptor(table: RouteTable, extensionOrigin: string, page: Page) {
  return async (request: HTTPRequest): Promise<void> => {
    const url = request.url();
    let initiator: string | null = null;
    try {
      initiator = request.frame()?.url() ?? page.url();
      const remembered = extensionPageUrl.get(page);
      if (remembered && (initiator === 'about:blank' || initiator === '')) initiator = remembered;
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
}
