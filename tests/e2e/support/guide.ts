import { getFixture, readFixture } from '../../fixtures';
import type { Harness, HPage } from '../harness';

/** Deep-selector prefix into the guide's open shadow root. */
export const G = 'sesame-guide >>> ';

/** Serves each fixture at its own URL (path match; the query string too when the fixture has one). */
export function serveFixtures(h: Harness, names: readonly string[]): void {
  for (const name of names) {
    const f = getFixture(name);
    const base = f.url.split('?')[0] as string;
    h.route(
      (url) => url.split('?')[0] === base && (!f.url.includes('?') || url === f.url),
      () => ({ body: readFixture(name), headers: f.headers }),
    );
  }
}

/** `data-rule` → `data-state` of every checklist line. */
export async function states(page: HPage): Promise<Record<string, string>> {
  const items = await page.queryAll(`${G}[data-rule]`);
  return Object.fromEntries(items.map((i) => [i.attributes['data-rule'], i.attributes['data-state']]));
}

export function guideCount(page: HPage): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('sesame-guide').length);
}

/** Waits until one checklist line reaches `state`. */
export async function waitRule(
  page: HPage,
  rule: string,
  state: 'ok' | 'missing',
  timeoutMs = 5000,
): Promise<void> {
  await page.waitFor(async () => (await states(page))[rule] === state, timeoutMs, `${rule} ${state}`);
}

/** Text of one checklist line (its refused characters included). */
export async function ruleText(page: HPage, rule: string): Promise<string> {
  return (await page.guide(`[data-rule="${rule}"]`))?.text ?? '';
}

/**
 * Whether the guide host sits right after the new-password field: after it in document order, with no
 * other visible input in between (so it is not under the confirmation or the current password).
 */
export function guideRightAfter(page: HPage, newPasswordSelector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const field = document.querySelector(sel);
    const host = document.querySelector('sesame-guide');
    if (!field || !host) return false;
    if ((field.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) return false;
    for (const input of document.querySelectorAll('input')) {
      if (input === field || input.type === 'hidden' || input.getClientRects().length === 0) continue;
      const afterField = (field.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const beforeHost = (input.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (afterField && beforeHost) return false;
    }
    return true;
  }, newPasswordSelector);
}

/** Round trip to the page's main world, in ms: a frozen page never answers. */
export async function pingMs(page: HPage): Promise<number> {
  const start = performance.now();
  const answer = await Promise.race([
    page.evaluate(() => 1),
    new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000)),
  ]);
  if (answer !== 1) throw new Error('page did not answer within 10 s');
  return performance.now() - start;
}

/** `storage.local`, `.session`, `.sync` and the origin's `localStorage`/`sessionStorage` as JSON, read from an extension page. */
export function storageDump(extensionPage: HPage): Promise<string> {
  return extensionPage.evaluate(async () => {
    type Area = { get(k: null): Promise<unknown> };
    const g = globalThis as unknown as {
      browser?: { storage: Record<string, Area | undefined> };
      chrome?: { storage: Record<string, Area | undefined> };
    };
    const storage = (g.browser ?? g.chrome)?.storage;
    const out: Record<string, unknown> = {};
    for (const area of ['local', 'session', 'sync']) {
      const s = storage?.[area];
      out[area] = s ? await s.get(null).catch((e: Error) => `error: ${e.message}`) : 'absent';
    }
    // The extension origin's web storage too: a page of ours could keep a copy there.
    out.localStorage = { ...localStorage };
    out.sessionStorage = { ...sessionStorage };
    return JSON.stringify(out);
  });
}

/** The password the popup shows. */
export async function shownPassword(popup: HPage): Promise<string> {
  await popup.waitForSelector('[data-testid="password"]');
  return popup.evaluate(() => document.querySelector('[data-testid="password"]')?.textContent ?? '');
}

/**
 * The popup acting on `page`: Chromium's real toolbar popup (with its `activeTab` grant); in Firefox the
 * grant is given the same way but the popup is out of reach, so the popup page is opened in a tab, where
 * it targets the most recently used other tab, `page`.
 */
export async function openPopupFor(h: Harness, page: HPage): Promise<HPage> {
  return (await h.triggerAction(page)) ?? h.openExtensionPage('popup.html');
}

/**
 * Clicks the popup's "Nouveau" `count` times inside the page (a harness round trip per click would be
 * slow) and returns every password shown, read back after each click.
 */
export function generateInPopup(popup: HPage, count: number): Promise<string[]> {
  return popup.evaluate(async (n) => {
    const seen: string[] = [];
    const button = document.querySelector<HTMLButtonElement>('[data-action="generate"]');
    if (!button) throw new Error('no generate button');
    const shown = () => document.querySelector('[data-testid="password"]')?.textContent ?? '';
    let last = shown();
    for (let i = 0; i < n; i++) {
      button.click();
      for (let spin = 0; spin < 200 && shown() === last; spin++) await new Promise((r) => setTimeout(r, 0));
      last = shown();
      seen.push(last);
    }
    return seen;
  }, count);
}

/**
 * Clicks the popup's "Remplir la page" and waits for its verdict; returns the password it filled, after
 * checking the popup said it was done.
 */
export async function fillFromPopup(popup: HPage): Promise<string> {
  await popup.waitForSelector('[data-action="fill"]', 10_000);
  const password = await shownPassword(popup);
  await popup.click('[data-action="fill"]');
  await popup.waitFor(
    async () => (await popup.query('.popup__page [data-notice]')) !== null,
    5000,
    'fill outcome',
  );
  const notice = (await popup.query('.popup__page [data-notice]'))?.attributes['data-notice'];
  if (notice !== 'popup_fill_done') throw new Error(`fill outcome: ${notice}`);
  return password;
}
