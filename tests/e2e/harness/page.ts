import { DEFAULT_TIMEOUT_MS, waitFor } from './common';
import { capsLockSource, elementSource, fillSource, queryAllSource } from './in-page';
import type { BrowserName, ConsoleEntry, ElementInfo, HPage } from './types';

export interface ElementDriver {
  click(): Promise<void>;
  focus(): Promise<void>;
  dispose(): Promise<void>;
}

/** The little each driver must provide; everything else in `HPage` is shared. */
export interface PageDriver {
  raw: unknown;
  goto(url: string): Promise<void>;
  evaluateSource(source: string): Promise<unknown>;
  evaluateFn(fn: (arg: never) => unknown, arg: unknown): Promise<unknown>;
  /** null when the expression yields no element. */
  element(source: string): Promise<ElementDriver | null>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export function createHPage(
  browser: BrowserName,
  driver: PageDriver,
  consoleMessages: ConsoleEntry[],
  onClose: () => void,
): HPage {
  const queryAll = async (selector: string): Promise<ElementInfo[]> =>
    (await driver.evaluateSource(queryAllSource(selector))) as ElementInfo[];

  const element = async (selector: string): Promise<ElementDriver> => {
    const handle = await driver.element(elementSource(selector));
    if (!handle) throw new Error(`[${browser}] no element matches ${JSON.stringify(selector)}`);
    return handle;
  };

  const page: HPage = {
    browser,
    consoleMessages,
    raw: driver.raw,
    async url() {
      return (await driver.evaluateSource('location.href')) as string;
    },
    goto: (url) => driver.goto(url),
    async evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return (await driver.evaluateFn(fn as (arg: never) => unknown, arg)) as R;
    },
    async evaluateSource<R = unknown>(source: string): Promise<R> {
      return (await driver.evaluateSource(source)) as R;
    },
    async type(selector, text) {
      const handle = await element(selector);
      try {
        await handle.focus();
      } finally {
        await handle.dispose();
      }
      await driver.type(text);
    },
    async fill(selector, value) {
      const done = await driver.evaluateSource(fillSource(selector, value));
      if (done !== true) throw new Error(`[${browser}] no element matches ${JSON.stringify(selector)}`);
    },
    async click(selector) {
      const handle = await element(selector);
      try {
        await handle.click();
      } finally {
        await handle.dispose();
      }
    },
    async focus(selector) {
      const handle = await element(selector);
      try {
        await handle.focus();
      } finally {
        await handle.dispose();
      }
    },
    async press(key) {
      if (key.split('+').includes('CapsLock')) {
        throw new Error(
          `[${browser}] a real CapsLock press cannot turn the lock on in a headless browser; use pressWithCapsLock(selector, key)`,
        );
      }
      await driver.press(key);
    },
    async pressWithCapsLock(selector, key = 'A') {
      const done = await driver.evaluateSource(capsLockSource(selector, key));
      if (done !== true) throw new Error(`[${browser}] no element matches ${JSON.stringify(selector)}`);
    },
    async query(selector) {
      return (await queryAll(selector))[0] ?? null;
    },
    queryAll,
    guide(inner) {
      return page.query(`sesame-guide >>> ${inner}`);
    },
    waitFor,
    async waitForSelector(selector, timeoutMs = DEFAULT_TIMEOUT_MS) {
      let found: ElementInfo | null = null;
      await waitFor(
        async () => {
          found = await page.query(selector);
          return found !== null;
        },
        timeoutMs,
        `[${browser}] element ${JSON.stringify(selector)}`,
      );
      return found as unknown as ElementInfo;
    },
    screenshot: (path) => driver.screenshot(path),
    setViewport: (size) => driver.setViewport(size),
    bringToFront: () => driver.bringToFront(),
    async close() {
      onClose();
      await driver.close();
    },
  };
  return page;
}
